import fc from 'fast-check';
import type { Rule } from '../contract/rule.js';
import type { PoolContext } from '../contract/poolContext.js';
import { contract, ruleById } from '../contract/contract.js';
import { KNOWN_TEXT_RULES, MESSAGE_RULE_IDS } from '../contract/messageRules.js';
import type { TestCase } from './testCase.js';
import { LIST_SHAPE_RULE_ID } from '../oracles/listShapeOracle.js';
import { invalidRequest, whyNoInvalidRequest } from './invalidRequest.js';
import { validRequest } from './validRequest.js';

export type CaseSource = { ok: true; arbitrary: fc.Arbitrary<TestCase> } | { ok: false; reason: string };

/**
 * Rejections that protocol rules see alongside accepted requests: one of each error family the
 * contract expects (ResourceNotFoundException, a model-constraint InvalidParameterException,
 * InvalidOAuthFlowException), so error bodies, statuses and headers are exercised too.
 */
export const PROTOCOL_FAULT_RULES: readonly string[] = ['user-pool.exists', 'client-name.max-length', 'oauth.code-implicit.need-callback'];

function relabel(arb: fc.Arbitrary<TestCase>, ruleId: string): fc.Arbitrary<TestCase> {
  return arb.map((tc) => ({ ...tc, ruleId }));
}

/**
 * Valid requests sent to a target stay under 64 KiB of JSON. Every bound is still reached alone
 * (100 URLs, 1024-character URLs), but about 1 in 100 valid requests combines them into hundreds
 * of KiB, where HTTP body limits answer instead of the service (cognito-local: 413 above 100 kB).
 * AWS documents no request-size limit for CreateUserPoolClient, and body size is not what any
 * acceptance rule judges, so such combinations are left out of the cases sent.
 */
export const MAX_VALID_BODY_BYTES = 64 * 1024;

function validCases(rule: Rule, pool: PoolContext, when?: Parameters<typeof validRequest>[1]): fc.Arbitrary<TestCase> {
  return validRequest(pool, when)
    .filter((request) => Buffer.byteLength(JSON.stringify(request)) <= MAX_VALID_BODY_BYTES)
    .map((request) => ({ ruleId: rule.id, request }));
}

function invalidCases(ruleIds: readonly string[], pool: PoolContext): fc.Arbitrary<TestCase>[] {
  return ruleIds.map((id) => invalidRequest(ruleById(id), pool)).filter((a): a is fc.Arbitrary<TestCase> => a !== undefined);
}

/**
 * A rule sent through another region (contract/regionRules.ts): valid requests for the run's pool,
 * each carrying the rule's expected refusal as its `why`, since the region, not the request, is
 * what the rule is about.
 */
function otherRegionCases(rule: Rule, pool: PoolContext): fc.Arbitrary<TestCase> {
  if (rule.expect.outcome !== 'rejected') throw new Error(`${rule.id} is sent through another region but does not expect a refusal`);
  const expected = { errorTypes: rule.expect.errorTypes, status: rule.expect.status };
  return validCases(rule, pool).map((tc) => ({ ...tc, why: { ruleId: rule.id, path: rule.members[0] ?? 'UserPoolId', expected } }));
}

/**
 * The cases that exercise one rule against a pool. Rules that expect a rejection get
 * single-fault requests breaking them; rules about accepted requests get valid requests shaped by
 * `expect.when`; rules about every exchange get valid requests, except protocol rules (valid and
 * invalid mixed) and side-effect rules (invalid requests of every rule the pool lets us break).
 * Every case carries `ruleId: rule.id`; an invalid case's `why` names the rule it breaks.
 */
/** Model-constraint rules: their rejections carry the "N validation error(s) detected" message. */
const MODEL_KINDS: ReadonlySet<Rule['kind']> = new Set(['required', 'length', 'range', 'pattern', 'enum', 'list-length']);

/**
 * The rules whose invalid cases a message rule judges: the rejections whose wording it knows.
 * message.client-not-found has none (only its probes, generators/fixedCases.ts).
 */
function messageSourceRules(rule: Rule): readonly string[] {
  switch (rule.id) {
    case MESSAGE_RULE_IDS.poolNotFound:
      return ['user-pool.exists'];
    case MESSAGE_RULE_IDS.validationForm:
      return contract.rules.filter((r) => r.breakable && MODEL_KINDS.has(r.kind)).map((r) => r.id);
    case MESSAGE_RULE_IDS.knownText:
      return KNOWN_TEXT_RULES;
    default:
      return [];
  }
}

export function casesFor(rule: Rule, pool: PoolContext): CaseSource {
  try {
    if (rule.via === 'other-region') return { ok: true, arbitrary: otherRegionCases(rule, pool) };
    if (rule.kind === 'probe') return { ok: false, reason: `${rule.id} sends its fixed probe only` };
    if (rule.kind === 'message') {
      const invalid = invalidCases(messageSourceRules(rule), pool).map((a) => relabel(a, rule.id));
      return invalid.length ? { ok: true, arbitrary: fc.oneof(...invalid) } : { ok: false, reason: `${rule.id} has no generated case against this pool (its probes only)` };
    }
    switch (rule.expect.outcome) {
      case 'rejected': {
        const arbitrary = invalidRequest(rule, pool);
        return arbitrary ? { ok: true, arbitrary } : { ok: false, reason: whyNoInvalidRequest(rule, pool) ?? `no invalid request for ${rule.id}` };
      }
      case 'accepted':
        return { ok: true, arbitrary: validCases(rule, pool, rule.expect.when) };
      case 'any': {
        if (rule.kind === 'protocol') {
          const invalid = invalidCases(PROTOCOL_FAULT_RULES, pool).map((a) => relabel(a, rule.id));
          return { ok: true, arbitrary: fc.oneof({ arbitrary: validCases(rule, pool), weight: invalid.length || 1 }, ...invalid) };
        }
        if (rule.kind === 'side-effect') {
          const breakable = contract.rules.filter((r) => r.breakable).map((r) => r.id);
          const invalid = invalidCases(breakable, pool).map((a) => relabel(a, rule.id));
          return invalid.length ? { ok: true, arbitrary: fc.oneof(...invalid) } : { ok: false, reason: 'no rule can be broken against this pool' };
        }
        // Every case of the list-shape rule generates a secret: a listing that shows whole clients
        // then shows a ClientSecret, the leak that rule exists for (floci-io/floci#416).
        if (rule.id === LIST_SHAPE_RULE_ID) return { ok: true, arbitrary: validCases(rule, pool, { set: { GenerateSecret: true } }) };
        return { ok: true, arbitrary: validCases(rule, pool) };
      }
    }
  } catch (err) {
    return { ok: false, reason: `cases for ${rule.id} cannot be built: ${err instanceof Error ? err.message : String(err)}` };
  }
}
