import type { Rule } from '../contract/rule.js';
import { onlyFixedCases, probesFor } from '../generators/fixedCases.js';
import { formatDuration } from './durationText.js';
import { unmetNeed, type FixtureCapabilities } from '../targets/pool/fixtureCapabilities.js';
import { quotaCategoryOf } from '../targets/pacing/cognitoQuotaCategory.js';
import type { QuotaRates } from '../targets/pacing/quotaLimiter.js';
import { runsAlone } from './sequentialKinds.js';
import { lifecycleRuns } from './lifecycleRuns.js';
import { requestsPerSequence } from './lifecycleRequests.js';

/**
 * What a run will do, computed before it sends anything (`run --plan`, and the head of an AWS
 * report): the rules and cases, the requests by operation, the resources it creates (with their
 * names) and how long that takes at the quota rates. Pure: the selected rules, the run's settings
 * and the run id prefix in, figures out.
 *
 * Requests per case follow runner/observeCase.ts: every case sends one CreateUserPoolClient and,
 * when the create succeeded, one DeleteUserPoolClient; a consistency case adds a
 * DescribeUserPoolClient (when created) and a ListUserPoolClients after; a side-effect case lists
 * before and after. Whether a case is expected to be accepted comes from how generators/casesFor.ts
 * builds it: valid requests for `accepted` rules, single-fault ones for `rejected` rules, invalid
 * ones for side-effect and message rules, half and half for protocol rules; probes (one request each,
 * generators/fixedCases.ts) come on top. "Expected" counts assume the target
 * conforms; "at most" counts assume every create succeeds. Shrinking after a failure sends more
 * cases than planned; the budget (runBudget.ts) bounds those too.
 */
export interface PlanTarget {
  name: string;
  kind: 'aws' | 'emulator';
  /** Absent for the embedded emulator before it starts. */
  endpoint?: string;
  region: string;
  transport: string;
  concurrency: number;
}

export interface PlanInput {
  /** The selected rules (selectRules). */
  rules: readonly Rule[];
  /** Cases per rule. */
  runs: number;
  target: PlanTarget;
  /** newRunIdPrefix(): the same one the run then uses, so the names shown are the names created. */
  runIdPrefix: string;
  /** The quotas the run keeps to; absent means none (emulators). */
  quotas?: QuotaRates;
  /** The caller checkAccount resolved, for a guarded target. */
  account?: { account: string; arn: string };
  /** What the pool fixture is expected to create; by default all of it, analytics only on emulators. */
  capabilities?: FixtureCapabilities;
  budget?: { maxRequests?: number; timeBudgetMs?: number };
  /** At most this many pools (1 with `--record`: a recording holds one pool); by default as many as the quotas make worth it. */
  maxPools?: number;
  /** `--user-pool-id`: the run reads this pool instead of creating one, and creates nothing but clients. */
  existingPoolId?: string;
  /** The second region of rules sent through another region, or why there is none (targets/aws/otherRegion.ts); absent: every region is reachable. */
  otherRegion?: { region: string } | { skipped: string };
}

export interface RequestCount {
  expected: number;
  atMost: number;
}

export interface PlannedResource {
  type: 'user pool' | 'existing user pool' | 'resource server' | 'identity provider' | 'app client';
  /** The name it gets; for app clients, how they are named. */
  name: string;
  count: RequestCount;
  removed: string;
}

export interface RunPlan {
  target: PlanTarget;
  account?: { account: string; arn: string };
  runIdPrefix: string;
  rules: { selected: number; toRun: number; skipped: { id: string; reason: string }[] };
  cases: number;
  runs: number;
  /** Sequences each lifecycle rule runs (runner/lifecycleRuns.ts), when any is planned. */
  lifecycleSequences?: number;
  /** By operation, in the order a run sends them. */
  requests: Record<string, RequestCount>;
  total: RequestCount;
  /** Of which the pool fixture and the cleanup at the end. */
  fixture: RequestCount;
  resources: PlannedResource[];
  quotas?: QuotaRates;
  /**
   * User pools the run creates and spreads its rules over: with quotas, as many as shorten the run
   * (each operation has its own 5 per second in every pool, the account's category rate is shared:
   * at the defaults 3 pools let client writes reach the account's 15 per second); else 1.
   */
  pools: number;
  /** At the quota rates, when there are quotas: the least time they allow for the requests planned (see quotaLimitMs). */
  expectedDurationMs?: number;
  budget?: { maxRequests?: number; timeBudgetMs?: number };
  /** The second region the planned region rules are sent through (targets/aws/otherRegion.ts). */
  otherRegion?: string;
}

/** Share of a rule's cases that are valid requests (see casesFor: protocol mixes one valid arbitrary, weighted as the invalid ones together). */
function acceptedShare(rule: Rule): number {
  if (rule.expect.outcome === 'rejected' || rule.kind === 'side-effect' || rule.kind === 'message') return 0;
  if (rule.kind === 'protocol') return 0.5;
  return 1;
}

/** Requests one case of the rule sends, by operation: expected (the target conforms) and at most. */
export function requestsPerCase(rule: Rule): Record<string, RequestCount> {
  const created = acceptedShare(rule);
  const out: Record<string, RequestCount> = {};
  const add = (operation: string, expected: number, atMost: number) => (out[operation] = { expected, atMost });
  if (rule.kind === 'side-effect') add('ListUserPoolClients', 2, 2);
  else if (rule.kind === 'consistency') add('ListUserPoolClients', 1, 1);
  add('CreateUserPoolClient', 1, 1);
  if (rule.kind === 'consistency') add('DescribeUserPoolClient', created, 1);
  add('DeleteUserPoolClient', created, 1);
  return out;
}

/** The names createPoolFixture (targets/pool/poolFixture.ts) gives what it creates; a test holds them equal. */
export function fixtureNames(runIdPrefix: string, index = 1): { poolName: string; resourceServerIdentifier: string; resourceServerName: string; identityProviderName: string } {
  const PROVIDER_NAME_MAX = 32;
  return {
    poolName: `${runIdPrefix}-${index}`,
    resourceServerIdentifier: `https://${runIdPrefix}.example`,
    resourceServerName: `${runIdPrefix}-rs`,
    identityProviderName: `${runIdPrefix.slice(0, PROVIDER_NAME_MAX - '-saml'.length)}-saml`,
  };
}

// Pool fixture and cleanup: CreateUserPool, CreateResourceServer, CreateIdentityProvider; at the
// end ListUserPoolClients (one page: every case deletes its client), DeleteResourceServer,
// DeleteIdentityProvider, DeleteUserPool.
const FIXTURE_REQUESTS: readonly string[] = ['CreateUserPool', 'CreateResourceServer', 'CreateIdentityProvider'];
const CLEANUP_REQUESTS: readonly string[] = ['ListUserPoolClients', 'DeleteResourceServer', 'DeleteIdentityProvider', 'DeleteUserPool'];
// In an existing pool (targets/pool/existingPool.ts): one page of each read, and no cleanup request of
// its own: every case deletes its client, and teardown deletes only what a cut-short case left.
const EXISTING_POOL_REQUESTS: readonly string[] = ['DescribeUserPool', 'ListResourceServers', 'ListIdentityProviders'];

export function defaultCapabilities(kind: 'aws' | 'emulator'): FixtureCapabilities {
  // Emulators take made-up Pinpoint values; AWS needs a real project, which a run does not create.
  return kind === 'aws'
    ? { resourceServer: true, identityProvider: true, analytics: false, reasons: { analytics: 'no Pinpoint project configured for this run' } }
    : { resourceServer: true, identityProvider: true, analytics: true, reasons: {} };
}

export function planRun(input: PlanInput): RunPlan {
  const capabilities = input.capabilities ?? defaultCapabilities(input.target.kind);
  const skipped: { id: string; reason: string }[] = [];
  const toRun: Rule[] = [];
  for (const rule of input.rules) {
    const noRegion = rule.via === 'other-region' && input.otherRegion !== undefined && 'skipped' in input.otherRegion ? input.otherRegion.skipped : undefined;
    const lacking = noRegion ?? unmetNeed(capabilities, rule.needs);
    if (lacking === undefined) toRun.push(rule);
    else skipped.push({ id: rule.id, reason: lacking });
  }

  // Requests of the rules that run alone (one pool to themselves, runRules.ts), and of the others.
  const alone: Record<string, RequestCount> = {};
  const shared: Record<string, RequestCount> = {};
  const addTo = (into: Record<string, RequestCount>, operation: string, expected: number, atMost: number) => {
    const r = (into[operation] ??= { expected: 0, atMost: 0 });
    r.expected += expected;
    r.atMost += atMost;
  };
  let probeCases = 0;
  for (const rule of toRun) {
    const into = runsAlone(rule.kind) ? alone : shared;
    if (rule.kind === 'lifecycle') {
      // Sequences, not cases (runner/checkLifecycleRule.ts): fewer of them, several requests each.
      const sequences = lifecycleRuns(input.runs);
      for (const [operation, n] of Object.entries(requestsPerSequence(rule))) addTo(into, operation, n.expected * sequences, n.atMost * sequences);
    } else if (!onlyFixedCases(rule)) {
      for (const [operation, n] of Object.entries(requestsPerCase(rule))) addTo(into, operation, n.expected * input.runs, n.atMost * input.runs);
    }
    // Probes (generators/fixedCases.ts): one request each, refused; a target that accepts a create
    // probe gets a Delete of that client. The SDK transport cannot send some of them.
    for (const p of probesFor(rule)) {
      if (p.needsRawHttp !== undefined && input.target.transport !== 'http') continue;
      probeCases++;
      addTo(into, p.operation, 1, 1);
      if (p.operation === 'CreateUserPoolClient') addTo(into, 'DeleteUserPoolClient', 0, 1);
    }
  }
  const existing = input.existingPoolId !== undefined;
  const maxPools = existing ? 1 : Math.max(1, Math.min(input.maxPools ?? Infinity, toRun.filter((r) => !runsAlone(r.kind)).length + (Object.keys(alone).length > 0 ? 1 : 0)));
  const pools = input.quotas === undefined ? 1 : bestPoolCount(alone, shared, input.quotas, maxPools);
  const before = existing ? EXISTING_POOL_REQUESTS : FIXTURE_REQUESTS;
  const after = existing ? [] : CLEANUP_REQUESTS;

  const requests: Record<string, RequestCount> = {};
  const add = (operation: string, expected: number, atMost: number) => addTo(requests, operation, expected, atMost);
  const fixture: RequestCount = { expected: 0, atMost: 0 };
  for (const operation of before) add(operation, pools, pools);
  for (const part of [alone, shared]) for (const [operation, n] of Object.entries(part)) add(operation, n.expected, n.atMost);
  for (const operation of after) add(operation, pools, pools);
  fixture.expected = fixture.atMost = (before.length + after.length) * pools;
  for (const r of Object.values(requests)) r.expected = Math.round(r.expected);
  const total = Object.values(requests).reduce((t, r) => ({ expected: t.expected + r.expected, atMost: t.atMost + r.atMost }), { expected: 0, atMost: 0 });

  const lifecycle = toRun.filter((r) => r.kind === 'lifecycle').length;
  const cases = (toRun.filter((r) => !onlyFixedCases(r)).length - lifecycle) * input.runs + lifecycle * lifecycleRuns(input.runs) + probeCases;
  const names = fixtureNames(input.runIdPrefix);
  const poolNames = Array.from({ length: pools }, (_, i) => fixtureNames(input.runIdPrefix, i + 1).poolName).join(', ');
  const clients = requests.CreateUserPoolClient ?? { expected: 0, atMost: 0 };
  const inEach = pools === 1 ? '' : ' in each pool';
  const resources: PlannedResource[] = [
    ...(input.existingPoolId !== undefined ? [] : [
      { type: 'user pool' as const, name: poolNames, count: { expected: pools, atMost: pools }, removed: 'at the end, also on failure and Ctrl-C' },
      { type: 'resource server' as const, name: `${names.resourceServerIdentifier} (${names.resourceServerName})${inEach}`, count: { expected: pools, atMost: pools }, removed: 'at the end' },
      { type: 'identity provider' as const, name: `${names.identityProviderName} (SAML)${inEach}`, count: { expected: pools, atMost: pools }, removed: 'at the end' },
    ]),
    {
      type: 'app client', name: 'as each case generates it',
      count: { expected: Math.round(requests.DeleteUserPoolClient?.expected ?? 0), atMost: clients.atMost },
      removed: 'right after its case is judged',
    },
    ...(input.existingPoolId === undefined ? [] : [
      { type: 'existing user pool' as const, name: input.existingPoolId, count: { expected: 0, atMost: 0 }, removed: 'never: the run did not create it' },
    ]),
  ];

  const plan: RunPlan = {
    target: input.target,
    runIdPrefix: input.runIdPrefix,
    rules: { selected: input.rules.length, toRun: toRun.length, skipped },
    cases,
    runs: input.runs,
    ...(lifecycle > 0 ? { lifecycleSequences: lifecycleRuns(input.runs) } : {}),
    requests,
    total,
    fixture,
    resources,
    pools,
  };
  if (input.account !== undefined) plan.account = input.account;
  if (input.otherRegion !== undefined && 'region' in input.otherRegion && toRun.some((r) => r.via === 'other-region')) plan.otherRegion = input.otherRegion.region;
  if (input.budget !== undefined) plan.budget = input.budget;
  if (input.quotas !== undefined) {
    plan.quotas = input.quotas;
    plan.expectedDurationMs = quotaLimitMs(alone, shared, input.quotas, pools);
  }
  return plan;
}

/**
 * The least time the quotas allow for these requests in `pools` pools (Cognito's documented
 * model, targets/pacing/cognitoQuotaCategory.ts): every category's requests share the account's rate for
 * it, and every operation has its own rate in each pool. Rules that run alone send in one pool of
 * their own (the first), the others spread evenly over all of them. Requests in flight proceed
 * side by side, so the run takes as long as its busiest bucket; the pool fixture and cleanup, a
 * few requests per pool, are counted in their buckets too. A lower bound: latency and the tail of
 * the last rules add to it, which at real latencies and 4 or more requests in flight is small.
 */
export function quotaLimitMs(alone: Readonly<Record<string, RequestCount>>, shared: Readonly<Record<string, RequestCount>>, quotas: QuotaRates, pools: number): number {
  const account = new Map<string, number>();
  const firstPool = new Map<string, number>();
  const rate = (kind: 'write' | 'read', scope: 'pool' | 'account') =>
    scope === 'pool' ? (kind === 'write' ? quotas.poolWritesPerSecond : quotas.poolReadsPerSecond) : kind === 'write' ? quotas.accountWritesPerSecond : quotas.accountReadsPerSecond;
  const count = (operation: string, n: number, inFirstPool: number) => {
    const c = quotaCategoryOf(operation);
    account.set(c.name, (account.get(c.name) ?? 0) + n / rate(c.kind, 'account'));
    if (c.perPoolOperation) firstPool.set(operation, (firstPool.get(operation) ?? 0) + inFirstPool / rate(c.kind, 'pool'));
  };
  for (const operation of [...FIXTURE_REQUESTS, ...CLEANUP_REQUESTS]) count(operation, pools, 1);
  for (const [operation, n] of Object.entries(alone)) count(operation, n.expected, n.expected);
  for (const [operation, n] of Object.entries(shared)) count(operation, n.expected, n.expected / pools);
  return Math.round(1000 * Math.max(0, ...account.values(), ...firstPool.values()));
}

/**
 * The number of pools up to maxPools with the shortest run, counting POOL_COST_MS for each pool
 * beyond the first; of two within 2% of each other, the fewer.
 */
function bestPoolCount(alone: Readonly<Record<string, RequestCount>>, shared: Readonly<Record<string, RequestCount>>, quotas: QuotaRates, maxPools: number): number {
  const costs = Array.from({ length: Math.min(maxPools, MAX_POOLS) }, (_, i) => quotaLimitMs(alone, shared, quotas, i + 1) + i * POOL_COST_MS);
  const best = Math.min(...costs);
  return costs.findIndex((ms) => ms <= best * 1.02) + 1;
}

// What one more pool costs a run besides its requests' quota: its fixture and cleanup, 7 requests
// sent one after the other, and the pool's creation; a pool must save more than this to be used.
const POOL_COST_MS = 5_000;

// Beyond this many pools no default quota gains anything (15 per category / 5 per operation = 3).
const MAX_POOLS = 8;

function count(n: RequestCount): string {
  return n.expected === n.atMost ? String(n.expected) : `${n.expected} (at most ${n.atMost})`;
}

/** The plan for a terminal: one labelled block, nothing sent. */
export function formatPlan(plan: RunPlan): string {
  const t = plan.target;
  const lines: string[] = [];
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(9)} ${text}`);
  lines.push('Plan (nothing has been sent yet):');
  row('target', `${t.name} ${t.endpoint ?? '(embedded, started on a free loopback port)'} (${t.region}, ${t.transport}, ${t.concurrency} in flight)`);
  row('account', plan.account === undefined ? (t.kind === 'aws' ? 'not resolved' : 'none: a loopback emulator') : `${plan.account.account} (${plan.account.arn})`);
  row('run id', plan.runIdPrefix);
  if (plan.otherRegion !== undefined) row('region 2', `${plan.otherRegion}: the region rules' creates are sent there (none is expected to succeed)`);
  const skippedNote = plan.rules.skipped.length === 0 ? '' : `, ${plan.rules.skipped.length} skipped`;
  row('rules', `${plan.rules.selected} selected: ${plan.rules.toRun} to run${skippedNote}`);
  for (const s of plan.rules.skipped) lines.push(`              ${s.id}: ${s.reason}`);
  const sequences = plan.lifecycleSequences === undefined ? '' : `; ${plan.lifecycleSequences} sequences of up to 8 steps per lifecycle rule`;
  row('cases', `${plan.cases} (${plan.runs} per rule${sequences}), plus shrinking after a failure`);
  row('requests', `${count(plan.total)}, of which ${count(plan.fixture)} for the pool fixture and cleanup:`);
  const width = Math.max(...Object.keys(plan.requests).map((op) => op.length));
  for (const [operation, n] of Object.entries(plan.requests)) lines.push(`              ${operation.padEnd(width)}  ${count(n)}`);
  plan.resources.forEach((r, i) => {
    const text = r.type === 'existing user pool'
      ? `nothing else, in the ${r.type} ${r.name}, which is read and never changed or deleted`
      : `${r.count.atMost === 1 ? '' : `${count(r.count)} × `}${r.type} ${r.name}; removed ${r.removed}`;
    if (i === 0) row('creates', text);
    else lines.push(`            ${text}`);
  });
  if (plan.quotas !== undefined) {
    const q = plan.quotas;
    row('quotas', `${q.poolWritesPerSecond}/s per write operation and ${q.poolReadsPerSecond}/s per read operation in each pool; ` +
      `${q.accountWritesPerSecond}/s per write category and ${q.accountReadsPerSecond}/s per read category in the account`);
    lines.push(`              (Cognito's documented defaults are 5 and 15: UserPoolClientUpdate, UserPoolClientRead, UserPoolUpdate and`);
    lines.push(`              UserPoolResourceUpdate 15/s per account, each client and resource operation 5/s per pool; Developer Guide,`);
    lines.push(`              "Quotas in Amazon Cognito", https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html)`);
  } else {
    row('quotas', 'none (an emulator)');
  }
  const spread = plan.pools === 1 ? '' : ` with the rules spread over ${plan.pools} pools`;
  row('duration', plan.expectedDurationMs === undefined ? 'as fast as the target answers' : `about ${formatDuration(plan.expectedDurationMs)} at these rates${spread} (the least they allow)`);
  if (plan.budget !== undefined) {
    const parts = [
      ...(plan.budget.maxRequests === undefined ? [] : [`at most ${plan.budget.maxRequests} requests`]),
      ...(plan.budget.timeBudgetMs === undefined ? [] : [`at most ${formatDuration(plan.budget.timeBudgetMs)}`]),
    ];
    if (parts.length > 0) row('budget', `${parts.join(', ')}; when spent no new case starts and unfinished rules are reported incomplete`);
  }
  return `${lines.join('\n')}\n`;
}
