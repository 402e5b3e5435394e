import fc from 'fast-check';
import { ALLOW_AUTH_FLOWS } from '../contract/memberShapes.js';

/**
 * ALLOW_REFRESH_TOKEN_AUTH among ALLOW_* flows. AWS demanded it in 2020 and no longer does
 * (explicit-auth-flows.refresh-token-auth-optional): valid lists come with it and without it.
 */
export const REFRESH_TOKEN_AUTH = 'ALLOW_REFRESH_TOKEN_AUTH';

if (!(ALLOW_AUTH_FLOWS as readonly string[]).includes(REFRESH_TOKEN_AUTH)) throw new Error(`ALLOW_AUTH_FLOWS lacks ${REFRESH_TOKEN_AUTH}`);

/** ALLOW_* flows other than ALLOW_REFRESH_TOKEN_AUTH. */
export const OTHER_ALLOW_FLOWS: readonly string[] = ALLOW_AUTH_FLOWS.filter((f) => f !== REFRESH_TOKEN_AUTH);

/** A list of distinct ALLOW_* flows that contains ALLOW_REFRESH_TOKEN_AUTH, in any order. */
export function allowFlowsWithRefresh(): fc.Arbitrary<string[]> {
  return fc.tuple(fc.shuffledSubarray([...OTHER_ALLOW_FLOWS]), fc.nat()).map(([xs, i]) => {
    const k = i % (xs.length + 1);
    return [...xs.slice(0, k), REFRESH_TOKEN_AUTH, ...xs.slice(k)];
  });
}

/**
 * The list without ALLOW_REFRESH_TOKEN_AUTH when another ALLOW_* flow stays in it; otherwise the
 * list as it is (an ALLOW_* list does not turn into an empty one).
 */
export function withoutRefreshFlow(flows: readonly string[]): string[] {
  const rest = flows.filter((f) => f !== REFRESH_TOKEN_AUTH);
  return rest.some((f) => OTHER_ALLOW_FLOWS.includes(f)) ? rest : [...flows];
}
