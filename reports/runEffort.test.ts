import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { prepareRun, type PreparedRun } from '../runner/prepareRun.js';
import { readRunSettings } from '../runner/runSettings.js';
import { runRules } from '../runner/runRules.js';
import { selectRules } from '../runner/selectRules.js';
import { RunEffort } from './runEffort.js';

const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });

describe('RunEffort, as the runner fills it', () => {
  let fake: FakeCognito;
  let prepared: PreparedRun;
  // One rule the fault breaks on some cases (so it shrinks), and rules that pass.
  const patterns = 'output.echo,default.refresh-token-validity,client-name.max-length';
  beforeAll(async () => {
    fake = await startFakeCognito({ faults: new Set(['echo-changes-scalar']) });
    prepared = await prepareRun(readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: '10', rules: patterns }, 'flags'), quiet());
  });
  afterAll(async () => {
    await prepared?.close();
    await fake?.close();
  });

  it('counts every request the rules send once, cases apart from shrink steps', async () => {
    let sent = 0;
    const target: Target = { info: prepared.target.info, send: (...args) => { sent++; return prepared.target.send(...args); }, close: () => prepared.target.close() };
    const effort = new RunEffort();
    const perRule: Record<string, ReturnType<RunEffort['finish']>> = {};
    const outcome = await runRules(selectRules(contract.rules, ALL_KINDS, patterns), {
      target,
      context: prepared.context,
      listener: { effort, onRuleResult: (r) => (perRule[r.id] = effort.finish(r.id)) },
    });
    const status = Object.fromEntries(outcome.results.map((r) => [r.id, r.status]));
    expect(status).toEqual({ 'output.echo': 'failed', 'default.refresh-token-validity': 'passed', 'client-name.max-length': 'passed' });
    const t = effort.total;
    expect(t.caseRequests + t.shrinkRequests).toBe(sent);
    expect(perRule['output.echo'].shrinkSteps).toBeGreaterThan(0);
    expect(perRule['output.echo'].shrinkRequests).toBeGreaterThan(0);
    // Rules that pass never shrink; a valid case is a create and a delete, a rejected one a create.
    expect(perRule['default.refresh-token-validity']).toMatchObject({ cases: 10, shrinkSteps: 0, caseRequests: 20, shrinkRequests: 0 });
    expect(perRule['client-name.max-length']).toMatchObject({ cases: 10, shrinkSteps: 0, caseRequests: 10 });
    expect(t.cases).toBe(Object.values(perRule).reduce((n, r) => n + r.cases, 0));
  });
});
