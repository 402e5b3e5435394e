import { memberChanges } from './memberChanges.js';
import { oneLine } from './oneLine.js';
import { stableTokens } from './stableTokens.js';
import type { RunReport } from './runReport.js';
import type { RuleResult, RuleStatus } from './ruleResult.js';

/** Which run a side of the diff is: enough to tell two runs apart in a header. */
export interface RunLabel {
  target: string;
  endpoint: string;
  region: string;
  transport: RunReport['target']['transport'];
  sdkVersion?: string;
  toolVersion: string;
  modelDate: string;
  seed: number;
  runs: number;
  startedAt: string;
}

export interface StatusChange {
  id: string;
  before: RuleStatus;
  after: RuleStatus;
  /** The reason of the later run (why it failed, errored or was skipped), if it gave one. */
  reason?: string;
}

export interface ObservedChange {
  id: string;
  before: unknown;
  after: unknown;
  reason?: string;
}

export interface ReportDiff {
  before: RunLabel;
  after: RunLabel;
  /** Rules that did not fail before and do now: passed or skipped → failed or error. */
  regressions: StatusChange[];
  /** failed or error → passed. */
  fixes: StatusChange[];
  /** Any other status → skipped or incomplete (lost coverage: a fixture the target no longer offers, a budget spent). */
  newlySkipped: StatusChange[];
  /** The remaining transitions: skipped or incomplete → passed, failed ↔ error. */
  otherChanges: StatusChange[];
  /** Rules only in the later run (a newer contract), with their status there. */
  added: { id: string; status: RuleStatus }[];
  /** Rules only in the earlier run. */
  removed: { id: string; status: RuleStatus }[];
  /** Rules failing in both runs whose observed outcome changed (SDK or target upgrades). */
  observedChanged: ObservedChange[];
  /** Rules whose SDK view of the first case changed (`--transport sdk` runs): serialization, defaults, error mapping. */
  sdkChanged: ObservedChange[];
}

function label(r: RunReport): RunLabel {
  return {
    target: r.target.name,
    endpoint: r.target.endpoint,
    region: r.target.region,
    transport: r.target.transport,
    ...(r.target.sdkVersion === undefined ? {} : { sdkVersion: r.target.sdkVersion }),
    toolVersion: r.tool.version,
    modelDate: r.contract.modelDate,
    seed: r.seed,
    runs: r.runs,
    startedAt: r.startedAt,
  };
}

/** JSON with object keys sorted, so that key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(stableTokens(value), (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }) ?? 'undefined';
}

const bad = (s: RuleStatus) => s === 'failed' || s === 'error';

function withReason(change: Omit<StatusChange, 'reason'>, after: RuleResult): StatusChange {
  return after.reason === undefined ? change : { ...change, reason: after.reason };
}

/** What changed, rule by rule, from run `before` to run `after`. Rules keep the later run's order. */
export function diffReports(before: RunReport, after: RunReport): ReportDiff {
  const diff: ReportDiff = { before: label(before), after: label(after), regressions: [], fixes: [], newlySkipped: [], otherChanges: [], added: [], removed: [], observedChanged: [], sdkChanged: [] };
  const earlier = new Map(before.rules.map((r) => [r.id, r]));
  const later = new Set(after.rules.map((r) => r.id));
  for (const b of after.rules) {
    const a = earlier.get(b.id);
    if (!a) {
      diff.added.push({ id: b.id, status: b.status });
      continue;
    }
    if (a.sdk !== undefined && b.sdk !== undefined && canonical(a.sdk) !== canonical(b.sdk)) {
      diff.sdkChanged.push({ id: b.id, before: a.sdk, after: b.sdk });
    }
    if (a.status === b.status) {
      if (b.status === 'failed' && canonical(a.observed) !== canonical(b.observed)) {
        diff.observedChanged.push({ id: b.id, before: a.observed, after: b.observed, ...(b.reason === undefined ? {} : { reason: b.reason }) });
      }
      continue;
    }
    const change = withReason({ id: b.id, before: a.status, after: b.status }, b);
    if (bad(b.status) && !bad(a.status)) diff.regressions.push(change);
    else if (b.status === 'passed' && bad(a.status)) diff.fixes.push(change);
    else if (b.status === 'skipped' || b.status === 'incomplete' || b.status === 'interrupted') diff.newlySkipped.push(change);
    else diff.otherChanges.push(change);
  }
  for (const a of before.rules) if (!later.has(a.id)) diff.removed.push({ id: a.id, status: a.status });
  return diff;
}

/** Observed outcomes and SDK views get more room than reasons. */
const VALUE_WIDTH = 200;

/** The A and B lines of a change to one value. */
function beforeAfter(label: string, c: ObservedChange): string[] {
  return [`    A ${label}: ${oneLine(c.before, VALUE_WIDTH)}`, `    B ${label}: ${oneLine(c.after, VALUE_WIDTH)}`];
}

/** Which members of an SDK view changed, named before the two values (which may be cut short). */
function memberLines(c: ObservedChange): string[] {
  const m = memberChanges(c.before, c.after);
  return [
    ...(m.onlyInA.length ? [`    only in A: ${m.onlyInA.join(', ')}`] : []),
    ...(m.onlyInB.length ? [`    only in B: ${m.onlyInB.join(', ')}`] : []),
    ...(m.changed.length ? [`    changed: ${m.changed.join(', ')}`] : []),
  ];
}

function header(name: string, l: RunLabel, source?: string): string {
  return `${name}: ${l.target} (${l.endpoint}, ${l.region}, ${l.transport}${l.sdkVersion ? ` @aws-sdk/client-cognito-identity-provider ${l.sdkVersion}` : ''}), cognito-conformance ${l.toolVersion}, model ${l.modelDate}, seed ${l.seed}, runs ${l.runs}, started ${l.startedAt}${source ? ` — ${source}` : ''}`;
}

/** The terminal view of a diff: both runs, then each group of changes, then a count line. */
export function diffText(diff: ReportDiff, sources: { before?: string; after?: string } = {}): string {
  const out = [header('A', diff.before, sources.before), header('B', diff.after, sources.after)];
  const notes: string[] = [];
  if (diff.before.target !== diff.after.target) notes.push(`different targets (${diff.before.target} vs ${diff.after.target})`);
  if (diff.before.seed !== diff.after.seed || diff.before.runs !== diff.after.runs) notes.push('different seeds or runs: the two runs sent different cases');
  if (notes.length) out.push(`Note: ${notes.join('; ')}.`);
  const width = Math.max(10, ...[...diff.regressions, ...diff.fixes, ...diff.newlySkipped, ...diff.otherChanges, ...diff.added, ...diff.removed].map((c) => c.id.length));
  const changes = (title: string, list: StatusChange[]) => {
    if (!list.length) return;
    out.push('', `${title} (${list.length}):`);
    for (const c of list) out.push(`  ${c.id.padEnd(width)}  ${`${c.before} → ${c.after}`.padEnd(18)}${c.reason ? `  ${oneLine(c.reason, 160)}` : ''}`.trimEnd());
  };
  changes('Regressions', diff.regressions);
  changes('Fixes', diff.fixes);
  changes('Newly skipped', diff.newlySkipped);
  changes('Other status changes', diff.otherChanges);
  if (diff.added.length) {
    out.push('', `Added rules, only in B (${diff.added.length}):`);
    for (const r of diff.added) out.push(`  ${r.id.padEnd(width)}  ${r.status}`);
  }
  if (diff.removed.length) {
    out.push('', `Removed rules, only in A (${diff.removed.length}):`);
    for (const r of diff.removed) out.push(`  ${r.id.padEnd(width)}  ${r.status}`);
  }
  if (diff.observedChanged.length) {
    out.push('', `Still failing, observed outcome changed (${diff.observedChanged.length}):`);
    for (const c of diff.observedChanged) {
      out.push(`  ${c.id}${c.reason ? ` — ${oneLine(c.reason, 160)}` : ''}`, ...beforeAfter('observed', c));
    }
  }
  if (diff.sdkChanged.length) {
    out.push('', `SDK view changed (${diff.sdkChanged.length}; same request, what the SDK sent or returned differs):`);
    for (const c of diff.sdkChanged) out.push(`  ${c.id}`, ...memberLines(c), ...beforeAfter('sdk', c));
  }
  const counts = [
    [diff.regressions.length, 'regression', 'regressions'],
    [diff.fixes.length, 'fix', 'fixes'],
    [diff.newlySkipped.length, 'newly skipped', 'newly skipped'],
    [diff.otherChanges.length, 'other change', 'other changes'],
    [diff.added.length, 'added', 'added'],
    [diff.removed.length, 'removed', 'removed'],
    [diff.observedChanged.length, 'observed change', 'observed changes'],
    [diff.sdkChanged.length, 'SDK view change', 'SDK view changes'],
  ] as const;
  const total = counts.reduce((n, [c]) => n + c, 0);
  out.push('', total === 0 ? 'No rule changed.' : counts.filter(([c]) => c > 0).map(([c, one, many]) => `${c} ${c === 1 ? one : many}`).join(', '));
  return out.join('\n') + '\n';
}
