import { contract } from '../contract/contract.js';
import { ALL_KINDS, type Rule } from '../contract/rule.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { checkRule } from '../runner/checkRule.js';
import { selectRules } from '../runner/selectRules.js';
import type { Exchange, Target } from '../targets/exchange.js';
import { createHttpTarget } from '../targets/transports/httpTarget.js';
import { createPoolFixture } from '../targets/pool/poolFixture.js';
import { quotaCategoryOf } from '../targets/pacing/cognitoQuotaCategory.js';
import { deleteUserPoolCompletely } from '../targets/pool/poolTeardown.js';
import { AWS_QUOTA_RATES, createQuotaLimiter, isQuotaSignal, type QuotaLimiter, type QuotaRates } from '../targets/pacing/quotaLimiter.js';
import { newRunIdPrefix } from '../targets/pool/runIdPrefix.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import { startThrottlingCognito, type ThrottleStats } from '../testing/throttlingCognito.js';

/**
 * Quotas under throttling: runs load through the quota limiter (targets/pacing/quotaLimiter.ts) and the
 * shared retry, composed as the product composes them (the HTTP transport with the run's limiter),
 * against the throttling fake Cognito (Cognito's documented limits: 5 per second per operation in
 * one pool, 15 per second per category in the account; testing/throttlingCognito.ts) and prints,
 * per scenario, the least time those limits allow for what the fake admitted against the time it
 * took, and the counts of throttled, retried and duplicated requests, of false failures (a
 * throttling answer that became a verdict or a failed request) and of what was left behind after
 * cleanup. Exits 1 when a scenario with a limiter has a false failure, a duplicate or a leftover,
 * or fails outright (one line, no stack). Usage: npm run -s bench:throttle [-- --runs N --pairs N]
 * (about 4 minutes with the defaults)
 *
 * Scenarios:
 * - suite: the issue's `--rules 'default.*,output.*' --runs 5` in one pool with 4 rules in flight
 *   (the aws target's concurrency), judged rule by rule against the same run unthrottled, with the
 *   documented quotas configured, then with none configured (the limiter learns them), then
 *   through the retry alone, as runs were before the limiter;
 * - four pools: creates and deletes in 4 pools at once, so the account limit (15/s) binds;
 * - busy account: the same while a neighbour sends 5 creates per second into its own pool of the
 *   same account: the run gets what the neighbour leaves, found by AIMD;
 * - twice the quota: one pool with the limiter configured at 10/s per operation against the fake's
 *   5, so only AIMD keeps it near the real limit.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const PAIRS = arg('pairs', 30);
const RULES = 'default.*,output.*';
const REGION = 'us-east-1';
const AWS_CONCURRENCY = 4;
// The fake's buckets hold one second of tokens and start full (as a token bucket does), so a
// limit of R per second admits n requests in no less than (n - R × BURST_SECONDS) / R seconds.
const BURST_SECONDS = 1;
const LOAD_WORKERS_PER_POOL = 3;

/** The least time the fake's limits allow for what it admitted: the busiest of its buckets. */
function limitSeconds(stats: ThrottleStats): number {
  const byBucket = new Map<string, { n: number; rate: number }>();
  const add = (key: string, rate: number, n: number) => {
    const b = byBucket.get(key) ?? { n: 0, rate };
    b.n += n;
    byBucket.set(key, b);
  };
  for (const [operation, n] of Object.entries(stats.admitted)) {
    const c = quotaCategoryOf(operation);
    if (c.name !== 'Other') add(`account ${c.name}`, c.kind === 'write' ? AWS_QUOTA_RATES.accountWritesPerSecond : AWS_QUOTA_RATES.accountReadsPerSecond, n);
  }
  for (const [key, n] of stats.admittedByPoolOperation) {
    const c = quotaCategoryOf(key.split(' ')[1] ?? '');
    if (c.perPoolOperation && c.name !== 'Other') add(`pool ${key}`, c.kind === 'write' ? AWS_QUOTA_RATES.poolWritesPerSecond : AWS_QUOTA_RATES.poolReadsPerSecond, n);
  }
  return Math.max(0, ...[...byBucket.values()].map((b) => (b.n - b.rate * BURST_SECONDS) / b.rate));
}

interface Row {
  scenario: string;
  /** The least time the documented limits allow for what the fake admitted while the scenario ran. */
  limitSeconds: number;
  seconds: number;
  throttled: number;
  retried: number;
  duplicates: number;
  falseFailures: number;
  leftBehind: number;
  /** Informational rows (no limiter) do not fail the bench. */
  informational?: boolean;
  note?: string;
}

/**
 * Counts what the run asked for, retries not included: creates whose final answer came from the
 * service (not throttling; each may have been executed once), and requests whose final answer was
 * still throttling (each a false failure: a verdict or a fixture step made of a quota answer).
 */
interface Counted extends Target {
  answeredCreates: number;
  stillThrottled: Exchange[];
}

function counted(target: Target): Counted {
  const c: Counted = {
    info: target.info,
    answeredCreates: 0,
    stillThrottled: [],
    async send(operation, input, options) {
      const ex = await target.send(operation, input, options);
      if (isQuotaSignal(ex)) c.stillThrottled.push(ex);
      else if (operation === 'CreateUserPoolClient') c.answeredCreates++;
      return ex;
    },
    close: () => target.close(),
  };
  return c;
}

/** The HTTP transport as a run opens it: the run's limiter around every attempt, retries included; without one, the retry alone. */
function limitedTarget(endpoint: string, limiter: QuotaLimiter | undefined): Target {
  return createHttpTarget({ name: 'throttling-fake', endpoint, region: REGION, connections: 16, ...(limiter === undefined ? {} : { quota: limiter }) });
}

/** Pools and clients still in the fake behind the proxy, other than `except`'s. */
async function leftovers(fakeEndpoint: string, except: readonly string[] = []): Promise<number> {
  const pools = ((await sendToFake(fakeEndpoint, 'ListUserPools', { MaxResults: 60 })).body as { UserPools?: { Id: string }[] }).UserPools ?? [];
  let n = 0;
  for (const p of pools.filter((p) => !except.includes(p.Id))) {
    const clients = ((await sendToFake(fakeEndpoint, 'ListUserPoolClients', { UserPoolId: p.Id, MaxResults: 60 })).body as { UserPoolClients?: unknown[] }).UserPoolClients ?? [];
    n += 1 + clients.length;
  }
  return n;
}

async function runSuite(target: Target, rules: readonly Rule[]): Promise<{ results: Map<string, RuleResult>; poolId: string; seconds: number }> {
  const fixture = await createPoolFixture(target, { runIdPrefix: newRunIdPrefix(), syntheticAnalytics: true });
  const earlierClientIds = new Set<string>();
  const results = new Map<string, RuleResult>();
  const queue = [...rules];
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: AWS_CONCURRENCY }, async () => {
      for (let rule = queue.shift(); rule !== undefined; rule = queue.shift()) {
        results.set(rule.id, await checkRule(rule, {
          target, pool: fixture.context, capabilities: fixture.capabilities, runSeed: 42, runs: RUNS,
          earlierClientIds, replayCommand: () => '', timeLimitMs: 120_000,
        }));
      }
    }));
    return { results, poolId: fixture.context.userPoolId, seconds: (performance.now() - started) / 1000 };
  } finally {
    await fixture.cleanup();
  }
}

/** Rules whose status under throttling differs from the unthrottled run: throttling leaked into a verdict. */
function falseFailures(clean: Map<string, RuleResult>, throttled: Map<string, RuleResult>): string[] {
  return [...clean].filter(([id, r]) => throttled.get(id)?.status !== r.status).map(([id, r]) => `${id} (${r.status} → ${throttled.get(id)?.status}: ${throttled.get(id)?.reason ?? ''})`);
}

async function suiteRows(rules: readonly Rule[]): Promise<Row[]> {
  const fake = await startFakeCognito();
  const cleanTarget = createHttpTarget({ name: 'fake', endpoint: fake.endpoint, region: REGION });
  const clean = await runSuite(cleanTarget, rules);
  await cleanTarget.close();
  await fake.close();

  const rows: Row[] = [];
  const variants: { scenario: string; limiter: () => QuotaLimiter | undefined; informational?: boolean }[] = [
    { scenario: `suite '${RULES}' --runs ${RUNS}, 1 pool, documented quotas`, limiter: () => createQuotaLimiter() },
    { scenario: 'same, no quota configured (learned)', limiter: () => createQuotaLimiter({ unconfigured: true }) },
    { scenario: 'same, retry only (no limiter)', limiter: () => undefined, informational: true },
  ];
  for (const variant of variants) {
    const proxy = await startThrottlingCognito(AWS_QUOTA_RATES);
    const limiter = variant.limiter();
    const target = counted(limitedTarget(proxy.endpoint, limiter));
    try {
      const run = await runSuite(target, rules);
      const stats = proxy.stats();
      const admittedCreates = stats.admitted.CreateUserPoolClient ?? 0;
      const leaked = falseFailures(clean.results, run.results);
      const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
      rows.push({
        scenario: variant.scenario,
        limitSeconds: limitSeconds(stats),
        seconds: run.seconds,
        throttled,
        // Without the limiter: every throttled answer was retried but the last of each request.
        retried: limiter?.counts().retried ?? throttled - target.stillThrottled.length,
        duplicates: admittedCreates - target.answeredCreates,
        falseFailures: leaked.length,
        leftBehind: await leftovers((proxy.fake as FakeCognito).endpoint),
        ...(variant.informational ? { informational: true } : {}),
        ...(leaked.length ? { note: leaked.slice(0, 3).join('; ') } : {}),
      });
    } catch (err) {
      rows.push(failedRow(variant.scenario, err, variant.informational));
    } finally {
      await target.close();
      await proxy.close();
    }
  }
  return rows;
}

function failedRow(scenario: string, err: unknown, informational?: boolean): Row {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  return { scenario, limitSeconds: 0, seconds: 0, throttled: 0, retried: 0, duplicates: 0, falseFailures: 1, leftBehind: 0, note: `failed: ${message}`, ...(informational ? { informational: true } : {}) };
}

async function loadRow(scenario: string, options: { pools: number; neighbourPerSecond?: number; limiterRates?: Partial<QuotaRates> }): Promise<Row> {
  const neighbourPerSecond = options.neighbourPerSecond ?? 0;
  const proxy = await startThrottlingCognito(AWS_QUOTA_RATES);
  const limiter = createQuotaLimiter(options.limiterRates === undefined ? {} : { rates: options.limiterRates });
  const target = counted(limitedTarget(proxy.endpoint, limiter));
  const pools: string[] = [];
  for (let i = 0; i < options.pools; i++) {
    const ex = await target.send('CreateUserPool', { PoolName: `cc-bench-${i}` });
    pools.push((ex.body as { UserPool: { Id: string } }).UserPool.Id);
  }
  const neighbourPool = ((await sendToFake(proxy.endpoint, 'CreateUserPool', { PoolName: 'neighbour' })).body as { UserPool: { Id: string } }).UserPool.Id;
  let stop = false;
  let neighbourSent = 0;
  const neighbour = (async () => {
    if (neighbourPerSecond <= 0) return;
    const started = performance.now();
    while (!stop) {
      // Open loop at a fixed rate, as another job in the account would; its throttled creates are its own problem.
      void sendToFake(proxy.endpoint, 'CreateUserPoolClient', { UserPoolId: neighbourPool, ClientName: `n-${neighbourSent++}` });
      const next = started + (neighbourSent * 1000) / neighbourPerSecond;
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
  })();

  const names: string[] = [];
  const started = performance.now();
  await Promise.all(pools.flatMap((pool) => Array.from({ length: LOAD_WORKERS_PER_POOL }, async (_, w) => {
    for (let i = 0; i < PAIRS / LOAD_WORKERS_PER_POOL; i++) {
      const ClientName = `${pool}-${w}-${i}`;
      names.push(ClientName);
      const created = await target.send('CreateUserPoolClient', { UserPoolId: pool, ClientName });
      const id = (created.body as { UserPoolClient?: { ClientId?: string } } | undefined)?.UserPoolClient?.ClientId;
      if (id !== undefined) await target.send('DeleteUserPoolClient', { UserPoolId: pool, ClientId: id });
    }
  })));
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await neighbour;
  // Removed as a run removes its pool (persistent under throttling), then counted.
  for (const pool of pools) await deleteUserPoolCompletely(target, pool);
  const stats = proxy.stats();
  const neighbourWrites = stats.writesByPool.get(neighbourPool) ?? 0;
  const duplicates = names.reduce((n, name) => n + Math.max(0, (stats.createsByName.get(name) ?? 0) - 1), 0);
  const leftBehind = await leftovers((proxy.fake as FakeCognito).endpoint, [neighbourPool]);
  await target.close();
  await proxy.close();
  return {
    scenario,
    limitSeconds: limitSeconds(stats),
    seconds: (performance.now() - started) / 1000,
    throttled: limiter.counts().throttled,
    retried: limiter.counts().retried,
    duplicates,
    falseFailures: target.stillThrottled.length,
    leftBehind,
    ...(neighbourPerSecond > 0 ? { note: `the neighbour got ${(neighbourWrites / seconds).toFixed(1)}/s of the account's ${AWS_QUOTA_RATES.accountWritesPerSecond}/s; the limit counts its requests too` } : {}),
  };
}

function print(rows: readonly Row[]): void {
  const head = ['scenario', 'limit s', 'took s', 'limit/took', 'throttled', 'retried', 'duplicates', 'false failures', 'left behind'];
  const lines = rows.map((r) => [
    r.scenario, r.limitSeconds.toFixed(1), r.seconds.toFixed(1), r.seconds > 0 ? `${Math.round((100 * r.limitSeconds) / r.seconds)}%` : '-',
    String(r.throttled), String(r.retried), String(r.duplicates), String(r.falseFailures), String(r.leftBehind),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
  for (const r of rows) if (r.note) console.log(`  ${r.scenario}: ${r.note}`);
}

async function guarded(scenario: string, fn: () => Promise<Row>): Promise<Row> {
  try {
    return await fn();
  } catch (err) {
    return failedRow(scenario, err);
  }
}

const rules = selectRules(contract.rules, ALL_KINDS, RULES);
console.log(`throttling fake: ${AWS_QUOTA_RATES.poolWritesPerSecond}/s per operation per pool, ${AWS_QUOTA_RATES.accountWritesPerSecond}/s per category per account; ${rules.length} rules\n`);
const rows = [
  ...(await suiteRows(rules)),
  await guarded('4 pools', () => loadRow(`4 pools × ${PAIRS} create+delete`, { pools: 4 })),
  await guarded('busy account', () => loadRow('same, busy account', { pools: 4, neighbourPerSecond: 5 })),
  await guarded('twice the quota', () => loadRow(`1 pool × ${PAIRS} create+delete, limiter set to twice the quota`, { pools: 1, limiterRates: { poolWritesPerSecond: 10, accountWritesPerSecond: 30 } })),
];
print(rows);
const bad = rows.filter((r) => !r.informational && (r.falseFailures > 0 || r.duplicates > 0 || r.leftBehind > 0));
if (bad.length > 0) {
  console.log(`\nFAIL: ${bad.map((r) => r.scenario).join('; ')}`);
  process.exitCode = 1;
}
