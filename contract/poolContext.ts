/**
 * What exists in the target around the request: the pool and what the run created in it. Existence
 * rules (scopes, identity providers, attributes, the pool itself) are judged against this.
 */
export interface CustomAttribute {
  /** Full name as used in ReadAttributes/WriteAttributes, e.g. `custom:tier`. */
  name: string;
  mutable: boolean;
  /**
   * Required by the pool's schema. CreateUserPool rejects required custom attributes today, so a
   * pool the run creates never has one; a recorded pool may say so all the same.
   */
  required?: boolean;
}

export interface AnalyticsFixture {
  applicationId: string;
  applicationArn: string;
  roleArn: string;
  externalId: string;
}

export interface PoolContext {
  userPoolId: string;
  customAttributes: readonly CustomAttribute[];
  /** `<resource-server-identifier>/<scope-name>` of resource servers created in the pool. */
  resourceServerScopes: readonly string[];
  /** Identity providers created in the pool (COGNITO is always there). */
  identityProviders: readonly string[];
  /** A Pinpoint project the pool may send analytics to; absent when the run has none. */
  analytics?: AnalyticsFixture;
  /**
   * Standard attributes the pool's schema marks required (`email`); absent or empty: none. `sub`,
   * required in every pool and never writable, is not listed.
   */
  requiredAttributes?: readonly string[];
}

/** Standard OAuth scopes every pool has (AllowedOAuthScopes documentation, model 2026-04-21). */
export const STANDARD_SCOPES = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'] as const;

/** The built-in identity provider of every pool. */
export const COGNITO_PROVIDER = 'COGNITO';

/** OIDC standard attributes every pool has (Cognito Developer Guide, "User pool attributes"). */
export const STANDARD_ATTRIBUTES = [
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale',
  'middle_name', 'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture',
  'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
] as const;

/**
 * Standard attributes an app client may be given write access to. `sub` is never writable, and
 * the *_verified flags are left out on purpose: whether an app client may write them is not
 * settled by any source we have, so valid requests never depend on it.
 */
export const WRITABLE_STANDARD_ATTRIBUTES = STANDARD_ATTRIBUTES.filter((a) => !a.endsWith('_verified'));

/**
 * The attributes every WriteAttributes list must hold in this pool: its required attributes that a
 * client can write (write-attributes.exist-and-writable; the developer guide: required attributes
 * cannot be removed from an app client's write permissions).
 */
export function requiredWriteAttributes(pool: PoolContext): string[] {
  const standard = (pool.requiredAttributes ?? []).filter((a) => (WRITABLE_STANDARD_ATTRIBUTES as readonly string[]).includes(a));
  const custom = pool.customAttributes.filter((a) => a.required === true && a.mutable).map((a) => a.name);
  return [...new Set([...standard, ...custom])];
}
