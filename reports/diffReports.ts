import { oneLine } from './oneLine.js';
import { sdkViewChange } from './sdkViewChange.js';
import { stableTokens, tokenScope, type TokenScope } from './stableTokens.js';
import type { RunReport } from './runReport.js';
import type { RuleResult, RuleStatus, SdkSample } from './ruleResult.js';
import { valueChangeLine } from './valueChangeLine.js';
import { valueChanges } from './valueChanges.js';
import { sdkLabel } from './sdkLabel.js';

/** Which run a side of the diff is: enough to tell two runs apart in a header. */
export interface RunLabel {
  target: string;
  endpoint: string;
  region: string;
  transport: RunReport['target']['transport'];
  sdkVersion?: string;
  /** Where the run loaded the SDK from (targets/sdk/sdkSource.ts), when the report says. */
  sdkOrigin?: string;
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
  /** Both values as the reports hold them. */
  before: unknown;
  after: unknown;
  reason?: string;
  /**
   * What differs, in words, once run-to-run values are stable tokens: for an SDK view, what one SDK
   * dropped or refused that the other did not (reports/sdkViewChange.ts); for an observed outcome,
   * member by member.
   */
  details: string[];
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
    ...(r.target.sdkOrigin === undefined ? {} : { sdkOrigin: r.target.sdkOrigin }),
    toolVersion: r.tool.version,
    modelDate: r.contract.modelDate,
    seed: r.seed,
    runs: r.runs,
    startedAt: r.startedAt,
  };
}

/**
 * A value of one run as it is compared: run-to-run values (ids, run-scoped names, secrets, dates,
 * request ids) as stable tokens found with the run's whole report, lists as multisets, keys sorted
 * (reports/stableTokens.ts).
 */
function comparable(value: unknown, scope: TokenScope): { value: unknown; text: string } {
  const tokens = stableTokens(value, scope);
  return { value: tokens, text: JSON.stringify(tokens) ?? 'undefined' };
}

const bad = (s: RuleStatus) => s === 'failed' || s === 'error';

function withReason(change: Omit<StatusChange, 'reason'>, after: RuleResult): StatusChange {
  return after.reason === undefined ? change : { ...change, reason: after.reason };
}

/** What changed, rule by rule, from run `before` to run `after`. Rules keep the later run's order. */
export function diffReports(before: RunReport, after: RunReport): ReportDiff {
  const diff: ReportDiff = { before: label(before), after: label(after), regressions: [], fixes: [], newlySkipped: [], otherChanges: [], added: [], removed: [], observedChanged: [], sdkChanged: [] };
  const earlier = new Map(before.rules.map((r) => [r.id, r]));
  const scopeA = tokenScope(before);
  const scopeB = tokenScope(after);
  const later = new Set(after.rules.map((r) => r.id));
  for (const b of after.rules) {
    const a = earlier.get(b.id);
    if (!a) {
      diff.added.push({ id: b.id, status: b.status });
      continue;
    }
    if (a.sdk !== undefined && b.sdk !== undefined) {
      const [sa, sb] = [comparable(a.sdk, scopeA), comparable(b.sdk, scopeB)];
      if (sa.text !== sb.text) diff.sdkChanged.push({ id: b.id, before: a.sdk, after: b.sdk, details: sdkViewChange(sa.value as SdkSample, sb.value as SdkSample) });
    }
    if (a.status === b.status) {
      if (b.status === 'failed') {
        const [oa, ob] = [comparable(a.observed, scopeA), comparable(b.observed, scopeB)];
        if (oa.text !== ob.text) {
          diff.observedChanged.push({ id: b.id, before: a.observed, after: b.observed, ...(b.reason === undefined ? {} : { reason: b.reason }), details: observedDetails(oa.value, ob.value) });
        }
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
const MAX_DETAILS = 8;

/** An observed outcome's changes member by member (`status: 200 in A, 400 in B`). */
function observedDetails(a: unknown, b: unknown): string[] {
  const lines = valueChanges(a, b).map((c) => valueChangeLine(c, c.path ? '' : 'observed'));
  return lines.length > MAX_DETAILS ? [...lines.slice(0, MAX_DETAILS), `… ${lines.length - MAX_DETAILS} more members differ`] : lines;
}

/**
 * What changed in one value: the details in words; the two whole values (cut) only when no detail
 * says it, since they differ mostly in ids that are not the change (`--json` has them whole).
 */
function changeLines(label: string, c: ObservedChange): string[] {
  if (c.details.length) return c.details.map((d) => `    ${d}`);
  return [`    A ${label}: ${oneLine(c.before, VALUE_WIDTH)}`, `    B ${label}: ${oneLine(c.after, VALUE_WIDTH)}`];
}

function header(name: string, l: RunLabel, source?: string): string {
  return `${name}: ${l.target} (${l.endpoint}, ${l.region}, ${l.transport}${sdkLabel(l)}), cognito-conformance ${l.toolVersion}, model ${l.modelDate}, seed ${l.seed}, runs ${l.runs}, started ${l.startedAt}${source ? ` — ${source}` : ''}`;
}

/** The terminal view of a diff: both runs, then each group of changes, then a count line. */
export function diffText(diff: ReportDiff, sources: { before?: string; after?: string } = {}): string {
  const out = [header('A', diff.before, sources.before), header('B', diff.after, sources.after)];
  const notes: string[] = [];
  if (diff.before.target !== diff.after.target) notes.push(`different targets (${diff.before.target} vs ${diff.after.target})`);
  if (diff.before.sdkVersion !== undefined && diff.after.sdkVersion !== undefined && diff.before.sdkVersion !== diff.after.sdkVersion) {
    notes.push(`different SDK versions (${diff.before.sdkVersion} vs ${diff.after.sdkVersion})`);
  }
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
      out.push(`  ${c.id}${c.reason ? ` — ${oneLine(c.reason, 160)}` : ''}`, ...changeLines('observed', c));
    }
  }
  if (diff.sdkChanged.length) {
    out.push('', `SDK view changed (${diff.sdkChanged.length}; same request, what the SDK sent or returned differs):`);
    for (const c of diff.sdkChanged) out.push(`  ${c.id}`, ...changeLines('sdk', c));
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
  const bothSdk = diff.before.transport === 'sdk' && diff.after.transport === 'sdk';
  out.push('', total === 0 ? `No change: every rule has the same status${bothSdk ? ', observed outcome and SDK view' : ' and observed outcome'} (ids, run-scoped names, secrets, dates and request ids aside).` : counts.filter(([c]) => c > 0).map(([c, one, many]) => `${c} ${c === 1 ? one : many}`).join(', '));
  return out.join('\n') + '\n';
}
