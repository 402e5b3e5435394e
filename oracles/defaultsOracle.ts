import { contract } from '../contract/contract.js';
import type { Rule } from '../contract/rule.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { checkFact } from './checkFact.js';
import { createdClient } from './createdClient.js';
import { requestMatches } from './requestMatches.js';
import { validRequestRejected } from './validRequestRejected.js';
import { brief } from './shown.js';

/**
 * The defaults rules: every `default.*` rule, `refresh-token-validity.zero-means-default` (also of
 * kind default), `token-validity.default-units` (units are not filled in on output) and
 * `explicit-auth-flows.refresh-token-auth-optional` (no flow is added on output). Each says,
 * as data, which request it is about (`expect.when`) and what the response then holds
 * (`expect.response`); this oracle only reads that data.
 */
const DEFAULT_LIKE = new Set(['token-validity.default-units', 'explicit-auth-flows.refresh-token-auth-optional']);

const defaultRules: readonly Rule[] = contract.rules.filter((r) => r.kind === 'default' || DEFAULT_LIKE.has(r.id));

function judgeRule(rule: Rule, o: Observation, rejected: string | undefined): Judgement | undefined {
  if (rule.expect.outcome !== 'accepted' || !requestMatches(o.testCase.request, rule.expect.when)) return undefined;
  if (rejected) return { ruleId: rule.id, ok: false, message: rejected, expected: 'accepted (2xx)', observed: { status: o.create.status, errorType: o.create.errorType } };
  const client = createdClient(o.create);
  if (!client) return undefined;
  const results = (rule.expect.response ?? []).map((fact) => checkFact(client, fact));
  const bad = results.filter((r) => !r.ok);
  if (!bad.length) return { ruleId: rule.id, ok: true, message: rule.statement };
  return {
    ruleId: rule.id,
    ok: false,
    message: bad.map((r) => `${r.member}: expected ${brief(r.expected)}, got ${brief(r.observed)}`).join('; '),
    expected: Object.fromEntries(bad.map((r) => [r.member, r.expected])),
    observed: Object.fromEntries(bad.map((r) => [r.member, r.observed])),
  };
}

/**
 * For an accepted create of a valid case, checks every fact of every defaults rule whose
 * `expect.when` matches the request; a valid case that was rejected fails those rules. Invalid
 * cases are not judged here (what an accepted invalid request returns is no default of anything).
 */
function judge(o: Observation): Judgement[] {
  if (o.testCase.why) return [];
  const rejected = validRequestRejected(o);
  return defaultRules.map((r) => judgeRule(r, o, rejected)).filter((j): j is Judgement => j !== undefined);
}

export const defaultsOracle = defineOracle({ id: 'defaults', rules: defaultRules.map((r) => r.id), judge });
