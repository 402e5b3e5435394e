import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import type { FaultName } from '../testing/fakeFaults.js';
import { prepareRun, type PreparedRun } from './prepareRun.js';
import { readRunSettings } from './runSettings.js';
import { runRules } from './runRules.js';
import { selectRules } from './selectRules.js';

/**
 * Verdicts do not move when the runner is made faster: the whole contract, at the default seed and
 * runs, against the in-process fake Cognito with a fixed set of planted faults (deterministic: the
 * fake answers a request the same way every time, and the faults below do not depend on the order
 * rules run in), gives every rule the status the stored report holds, and no counterexample is
 * longer (as JSON) than the stored one. A shorter one is fine: that is a better shrink.
 *
 * The stored report is testing/fixtures/verdictStability.json. When the contract, a generator or an
 * oracle changes ON PURPOSE (a rule added, a generator that makes other cases, a rule corrected
 * from evidence), regenerate it and review the diff like code:
 *   UPDATE_VERDICT_FIXTURE=1 npx vitest run runner/verdictStability.test.ts
 *   git diff testing/fixtures/verdictStability.json
 * A change of status, or a longer counterexample, in that diff is exactly what this test exists to
 * catch: it is deliberate only if the commit says why.
 */
const FIXTURE = fileURLToPath(new URL('../testing/fixtures/verdictStability.json', import.meta.url));
const UPDATE = process.env.UPDATE_VERDICT_FIXTURE === '1';

/**
 * One or two faults per oracle, among those whose flags do not depend on which rule ran before
 * (not duplicate-client-id or list-missing-client, which read what other rules created).
 */
const FAULTS: readonly FaultName[] = [
  'accept-invalid', 'wrong-error-type', 'echo-drops-list-item', 'fills-token-units',
  'default-refresh-30-missing', 'describe-differs', 'side-effect-on-reject', 'timestamps-ms', 'secret-short',
  'client-id-w-z', 'status-404-for-not-found', 'lists-reordered', 'client-id-25-chars',
  'message-pool-id-only', 'unknown-client-200', 'list-shows-secret',
];
const SEED = 42;
const RUNS = 25;

interface StoredRule {
  status: string;
  /** JSON length of the counterexample, for failed rules. */
  counterexampleLength?: number;
  path?: string;
}

interface StoredReport {
  seed: number;
  runs: number;
  faults: readonly string[];
  rules: Record<string, StoredRule>;
}

const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });

describe('verdict stability', () => {
  let fake: FakeCognito;
  let prepared: PreparedRun;
  beforeAll(async () => {
    fake = await startFakeCognito({ faults: new Set(FAULTS) });
    const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', seed: String(SEED), runs: String(RUNS), concurrency: '8' }, 'flags');
    prepared = await prepareRun(settings, quiet());
  });
  afterAll(async () => {
    await prepared?.close();
    await fake?.close();
  });

  it('gives every rule the stored status, and no counterexample is longer than the stored one', async () => {
    const rules = selectRules(contract.rules, ALL_KINDS, undefined);
    const outcome = await runRules(rules, { target: prepared.target, context: prepared.context });
    expect(outcome.harnessErrors).toEqual([]);
    const now: Record<string, StoredRule> = {};
    for (const r of [...outcome.results].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      now[r.id] = {
        status: r.status,
        ...(r.status === 'failed' ? { counterexampleLength: JSON.stringify(r.counterexample).length, path: r.path } : {}),
      };
    }
    if (UPDATE || !existsSync(FIXTURE)) {
      const report: StoredReport = { seed: SEED, runs: RUNS, faults: FAULTS, rules: now };
      writeFileSync(FIXTURE, `${JSON.stringify(report, null, 2)}\n`);
      if (!UPDATE) throw new Error(`${FIXTURE} was missing and has been written: review and commit it`);
    }
    const stored = JSON.parse(readFileSync(FIXTURE, 'utf8')) as StoredReport;
    expect({ seed: SEED, runs: RUNS, faults: FAULTS }).toEqual({ seed: stored.seed, runs: stored.runs, faults: stored.faults });
    const statuses = (rs: Record<string, StoredRule>) => Object.fromEntries(Object.entries(rs).map(([id, r]) => [id, r.status]));
    expect(statuses(now)).toEqual(statuses(stored.rules));
    // The fault set is meant to exercise shrinking: make sure it still does.
    expect(Object.values(now).filter((r) => r.status === 'failed').length).toBeGreaterThan(10);
    const grown = Object.entries(now)
      .filter(([id, r]) => r.counterexampleLength !== undefined && r.counterexampleLength > (stored.rules[id]?.counterexampleLength ?? Infinity))
      .map(([id, r]) => `${id}: ${stored.rules[id]?.counterexampleLength} → ${r.counterexampleLength}`);
    expect(grown).toEqual([]);
  }, 120_000);
});
