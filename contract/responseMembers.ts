import type { MemberNode } from './memberNode.js';
import * as s from './memberShapes.js';

/**
 * UserPoolClientType, the `UserPoolClient` member of the CreateUserPoolClient response: 26 members
 * in the 2026-04-21 model. Nothing is required on output; which members real AWS sends is stated by
 * the `default.*` and `output.*` rules. npm @aws-sdk/client-cognito-identity-provider 3.1169.0 adds
 * an output-only ClientType that the 2026-04-21 model lacks (docs/evidence.md §4); the contract
 * follows the model and the SDK drift test reports the difference.
 */
export const responseMembers: Readonly<Record<string, MemberNode>> = {
  UserPoolId: s.userPoolId,
  ClientName: s.clientName,
  ClientId: s.clientId,
  ClientSecret: s.clientSecret,
  LastModifiedDate: s.dateType,
  CreationDate: s.dateType,
  RefreshTokenValidity: s.refreshTokenValidity,
  AccessTokenValidity: s.accessTokenValidity,
  IdTokenValidity: s.idTokenValidity,
  TokenValidityUnits: s.tokenValidityUnits,
  ReadAttributes: s.clientPermissionList,
  WriteAttributes: s.clientPermissionList,
  ExplicitAuthFlows: s.explicitAuthFlows,
  SupportedIdentityProviders: s.supportedIdentityProviders,
  CallbackURLs: s.callbackUrls,
  LogoutURLs: s.logoutUrls,
  DefaultRedirectURI: s.redirectUrl,
  AllowedOAuthFlows: s.allowedOAuthFlows,
  AllowedOAuthScopes: s.allowedOAuthScopes,
  // The model removes the target's default on this output member (`smithy.api#default: null`).
  AllowedOAuthFlowsUserPoolClient: { type: 'boolean', shape: 'BooleanType' },
  AnalyticsConfiguration: s.analyticsConfiguration,
  PreventUserExistenceErrors: s.preventUserExistenceErrors,
  EnableTokenRevocation: s.wrappedBoolean,
  EnablePropagateAdditionalUserContextData: s.wrappedBoolean,
  AuthSessionValidity: s.authSessionValidity,
  RefreshTokenRotation: s.refreshTokenRotation,
};

/**
 * The model date that introduced each response member (botocore cognito-idp service-2.json
 * history, src.botocoreHistory; docs/evidence.md §4). A recorded exchange older
 * than a member is not judged on it: a 2019 create cannot return AuthSessionValidity.
 */
export const responseMemberIntroduced: Readonly<Record<keyof typeof responseMembers, string>> = {
  UserPoolId: '2016-04-18',
  ClientName: '2016-04-18',
  ClientId: '2016-04-18',
  ClientSecret: '2016-04-18',
  LastModifiedDate: '2016-04-18',
  CreationDate: '2016-04-18',
  RefreshTokenValidity: '2016-07-29',
  AccessTokenValidity: '2020-08-13',
  IdTokenValidity: '2020-08-13',
  TokenValidityUnits: '2020-08-13',
  ReadAttributes: '2016-07-29',
  WriteAttributes: '2016-07-29',
  ExplicitAuthFlows: '2016-07-29',
  SupportedIdentityProviders: '2017-06-01',
  CallbackURLs: '2017-06-01',
  LogoutURLs: '2017-06-01',
  DefaultRedirectURI: '2017-06-01',
  AllowedOAuthFlows: '2017-06-01',
  AllowedOAuthScopes: '2017-06-01',
  AllowedOAuthFlowsUserPoolClient: '2017-06-01',
  AnalyticsConfiguration: '2017-11-28',
  PreventUserExistenceErrors: '2019-11-14',
  EnableTokenRevocation: '2021-06-10',
  EnablePropagateAdditionalUserContextData: '2022-05-31',
  AuthSessionValidity: '2022-09-02',
  RefreshTokenRotation: '2025-04-22',
};

/**
 * Request members whose introduction differs from the response member of the same name: a
 * ClientSecret of one's own choosing can be sent since 2026-02-27 (botocore 1.42.58); before that
 * ClientSecret was output only.
 */
export const requestMemberIntroduced: Readonly<Record<string, string>> = {
  GenerateSecret: '2016-04-18',
  ClientSecret: '2026-02-27',
};
