import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import { prepareRun, type PreparedRun } from './prepareRun.js';
import { resolveRun } from './resolveRun.js';
import { createRunBudget } from './runBudget.js';
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

  it('a stopped run starts no new case: rules not begun are incomplete with the reason, nothing is sent', async () => {
    const rules = selectRules(contract.rules, ALL_KINDS, 'default.*');
    const target = counting(prepared.target);
    const controller = new AbortController();
    controller.abort('request budget spent');
    const outcome = await runRules(rules, { target, context: prepared.context, signal: controller.signal });
    expect(target.sent).toBe(0);
    expect(outcome.results).toHaveLength(rules.length);
    for (const r of outcome.results) expect(r).toMatchObject({ status: 'incomplete', cases: 0, reason: 'not run: request budget spent' });
  });

  it('keeps to a request budget: once spent no case starts, cases in flight finish, unfinished rules are incomplete with the reason', async () => {
    const rules = selectRules(contract.rules, ALL_KINDS, 'default.*');
    const target = counting(prepared.target);
    const maxRequests = 40;
    const budget = createRunBudget({ maxRequests });
    const outcome = await runRules(rules, { target, context: prepared.context, budget });
    budget.dispose();
    // Each case reserves its worst case before it starts, so the budget holds however cases interleave.
    expect(target.sent).toBeLessThanOrEqual(maxRequests);
    expect(target.sent).toBeGreaterThan(maxRequests / 2);
    expect(outcome.results).toHaveLength(rules.length);
    const byStatus = (s: string) => outcome.results.filter((r) => r.status === s);
    expect(byStatus('passed').length).toBeGreaterThan(0);
    expect(byStatus('incomplete').length).toBeGreaterThan(0);
    expect(byStatus('passed').length + byStatus('incomplete').length).toBe(rules.length);
    const why = budget.reason();
    expect(why).toMatch(/^request budget of 40 spent/);
    for (const r of byStatus('incomplete')) expect(r.reason).toMatch(r.cases === 0 ? `not run: ${why}` : new RegExp(`^stopped after ${r.cases} of 3 cases: request budget`));
    // Every case that was started finished: each client it created was deleted again.
    const left = await prepared.target.send('ListUserPoolClients', { UserPoolId: prepared.context.pool.userPoolId, MaxResults: 60 });
    expect((left.body as { UserPoolClients: unknown[] }).UserPoolClients).toEqual([]);
  });
});

describe('runRules over several pools (quotas set: as many pools as they make worth it)', () => {
  it('spreads the rules over the pools, keeps the first to the rules that run alone while they run, and removes every pool at the end', async () => {
    const fake = await startFakeCognito();
    try {
      const patterns = 'side-effect.*,default.*';
      const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: '2', concurrency: '4', rules: patterns, poolRps: '100', accountRps: '300' }, 'flags');
      // A run this small is planned in one pool (another pool would cost more than it saves): three, as a whole-contract run gets.
      const resolved = await resolveRun(settings);
      const prepared = await prepareRun(settings, quiet(), { ...resolved, plan: { ...resolved.plan, pools: 3 } });
      const poolsOf = (body: unknown) => ((body as { UserPools?: { Id: string }[] }).UserPools ?? []).map((p) => p.Id);
      let pools: string[] = [];
      try {
        pools = (prepared.context.pools ?? []).map((p) => p.userPoolId);
        expect(pools).toHaveLength(3);
        expect(pools[0]).toBe(prepared.context.pool.userPoolId);
        const rules = selectRules(contract.rules, ALL_KINDS, patterns);
        // Creates per pool; while a rule that runs alone is in flight, creates in flight in the first pool (only its own: at most 1).
        const creates = new Map<string, number>();
        let aloneActive = 0;
        let inFirstPool = 0;
        let crowded = 0;
        const target: Target = {
          info: prepared.target.info,
          async send(operation, input, options) {
            const pool = String(input.UserPoolId);
            const counted = operation === 'CreateUserPoolClient' && pool === pools[0];
            if (operation === 'CreateUserPoolClient') creates.set(pool, (creates.get(pool) ?? 0) + 1);
            if (counted && ++inFirstPool > 1 && aloneActive > 0) crowded++;
            try {
              return await prepared.target.send(operation, input, options);
            } finally {
              if (counted) inFirstPool--;
            }
          },
          close: () => prepared.target.close(),
        };
        const outcome = await runRules(rules, {
          target,
          context: prepared.context,
          listener: {
            onRuleStart: (rule) => void (runsAlone(rule.kind) && aloneActive++),
            onRuleResult: (result) => void (runsAlone(result.kind) && aloneActive--),
          },
        });
        expect(outcome.harnessErrors).toEqual([]);
        expect(outcome.results.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
        expect([...creates.keys()].sort()).toEqual([...pools].sort());
        // While the side-effect rules ran, the other rules kept out of the first pool.
        expect(rules.some((r) => runsAlone(r.kind))).toBe(true);
        expect(crowded).toBe(0);
      } finally {
        await prepared.close();
      }
      const left = poolsOf((await sendToFake(fake.endpoint, 'ListUserPools', { MaxResults: 60 })).body);
      expect(left.filter((id) => pools.includes(id))).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
