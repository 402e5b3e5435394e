import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDuration } from '../runner/durationText.js';
import { resolveRun } from '../runner/resolveRun.js';
import { readRunSettings } from '../runner/runSettings.js';
import { AWS_QUOTA_RATES } from '../targets/pacing/quotaLimiter.js';
import { startFakeCognito } from '../testing/fakeCognito.js';
import { startThrottlingCognito } from '../testing/throttlingCognito.js';
import { runCli } from './runCli.js';

/**
 * How close a run gets to the time Cognito's documented quotas allow (issue 15, part 8): the CLI
 * runs the contract against the throttling fake set to those quotas (5 requests per second per
 * operation in a pool, 15 per category in the account, a second's burst;
 * testing/throttlingCognito.ts) with the same quota flags as an AWS run's defaults, and the bench
 * prints the plan's duration (runner/runPlan.ts, computed as `run --plan` does), the wall time,
 * the throttling answers, and every rule whose status differs from the same run against the
 * unthrottled fake (a false failure). Exits 1 when a rule differs, anything was throttled, or the
 * wall time is more than 15% above the plan. Usage: npx tsx bench/awsPace.ts [--runs N] [--rules GLOB]
 * (about 4.5 minutes with the defaults: the whole contract, 25 runs).
 */
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = arg('runs') ?? '25';
const RULES = arg('rules');
const QUOTA_FLAGS = ['--pool-rps', String(AWS_QUOTA_RATES.poolWritesPerSecond), '--account-rps', String(AWS_QUOTA_RATES.accountWritesPerSecond)];
const common = ['--runs', RUNS, '--seed', '42', '--no-baseline', ...(RULES === undefined ? [] : ['--rules', RULES])];
const work = mkdtempSync(join(tmpdir(), 'cc-aws-pace-'));

interface ReportRule {
  id: string;
  status: string;
  reason?: string;
}
const statuses = (out: string): Map<string, ReportRule> =>
  new Map((JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { rules: ReportRule[] }).rules.map((r) => [r.id, r]));

try {
  const fake = await startFakeCognito();
  const cleanOut = join(work, 'clean');
  const clean = await runCli(['run', '--endpoint', `${fake.endpoint}/`, ...common, '--out', cleanOut]);
  await fake.close();
  if (clean.code !== 0 && clean.code !== 1) throw new Error(`the unthrottled run exited ${clean.code}: ${clean.stderr.trim().split('\n').pop() ?? ''}`);

  const proxy = await startThrottlingCognito();
  const endpoint = `${proxy.endpoint}/`;
  const settings = readRunSettings({
    endpoint, runs: RUNS, poolRps: String(AWS_QUOTA_RATES.poolWritesPerSecond), accountRps: String(AWS_QUOTA_RATES.accountWritesPerSecond),
    ...(RULES === undefined ? {} : { rules: RULES }),
  }, 'flags');
  const { plan } = await resolveRun(settings);
  const throttledOut = join(work, 'throttled');
  const run = await runCli(['run', '--endpoint', endpoint, ...common, ...QUOTA_FLAGS, '--out', throttledOut]);
  const stats = proxy.stats();
  await proxy.close();

  const before = statuses(cleanOut);
  const after = statuses(throttledOut);
  const differ = [...before].filter(([id, r]) => after.get(id)?.status !== r.status)
    .map(([id, r]) => `${id}: ${r.status} → ${after.get(id)?.status ?? 'missing'} ${after.get(id)?.reason ?? ''}`);
  const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
  const admitted = Object.values(stats.admitted).reduce((a, b) => a + b, 0);
  const planMs = plan.expectedDurationMs ?? 0;
  const ratio = run.wallMs / planMs;
  console.log(`throttling fake at Cognito's documented quotas: ${AWS_QUOTA_RATES.poolWritesPerSecond}/s per operation per pool, ${AWS_QUOTA_RATES.accountWritesPerSecond}/s per category per account`);
  console.log(`rules ${plan.rules.toRun}, cases ${plan.cases}, requests planned ${plan.total.expected} (at most ${plan.total.atMost}), admitted by the fake ${admitted}`);
  console.log(`plan: ${plan.pools} pools, about ${formatDuration(planMs)} (${(planMs / 1000).toFixed(1)} s), the least the quotas allow`);
  console.log(`run:  ${(run.wallMs / 1000).toFixed(1)} s wall (exit ${run.code}), ${Math.round(100 * ratio)}% of the plan`);
  console.log(`throttling answers: ${throttled}; rules whose status differs from the unthrottled run: ${differ.length}`);
  for (const d of differ.slice(0, 10)) console.log(`  ${d}`);
  const failures = [
    ...(differ.length > 0 ? [`${differ.length} false failures`] : []),
    ...(throttled > 0 ? [`${throttled} throttling answers`] : []),
    ...(ratio > 1.15 ? ['more than 15% above the plan'] : []),
  ];
  if (failures.length > 0) {
    console.log(`FAIL: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
} catch (err) {
  console.log(`FAIL: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
