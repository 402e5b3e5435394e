import type { MemberNode } from './memberNode.js';
import * as s from './memberShapes.js';

/**
 * UserPoolClientType, the `UserPoolClient` member of the CreateUserPoolClient response: 26 members
 * in the 2026-04-21 model. Nothing is required on output; which members real AWS sends is stated by
 * the `default.*` and `output.*` rules. npm @aws-sdk/client-cognito-identity-provider 3.1169.0 adds
 * an output-only ClientType that the 2026-04-21 model lacks (aws-evidence.md, SM2); the contract
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
