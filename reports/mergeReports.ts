import { contract } from '../contract/contract.js';
import { HarnessError } from '../targets/harnessError.js';
import { totalsOf, type RunReport } from './runReport.js';
import type { RuleResult } from './ruleResult.js';

/** Fields every shard of one run shares; a difference means the shards come from different runs. */
const SAME: readonly [string, (r: RunReport) => unknown][] = [
  ['target name', (r) => r.target.name],
  ['region', (r) => r.target.region],
  ['transport', (r) => r.target.transport],
  ['tool version', (r) => r.tool.version],
  ['contract model date', (r) => r.contract.modelDate],
  ['seed', (r) => r.seed],
  ['runs', (r) => r.runs],
];

function mergeCapabilities(shards: readonly RunReport[]): RunReport['capabilities'] {
  const all = shards.map((s) => s.capabilities).filter((c): c is NonNullable<RunReport['capabilities']> => c !== undefined);
  if (!all.length) return undefined;
  const reasons: Record<string, string | undefined> = {};
  for (const c of all) for (const [k, v] of Object.entries(c.reasons)) reasons[k] ??= v;
  // Each shard probed the same target; should they disagree, the merged report claims only what all had.
  return {
    resourceServer: all.every((c) => c.resourceServer),
    identityProvider: all.every((c) => c.identityProvider),
    analytics: all.every((c) => c.analytics),
    reasons,
  };
}

/**
 * One report from the reports of a sharded run (`vitest --shard i/n`, each shard writing its own
 * report.json): the union of the rules in contract order, the earliest start and the latest finish,
 * totals recounted, every shard's harness errors and notes. Shards of different runs (target, seed, …) or a
 * rule with different statuses in two shards are a HarnessError `E_CONFIG`. `names` label the
 * shards in messages (their file paths, say).
 */
export function mergeReports(shards: readonly RunReport[], names: readonly string[] = shards.map((_, i) => `shard ${i + 1}`)): RunReport {
  const first = shards[0];
  if (!first) throw new HarnessError('E_CONFIG', 'merge needs at least one report');
  const nameOf = (i: number) => names[i] ?? `shard ${i + 1}`;
  for (const [what, get] of SAME) {
    const i = shards.findIndex((s) => get(s) !== get(first));
    if (i > 0) throw new HarnessError('E_CONFIG', `${nameOf(i)} is from another run: ${what} ${JSON.stringify(get(shards[i] as RunReport))}, but ${nameOf(0)} has ${JSON.stringify(get(first))}`);
  }
  const byId = new Map<string, { result: RuleResult; shard: number }>();
  for (const [i, shard] of shards.entries()) {
    for (const result of shard.rules) {
      const seen = byId.get(result.id);
      if (!seen) byId.set(result.id, { result, shard: i });
      else if (seen.result.status !== result.status) {
        throw new HarnessError('E_CONFIG', `rule ${result.id} is ${seen.result.status} in ${nameOf(seen.shard)} but ${result.status} in ${nameOf(i)}`);
      }
    }
  }
  // Contract order; rules the contract does not know (a report of another version) go last.
  const order = new Map(contract.rules.map((r, i) => [r.id, i]));
  const rules = [...byId.values()].map((v) => v.result).sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  // An embedded emulator listens on a fresh port in every shard: list each endpoint once.
  const endpoints = [...new Set(shards.map((s) => s.target.endpoint))];
  const capabilities = mergeCapabilities(shards);
  const startedAt = shards.map((s) => s.startedAt).reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
  const finishedAt = shards.map((s) => s.finishedAt).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  const notes = [...new Set(shards.flatMap((s) => s.notes ?? []))];
  return {
    tool: first.tool,
    contract: first.contract,
    target: { ...first.target, endpoint: endpoints.join(', ') },
    seed: first.seed,
    runs: first.runs,
    startedAt,
    finishedAt,
    totals: totalsOf(rules),
    ...(capabilities ? { capabilities } : {}),
    rules,
    harnessErrors: shards.flatMap((s) => s.harnessErrors),
    ...(notes.length ? { notes } : {}),
  };
}
