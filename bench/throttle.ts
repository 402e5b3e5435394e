import { contract } from '../contract/contract.js';
import { ALL_KINDS, type Rule } from '../contract/rule.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { checkRule } from '../runner/checkRule.js';
import { selectRules } from '../runner/selectRules.js';
import type { Exchange, Target } from '../targets/exchange.js';
import { createHttpTarget } from '../targets/httpTarget.js';
import { createPoolFixture } from '../targets/poolFixture.js';
import { AWS_QUOTA_RATES, createQuotaLimiter, isQuotaSignal, withQuota, type QuotaLimiter, type QuotaRates } from '../targets/quotaLimiter.js';
import { newRunIdPrefix } from '../targets/runIdPrefix.js';
import { withRetry } from '../targets/withRetry.js';
import { startFakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import { startThrottlingCognito } from '../testing/throttlingCognito.js';

/**
 * Quotas under throttling: runs load through the quota limiter (targets/quotaLimiter.ts) and the
 * shared retry (targets/withRetry.ts) against the throttling fake Cognito (AWS's default limits:
 * 5 client writes per second per pool, 15 per account) and prints, per scenario, the achieved
 * write rate against the allowed one, and the counts of throttled, retried and duplicated requests
 * and of false failures (a throttling answer that became a verdict or a failed request). Prints
 * figures; asserts nothing. Usage: npm run -s bench:throttle [-- --runs N --pairs N] (about 4 minutes with the defaults)
 *
 * Scenarios:
 * - suite: the issue's `--rules 'default.*,output.*' --runs 5` in one pool with 4 rules in flight
 *   (the aws target's concurrency), judged rule by rule against the same run unthrottled;
 * - suite, no limiter: the same through the retry alone, as runs were before the limiter;
 * - four pools: creates and deletes in 4 pools at once, so the account limit (15/s) binds;
 * - busy account: the same while a neighbour sends 5 creates per second into its own pool of the
 *   same account: the run gets what the neighbour leaves, found by AIMD;
 * - twice the quota: one pool with the limiter configured at 10 writes/s against the fake's 5, so
 *   only AIMD keeps it near the real limit.
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
// The fake's buckets hold one second of tokens and start full (as a token bucket does), so over T
// seconds a limit of R per second admits R × (T + BURST_SECONDS) requests: that is "allowed".
const BURST_SECONDS = 1;
const allowedRate = (perSecond: number, seconds: number, takenByOthers = 0) => (perSecond * (seconds + BURST_SECONDS) - takenByOthers) / seconds;
const LOAD_WORKERS_PER_POOL = 3;

interface Row {
  scenario: string;
  allowedPerSecond: number;
  achievedPerSecond: number;
  throttled: number;
  retried: number;
  duplicates: number;
  falseFailures: number;
  seconds: number;
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

/** The raw HTTP transport making one attempt, composed with the limiter and the shared retry. */
function limitedTarget(endpoint: string, limiter: QuotaLimiter | undefined): Target {
  const inner = createHttpTarget({ name: 'throttling-fake', endpoint, region: REGION, connections: 16, retry: { maxThrottleAttempts: 1 } });
  const once = (operation: string, input: Readonly<Record<string, unknown>>, signal: AbortSignal | undefined) =>
    inner.send(operation, input, signal === undefined ? {} : { signal });
  const attempt = withRetry(limiter === undefined ? once : withQuota(once, limiter), { info: inner.info });
  return { info: inner.info, send: (operation, input, options) => attempt(operation, input, options?.signal), close: () => inner.close() };
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
  for (const withLimiter of [true, false]) {
    const proxy = await startThrottlingCognito(AWS_QUOTA_RATES);
    const limiter = withLimiter ? createQuotaLimiter() : undefined;
    const target = counted(limitedTarget(proxy.endpoint, limiter));
    const run = await runSuite(target, rules);
    await target.close();
    const stats = proxy.stats();
    const admittedCreates = stats.admitted.CreateUserPoolClient ?? 0;
    const leaked = falseFailures(clean.results, run.results);
    const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
    rows.push({
      scenario: withLimiter ? `suite '${RULES}' --runs ${RUNS}, 1 pool` : 'same, retry only (no limiter)',
      allowedPerSecond: allowedRate(Math.min(AWS_QUOTA_RATES.poolWritesPerSecond, AWS_QUOTA_RATES.accountWritesPerSecond), run.seconds),
      achievedPerSecond: (stats.writesByPool.get(run.poolId) ?? 0) / run.seconds,
      throttled,
      // Without the limiter: every throttled answer was retried but the last of each request.
      retried: limiter?.counts().retried ?? throttled - target.stillThrottled.length,
      duplicates: admittedCreates - target.answeredCreates,
      falseFailures: leaked.length,
      seconds: run.seconds,
      ...(leaked.length ? { note: leaked.slice(0, 3).join('; ') } : {}),
    });
    await proxy.close();
  }
  return rows;
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
  const stats = proxy.stats();
  const ours = pools.reduce((n, p) => n + (stats.writesByPool.get(p) ?? 0), 0);
  const neighbourWrites = stats.writesByPool.get(neighbourPool) ?? 0;
  const duplicates = names.reduce((n, name) => n + Math.max(0, (stats.createsByName.get(name) ?? 0) - 1), 0);
  const ourThrottled = limiter.counts().throttled;
  await target.close();
  await proxy.close();
  return {
    scenario,
    allowedPerSecond: Math.min(
      allowedRate(AWS_QUOTA_RATES.accountWritesPerSecond, seconds, neighbourWrites),
      allowedRate(pools.length * AWS_QUOTA_RATES.poolWritesPerSecond, seconds),
    ),
    achievedPerSecond: ours / seconds,
    throttled: ourThrottled,
    retried: limiter.counts().retried,
    duplicates,
    falseFailures: target.stillThrottled.length,
    seconds,
    ...(neighbourPerSecond > 0 ? { note: `the neighbour got ${(neighbourWrites / seconds).toFixed(1)}/s of the account's ${AWS_QUOTA_RATES.accountWritesPerSecond}/s; allowed is what it left` } : {}),
  };
}

function print(rows: readonly Row[]): void {
  const head = ['scenario', 'allowed/s', 'achieved/s', 'ratio', 'throttled', 'retried', 'duplicates', 'false failures', 'seconds'];
  const lines = rows.map((r) => [
    r.scenario, r.allowedPerSecond.toFixed(1), r.achievedPerSecond.toFixed(2), `${Math.round((100 * r.achievedPerSecond) / r.allowedPerSecond)}%`,
    String(r.throttled), String(r.retried), String(r.duplicates), String(r.falseFailures), r.seconds.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
  for (const r of rows) if (r.note) console.log(`  ${r.scenario}: ${r.note}`);
}

const rules = selectRules(contract.rules, ALL_KINDS, RULES);
console.log(`throttling fake: ${AWS_QUOTA_RATES.poolWritesPerSecond} client writes/s per pool, ${AWS_QUOTA_RATES.accountWritesPerSecond}/s per account (reads alike); ${rules.length} rules\n`);
const rows = [
  ...(await suiteRows(rules)),
  await loadRow(`4 pools × ${PAIRS} create+delete`, { pools: 4 }),
  await loadRow('same, busy account', { pools: 4, neighbourPerSecond: 5 }),
  await loadRow(`1 pool × ${PAIRS} create+delete, limiter set to twice the quota`, { pools: 1, limiterRates: { poolWritesPerSecond: 10, accountWritesPerSecond: 30 } }),
];
print(rows);
