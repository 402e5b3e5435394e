import type { Rule } from '../contract/rule.js';
import { onlyFixedCases, probesFor } from '../generators/fixedCases.js';
import { formatDuration } from './durationText.js';
import { unmetNeed, type FixtureCapabilities } from '../targets/fixtureCapabilities.js';
import { quotaCategory, type QuotaRates } from '../targets/quotaLimiter.js';

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
}

export interface RequestCount {
  expected: number;
  atMost: number;
}

export interface PlannedResource {
  type: 'user pool' | 'resource server' | 'identity provider' | 'app client';
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
  /** By operation, in the order a run sends them. */
  requests: Record<string, RequestCount>;
  total: RequestCount;
  /** Of which the pool fixture and the cleanup at the end. */
  fixture: RequestCount;
  resources: PlannedResource[];
  quotas?: QuotaRates;
  /** At the quota rates, when there are quotas. */
  expectedDurationMs?: number;
  budget?: { maxRequests?: number; timeBudgetMs?: number };
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

/** The names createPoolFixture (targets/poolFixture.ts) gives what it creates; a test holds them equal. */
export function fixtureNames(runIdPrefix: string): { poolName: string; resourceServerIdentifier: string; resourceServerName: string; identityProviderName: string } {
  const PROVIDER_NAME_MAX = 32;
  return {
    poolName: `${runIdPrefix}-1`,
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
    const lacking = unmetNeed(capabilities, rule.needs);
    if (lacking === undefined) toRun.push(rule);
    else skipped.push({ id: rule.id, reason: lacking });
  }

  const requests: Record<string, RequestCount> = {};
  const add = (operation: string, expected: number, atMost: number) => {
    const r = (requests[operation] ??= { expected: 0, atMost: 0 });
    r.expected += expected;
    r.atMost += atMost;
  };
  const fixture: RequestCount = { expected: 0, atMost: 0 };
  for (const operation of FIXTURE_REQUESTS) add(operation, 1, 1);
  let probeCases = 0;
  for (const rule of toRun) {
    if (!onlyFixedCases(rule)) {
      for (const [operation, n] of Object.entries(requestsPerCase(rule))) add(operation, n.expected * input.runs, n.atMost * input.runs);
    }
    // Probes (generators/fixedCases.ts): one request each, refused; a target that accepts a create
    // probe gets a Delete of that client. The SDK transport cannot send some of them.
    for (const p of probesFor(rule)) {
      if (p.needsRawHttp !== undefined && input.target.transport !== 'http') continue;
      probeCases++;
      add(p.operation, 1, 1);
      if (p.operation === 'CreateUserPoolClient') add('DeleteUserPoolClient', 0, 1);
    }
  }
  for (const operation of CLEANUP_REQUESTS) add(operation, 1, 1);
  fixture.expected = fixture.atMost = FIXTURE_REQUESTS.length + CLEANUP_REQUESTS.length;
  for (const r of Object.values(requests)) r.expected = Math.round(r.expected);
  const total = Object.values(requests).reduce((t, r) => ({ expected: t.expected + r.expected, atMost: t.atMost + r.atMost }), { expected: 0, atMost: 0 });

  const cases = toRun.filter((r) => !onlyFixedCases(r)).length * input.runs + probeCases;
  const names = fixtureNames(input.runIdPrefix);
  const clients = requests.CreateUserPoolClient ?? { expected: 0, atMost: 0 };
  const resources: PlannedResource[] = [
    { type: 'user pool', name: names.poolName, count: { expected: 1, atMost: 1 }, removed: 'at the end, also on failure and Ctrl-C' },
    { type: 'resource server', name: `${names.resourceServerIdentifier} (${names.resourceServerName})`, count: { expected: 1, atMost: 1 }, removed: 'at the end' },
    { type: 'identity provider', name: `${names.identityProviderName} (SAML)`, count: { expected: 1, atMost: 1 }, removed: 'at the end' },
    {
      type: 'app client', name: 'as each case generates it',
      count: { expected: Math.round(requests.DeleteUserPoolClient?.expected ?? 0), atMost: clients.atMost },
      removed: 'right after its case is judged',
    },
  ];

  const plan: RunPlan = {
    target: input.target,
    runIdPrefix: input.runIdPrefix,
    rules: { selected: input.rules.length, toRun: toRun.length, skipped },
    cases,
    runs: input.runs,
    requests,
    total,
    fixture,
    resources,
  };
  if (input.account !== undefined) plan.account = input.account;
  if (input.budget !== undefined) plan.budget = input.budget;
  if (input.quotas !== undefined) {
    plan.quotas = input.quotas;
    plan.expectedDurationMs = durationAt(requests, input.quotas);
  }
  return plan;
}

/**
 * A run works in one pool, so writes go at the lower of the pool and account write rates and reads
 * at the lower read rate; with requests in flight the two proceed side by side, so the run takes
 * as long as the busier of them.
 */
function durationAt(requests: Readonly<Record<string, RequestCount>>, quotas: QuotaRates): number {
  let writes = 0;
  let reads = 0;
  for (const [operation, n] of Object.entries(requests)) {
    if (quotaCategory(operation) === 'write') writes += n.expected;
    else reads += n.expected;
  }
  const writeRate = Math.min(quotas.poolWritesPerSecond, quotas.accountWritesPerSecond);
  const readRate = Math.min(quotas.poolReadsPerSecond, quotas.accountReadsPerSecond);
  return Math.round(1000 * Math.max(writes / writeRate, reads / readRate));
}


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
  const skippedNote = plan.rules.skipped.length === 0 ? '' : `, ${plan.rules.skipped.length} skipped`;
  row('rules', `${plan.rules.selected} selected: ${plan.rules.toRun} to run${skippedNote}`);
  for (const s of plan.rules.skipped) lines.push(`              ${s.id}: ${s.reason}`);
  row('cases', `${plan.cases} (${plan.runs} per rule), plus shrinking after a failure`);
  row('requests', `${count(plan.total)}, of which ${count(plan.fixture)} for the pool fixture and cleanup:`);
  const width = Math.max(...Object.keys(plan.requests).map((op) => op.length));
  for (const [operation, n] of Object.entries(plan.requests)) lines.push(`              ${operation.padEnd(width)}  ${count(n)}`);
  plan.resources.forEach((r, i) => {
    const text = `${r.count.atMost === 1 ? '' : `${count(r.count)} × `}${r.type} ${r.name}; removed ${r.removed}`;
    if (i === 0) row('creates', text);
    else lines.push(`            ${text}`);
  });
  if (plan.quotas !== undefined) {
    const q = plan.quotas;
    row('quotas', `writes ${q.poolWritesPerSecond}/s per pool, ${q.accountWritesPerSecond}/s per account; reads ${q.poolReadsPerSecond}/s per pool, ${q.accountReadsPerSecond}/s per account`);
  } else {
    row('quotas', 'none (an emulator)');
  }
  row('duration', plan.expectedDurationMs === undefined ? 'as fast as the target answers' : `about ${formatDuration(plan.expectedDurationMs)} at these rates`);
  if (plan.budget !== undefined) {
    const parts = [
      ...(plan.budget.maxRequests === undefined ? [] : [`at most ${plan.budget.maxRequests} requests`]),
      ...(plan.budget.timeBudgetMs === undefined ? [] : [`at most ${formatDuration(plan.budget.timeBudgetMs)}`]),
    ];
    if (parts.length > 0) row('budget', `${parts.join(', ')}; when spent no new case starts and unfinished rules are reported incomplete`);
  }
  return `${lines.join('\n')}\n`;
}
