import type { MemberNode } from './memberNode.js';

/**
 * Reusable member shapes of the cognito-idp model (2026-04-21 Smithy model; see
 * docs/evidence.md §2, SM2), restated as the contract's own data. A constraint
 * on a shape applies wherever the shape is used, so request and response share these.
 */

// A character-class pattern that recurs: any letter, mark, symbol, number or punctuation.
const URL_CHARS = '^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$';
const ARN = '^arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?$';

export const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const LEGACY_AUTH_FLOWS = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'] as const;
export const ALLOW_AUTH_FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
] as const;
export const OAUTH_FLOWS = ['code', 'implicit', 'client_credentials'] as const;

export const userPoolId: MemberNode = {
  type: 'string', length: { min: 1, max: 55 }, pattern: '^[\\w-]+_[0-9a-zA-Z]+$', shape: 'UserPoolIdType',
};
export const clientName: MemberNode = {
  type: 'string', length: { min: 1, max: 128 }, pattern: '^[\\w\\s+=,.@-]+$', shape: 'ClientNameType',
};
export const clientId: MemberNode = {
  type: 'string', length: { min: 1, max: 128 }, pattern: '^[\\w+]+$', sensitive: true, shape: 'ClientIdType',
};
export const clientSecret: MemberNode = {
  type: 'string', length: { min: 24, max: 64 }, pattern: '^[\\w+]+$', sensitive: true, shape: 'ClientSecretType',
};
export const refreshTokenValidity: MemberNode = {
  type: 'integer', range: { min: 0, max: 315360000 }, modelDefault: 0, shape: 'RefreshTokenValidityType',
};
export const accessTokenValidity: MemberNode = { type: 'integer', range: { min: 1, max: 86400 }, shape: 'AccessTokenValidityType' };
export const idTokenValidity: MemberNode = { type: 'integer', range: { min: 1, max: 86400 }, shape: 'IdTokenValidityType' };

const timeUnit: MemberNode = { type: 'enum', enum: TIME_UNITS, shape: 'TimeUnitsType' };
export const tokenValidityUnits: MemberNode = {
  type: 'structure',
  shape: 'TokenValidityUnitsType',
  members: { AccessToken: timeUnit, IdToken: timeUnit, RefreshToken: timeUnit },
};

const clientPermission: MemberNode = { type: 'string', length: { min: 1, max: 2048 }, shape: 'ClientPermissionType' };
export const clientPermissionList: MemberNode = { type: 'list', items: clientPermission, shape: 'ClientPermissionListType' };

export const explicitAuthFlows: MemberNode = {
  type: 'list',
  shape: 'ExplicitAuthFlowsListType',
  items: { type: 'enum', enum: [...LEGACY_AUTH_FLOWS, ...ALLOW_AUTH_FLOWS], shape: 'ExplicitAuthFlowsType' },
};

export const supportedIdentityProviders: MemberNode = {
  type: 'list',
  shape: 'SupportedIdentityProvidersListType',
  items: { type: 'string', length: { min: 1, max: 32 }, pattern: '^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+$', shape: 'ProviderNameType' },
};

export const redirectUrl: MemberNode = { type: 'string', length: { min: 1, max: 1024 }, pattern: URL_CHARS, shape: 'RedirectUrlType' };
export const callbackUrls: MemberNode = { type: 'list', length: { min: 0, max: 100 }, items: redirectUrl, shape: 'CallbackURLsListType' };
export const logoutUrls: MemberNode = { type: 'list', length: { min: 0, max: 100 }, items: redirectUrl, shape: 'LogoutURLsListType' };

export const allowedOAuthFlows: MemberNode = {
  type: 'list',
  length: { min: 0, max: 3 },
  shape: 'OAuthFlowsType',
  items: { type: 'enum', enum: OAUTH_FLOWS, shape: 'OAuthFlowType' },
};
export const allowedOAuthScopes: MemberNode = {
  type: 'list',
  length: { min: 0, max: 50 },
  shape: 'ScopeListType',
  items: { type: 'string', length: { min: 1, max: 256 }, pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$', shape: 'ScopeType' },
};

const arn: MemberNode = { type: 'string', length: { min: 20, max: 2048 }, pattern: ARN, shape: 'ArnType' };
export const analyticsConfiguration: MemberNode = {
  type: 'structure',
  shape: 'AnalyticsConfigurationType',
  members: {
    ApplicationId: { type: 'string', pattern: '^[0-9a-fA-F]+$', shape: 'HexStringType' },
    ApplicationArn: arn,
    RoleArn: arn,
    ExternalId: { type: 'string', length: { min: 0, max: 131072 }, shape: 'StringType' },
    UserDataShared: { type: 'boolean', modelDefault: false, shape: 'BooleanType' },
  },
};

export const preventUserExistenceErrors: MemberNode = {
  type: 'enum', enum: ['LEGACY', 'ENABLED'], shape: 'PreventUserExistenceErrorTypes',
};
export const wrappedBoolean: MemberNode = { type: 'boolean', shape: 'WrappedBooleanType' };
export const authSessionValidity: MemberNode = { type: 'integer', range: { min: 3, max: 15 }, shape: 'AuthSessionValidityType' };
export const refreshTokenRotation: MemberNode = {
  type: 'structure',
  shape: 'RefreshTokenRotationType',
  members: {
    Feature: { type: 'enum', required: true, enum: ['ENABLED', 'DISABLED'], shape: 'FeatureType' },
    RetryGracePeriodSeconds: { type: 'integer', range: { min: 0, max: 60 }, shape: 'RetryGracePeriodSecondsType' },
  },
};
export const dateType: MemberNode = { type: 'timestamp', shape: 'DateType' };
