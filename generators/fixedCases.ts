import type { PoolContext } from '../contract/poolContext.js';
import { MESSAGE_RULE_IDS } from '../contract/messageRules.js';
import { POOL_PLACEHOLDER, PROBES, probeById, type Probe } from '../contract/probeRules.js';
import type { Rule } from '../contract/rule.js';
import type { TestCase } from './testCase.js';

/**
 * The fixed cases of a rule: probes (contract/probeRules.ts) it sends on every run, before and
 * besides its generated cases, in this order. A probe rule sends its own probe; the protocol rules
 * send every probe whose answer is a Cognito service error (so error status, body, Content-Type,
 * request id and error-type header are judged even on a target that rejects nothing); the
 * not-found message rules send the probes whose message they judge. Coral framework errors (a body
 * that is not JSON, an unknown operation) are judged by their probe only: real AWS's bodies for
 * them do not follow the service's error form (probeRules.ts).
 *
 * A probe the transport cannot send is left out and named in `unsendable`, with why.
 */
export interface FixedCases {
  cases: readonly TestCase[];
  /** Probes left out, each with the reason (the SDK transport cannot send them). */
  unsendable: readonly string[];
}

/** Probe cases are addressed in replays as `probe:<rule id>` (runner/checkRule.ts). */
export const PROBE_PATH_PREFIX = 'probe:';

/** The region prefix of the run's pool id (`us-east-1_Abc` → `us-east-1`), for a pool id of the same form. */
function regionOf(pool: PoolContext): string {
  const i = pool.userPoolId.indexOf('_');
  return i > 0 ? pool.userPoolId.slice(0, i) : 'us-east-1';
}

function fill(value: unknown, pool: PoolContext): unknown {
  if (typeof value === 'string') return value.replace(POOL_PLACEHOLDER, pool.userPoolId).replace('{REGION}', regionOf(pool));
  return value;
}

/** The case that sends one probe against the run's pool. */
export function probeCase(probe: Probe, pool: PoolContext): TestCase {
  const request = Object.fromEntries(Object.entries(probe.input).map(([k, v]) => [k, fill(v, pool)]));
  return {
    ruleId: probe.id,
    request,
    probe: probe.id,
    ...(probe.operation === 'CreateUserPoolClient' ? {} : { operation: probe.operation }),
    ...(probe.rawBody === undefined ? {} : { rawBody: fill(probe.rawBody, pool) as string }),
  };
}

/** The probes a rule sends on every run (whatever the pool and transport). */
export function probesFor(rule: Rule): readonly Probe[] {
  if (rule.kind === 'probe') {
    const p = probeById(rule.id);
    return p ? [p] : [];
  }
  if (rule.kind === 'protocol') return PROBES.filter((p) => p.serviceError);
  if (rule.id === MESSAGE_RULE_IDS.poolNotFound) return PROBES.filter((p) => p.missing === 'pool');
  if (rule.id === MESSAGE_RULE_IDS.clientNotFound) return PROBES.filter((p) => p.missing === 'client');
  return [];
}

/** `transport`: the target's (TargetInfo.transport); only `http` can send a raw body or an unknown operation. */
export function fixedCasesFor(rule: Rule, pool: PoolContext, transport: string): FixedCases {
  const cases: TestCase[] = [];
  const unsendable: string[] = [];
  for (const p of probesFor(rule)) {
    if (p.needsRawHttp !== undefined && transport !== 'http') unsendable.push(`${p.id}: ${p.needsRawHttp}`);
    else cases.push({ ...probeCase(p, pool), ruleId: rule.id });
  }
  return { cases, unsendable };
}

/** A rule with no generated cases: only its probes (a probe rule; message.client-not-found). */
export function onlyFixedCases(rule: Rule): boolean {
  return rule.kind === 'probe' || rule.id === MESSAGE_RULE_IDS.clientNotFound;
}
