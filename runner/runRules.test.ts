import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createCleanupRegistry } from '../targets/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { prepareRun, type PreparedRun } from './prepareRun.js';
import { readRunSettings } from './runSettings.js';
import { runRules } from './runRules.js';
import { runsAlone } from './sequentialKinds.js';
import { selectRules } from './selectRules.js';

const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });

/** The run's Target, counting requests in flight. */
function counting(target: Target): Target & { maxInFlight: number; sent: number } {
  let inFlight = 0;
  const t = {
    info: target.info,
    maxInFlight: 0,
    sent: 0,
    async send(...args: Parameters<Target['send']>) {
      inFlight++;
      t.sent++;
      t.maxInFlight = Math.max(t.maxInFlight, inFlight);
      try {
        return await target.send(...args);
      } finally {
        inFlight--;
      }
    },
    close: () => target.close(),
  };
  return t;
}

describe('runRules: the in-process runner', () => {
  let fake: FakeCognito;
  let prepared: PreparedRun;
  const patterns = 'default.*,client-name.*,side-effect.*,output.client-id.*';
  beforeAll(async () => {
    fake = await startFakeCognito();
    const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: '3', concurrency: '3', rules: patterns }, 'flags');
    prepared = await prepareRun(settings, quiet());
  });
  afterAll(async () => {
    await prepared.close();
    await fake.close();
  });

  it('runs every selected rule once over one queue, at most `concurrency` requests in flight, rules that must run alone alone', async () => {
    const rules = selectRules(contract.rules, ALL_KINDS, patterns);
    expect(rules.some((r) => runsAlone(r.kind))).toBe(true);
    const target = counting(prepared.target);
    const active = new Set<string>();
    const aloneBreaches: string[] = [];
    const outcome = await runRules(rules, {
      target,
      context: prepared.context,
      listener: {
        onRuleStart(rule) {
          active.add(rule.id);
          if ([...active].some((id) => runsAlone(contract.rules.find((r) => r.id === id)?.kind ?? 'default')) && active.size > 1) aloneBreaches.push([...active].join(' + '));
        },
        onRuleResult(result) {
          active.delete(result.id);
        },
      },
    });
    expect(outcome.harnessErrors).toEqual([]);
    expect(outcome.results.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
    expect(outcome.results.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
    expect(aloneBreaches).toEqual([]);
    expect(target.maxInFlight).toBeLessThanOrEqual(3);
    // The queue keeps the target busy: rules overlap.
    expect(target.maxInFlight).toBeGreaterThan(1);
  });

  it('a stopped run starts no new case: rules not begun are skipped with the reason, nothing is sent', async () => {
    const rules = selectRules(contract.rules, ALL_KINDS, 'default.*');
    const target = counting(prepared.target);
    const controller = new AbortController();
    controller.abort('request budget spent');
    const outcome = await runRules(rules, { target, context: prepared.context, signal: controller.signal });
    expect(target.sent).toBe(0);
    expect(outcome.results).toHaveLength(rules.length);
    for (const r of outcome.results) expect(r).toMatchObject({ status: 'skipped', cases: 0, reason: 'not run: request budget spent' });
  });
});
