import fc from 'fast-check';
import { requestMembers } from '../contract/requestMembers.js';
import { STANDARD_SCOPES, type PoolContext } from '../contract/poolContext.js';
import { sizedSubset } from './boundaries.js';

/**
 * AllowedOAuthScopes for a valid OAuth client, 1 to the model's maximum (50) distinct scopes that
 * exist in the pool (oauth.scopes.exist). Two conservative choices, since no source settles them:
 * - phone, email and profile come with openid (the developer guide's scope table has them only
 *   alongside openid);
 * - a client_credentials client names resource-server scopes only: openid is rejected with it
 *   (oauth.client-credentials.no-openid) and no source shows it with the other standard scopes.
 */
export type OAuthFlowFamily = 'code-implicit' | 'client-credentials';

const SCOPES_MAX = requestMembers.AllowedOAuthScopes.length!.max!;
const NEED_OPENID: readonly string[] = ['phone', 'email', 'profile'];
export const OPENID = 'openid';

export function scopeUniverse(pool: PoolContext, family: OAuthFlowFamily): string[] {
  return family === 'client-credentials' ? [...pool.resourceServerScopes] : [...STANDARD_SCOPES, ...pool.resourceServerScopes];
}

/** Adds openid when phone, email or profile is there, replacing another scope when the list is full. */
export function withOpenidWhereNeeded(scopes: readonly string[]): string[] {
  if (scopes.includes(OPENID) || !scopes.some((s) => NEED_OPENID.includes(s))) return [...scopes];
  if (scopes.length < SCOPES_MAX) return [OPENID, ...scopes];
  const drop = scopes.findIndex((s) => !NEED_OPENID.includes(s));
  return scopes.map((s, i) => (i === drop ? OPENID : s));
}

/** Undefined when the pool has no scope the family may use (client_credentials without resource servers). */
export function oauthScopes(pool: PoolContext, family: OAuthFlowFamily): fc.Arbitrary<string[]> | undefined {
  const universe = scopeUniverse(pool, family);
  if (!universe.length) return undefined;
  const lists = sizedSubset(universe, 1, SCOPES_MAX);
  return family === 'code-implicit' ? lists.map(withOpenidWhereNeeded) : lists;
}
