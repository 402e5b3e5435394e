import type { MemberNode } from './memberNode.js';
import * as s from './memberShapes.js';

/**
 * CreateUserPoolClientRequest: 24 members in the 2026-04-21 model. The older CLI documentation
 * had 20; ClientSecret (model 2026-02-27), EnablePropagateAdditionalUserContextData (2022-05-31),
 * AuthSessionValidity (2022-09-02) and RefreshTokenRotation (2025-04-22) came later
 * (docs/evidence.md §4, BC-hist).
 */
export const requestMembers: Readonly<Record<string, MemberNode>> = {
  UserPoolId: { ...s.userPoolId, required: true },
  ClientName: { ...s.clientName, required: true },
  GenerateSecret: { type: 'boolean', modelDefault: false, shape: 'GenerateSecret' },
  ClientSecret: s.clientSecret,
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
  AllowedOAuthFlowsUserPoolClient: { type: 'boolean', modelDefault: false, shape: 'BooleanType' },
  AnalyticsConfiguration: s.analyticsConfiguration,
  PreventUserExistenceErrors: s.preventUserExistenceErrors,
  EnableTokenRevocation: s.wrappedBoolean,
  EnablePropagateAdditionalUserContextData: s.wrappedBoolean,
  AuthSessionValidity: s.authSessionValidity,
  RefreshTokenRotation: s.refreshTokenRotation,
};
