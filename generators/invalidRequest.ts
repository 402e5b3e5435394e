import fc from 'fast-check';
import type { FixtureNeed, Rule } from '../contract/rule.js';
import type { PoolContext } from '../contract/poolContext.js';
import type { TestCase } from './testCase.js';
import { cannotBreak, type BreakerPlan } from './breakerPlan.js';
import { modelBreaker, modelConstraintOf } from './modelBreakers.js';
import { semanticBreakers } from './semanticBreakers.js';

/**
 * Single-fault requests: for a rule with `breakable: true`, cases that break exactly that rule
 * (by the contract's judge, contract/requestViolations.ts) and are valid otherwise, each carrying why
 * it is invalid: the rule, the member path of the fault and the error the rule expects.
 * Model-constraint rules get generic breakers (modelBreakers.ts); cross-field and existence rules
 * hand-written ones (semanticBreakers.ts).
 */
const HAS: Readonly<Record<FixtureNeed, (pool: PoolContext) => boolean>> = {
  'resource-server': (pool) => pool.resourceServerScopes.length > 0,
  'identity-provider': (pool) => pool.identityProviders.length > 0,
  analytics: (pool) => pool.analytics !== undefined,
  // Whether the pool is fully known is the fixture's to say (targets/pool/fixtureCapabilities.ts), not the pool context's.
  'known-attributes': () => true,
  'known-scopes': () => true,
  'known-providers': () => true,
};

function breakerPlan(rule: Rule, pool: PoolContext): BreakerPlan {
  if (!rule.breakable) return cannotBreak(`${rule.id} is not breakable: no request can break it`);
  if (rule.expect.outcome !== 'rejected') return cannotBreak(`${rule.id} does not expect a rejection`);
  const missing = (rule.needs ?? []).filter((need) => !HAS[need](pool));
  if (missing.length) return cannotBreak(`the pool lacks what ${rule.id} needs: ${missing.join(', ')}`);
  const semantic = semanticBreakers[rule.id];
  if (semantic) return semantic(pool);
  if (modelConstraintOf(rule)) return modelBreaker(rule, pool);
  return cannotBreak(`no breaker is written for ${rule.id}`);
}

/** Why `invalidRequest(rule, pool)` is undefined, or undefined when it is not. */
export function whyNoInvalidRequest(rule: Rule, pool: PoolContext): string | undefined {
  const p = breakerPlan(rule, pool);
  return p.ok ? undefined : p.reason;
}

export function invalidRequest(rule: Rule, pool: PoolContext): fc.Arbitrary<TestCase> | undefined {
  const p = breakerPlan(rule, pool);
  if (!p.ok || rule.expect.outcome !== 'rejected') return undefined;
  const expected = { errorTypes: rule.expect.errorTypes, status: rule.expect.status };
  return p.faults.map(({ request, path }) => ({ ruleId: rule.id, request, why: { ruleId: rule.id, path, expected } }));
}
