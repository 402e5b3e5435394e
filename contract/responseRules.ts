import type { Rule } from './rule.js';
import { falseAlarmNote, randomNumberFormat } from './randomNumberFormat.js';
import { modelSource, src } from './sources.js';

/** ClientId: a random 128-bit number; ClientSecret: a random 256-bit one (contract/randomNumberFormat.ts). */
const CLIENT_ID = randomNumberFormat(128);
const CLIENT_SECRET = randomNumberFormat(256);

/** Real create responses whose members show the defaults (docs/evidence.md §6). */
const REAL_CREATES = [src.raw1, src.raw2, src.raw3, src.raw7, src.tfTest];

/** `alsoOmit`: members that would change the default if present (a unit alone applies to the default value). */
function defaultEquals(id: string, member: string, value: unknown, statement: string, extra: Partial<Rule> = {}, alsoOmit: readonly string[] = []): Rule {
  return {
    id,
    kind: 'default',
    members: [member],
    statement,
    evidence: 'observed',
    sources: REAL_CREATES,
    expect: { outcome: 'accepted', when: { omit: [member, ...alsoOmit] }, response: [{ member, equals: value }] },
    breakable: false,
    ...extra,
  };
}

function defaultAbsent(id: string, members: readonly string[], statement: string, extra: Partial<Rule> = {}, alsoOmit: readonly string[] = []): Rule {
  return {
    id,
    kind: 'default',
    members,
    statement,
    evidence: 'observed',
    sources: REAL_CREATES,
    expect: { outcome: 'accepted', when: { omit: [...members, ...alsoOmit] }, response: members.map((member) => ({ member, absent: true as const })) },
    breakable: false,
    ...extra,
  };
}

/**
 * What an accepted CreateUserPoolClient returns: defaults as real AWS returns them, output formats,
 * the wire protocol, and what other operations see afterwards.
 */
export const responseRules: readonly Rule[] = [
  defaultEquals('default.refresh-token-validity', 'RefreshTokenValidity', 30, 'RefreshTokenValidity comes back as 30 when omitted', {}, ['TokenValidityUnits.RefreshToken']),
  defaultEquals('default.token-validity-units', 'TokenValidityUnits', {}, 'TokenValidityUnits comes back as {} when omitted (units are not filled in)'),
  defaultEquals('default.allowed-oauth-flows-user-pool-client', 'AllowedOAuthFlowsUserPoolClient', false, 'AllowedOAuthFlowsUserPoolClient comes back as false when omitted', {
    sources: [...REAL_CREATES, src.cliExample2019, modelSource('AllowedOAuthFlowsUserPoolClient documentation: defaults to false')],
  }),
  defaultEquals('default.enable-token-revocation', 'EnableTokenRevocation', true, 'EnableTokenRevocation comes back as true when omitted'),
  defaultEquals('default.enable-propagate-additional-user-context-data', 'EnablePropagateAdditionalUserContextData', false, 'EnablePropagateAdditionalUserContextData comes back as false when omitted'),
  defaultEquals('default.auth-session-validity', 'AuthSessionValidity', 3, 'AuthSessionValidity comes back as 3 (minutes) when omitted'),
  defaultAbsent('default.access-id-token-validity.absent', ['AccessTokenValidity', 'IdTokenValidity'], 'AccessTokenValidity and IdTokenValidity are absent when omitted (not 60, not 1)', {
    conflicts: [
      {
        claim: 'Access and ID tokens default to 1 hour (the documented behaviour, not a returned value)',
        sources: [modelSource('AccessTokenValidity/IdTokenValidity documentation')],
        status: 'disputed',
      },
    ],
    // What comes back for a unit sent without its value is not known; such requests are not this rule's.
  }, ['TokenValidityUnits.AccessToken', 'TokenValidityUnits.IdToken']),
  defaultAbsent('default.explicit-auth-flows.absent', ['ExplicitAuthFlows'], 'ExplicitAuthFlows is absent when omitted; the documented default flows are in effect but not returned', {
    conflicts: [
      {
        claim: 'An omitted ExplicitAuthFlows comes back as ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH',
        sources: [modelSource('ExplicitAuthFlows documentation: the client supports those three flows'), 'floci-io/floci#3997 (claims AWS returns them)'],
        status: 'disputed',
      },
    ],
  }),
  defaultAbsent('default.prevent-user-existence-errors.absent', ['PreventUserExistenceErrors'], 'PreventUserExistenceErrors is absent when omitted (the client behaves as LEGACY)', {
    sources: [src.raw1, src.tfTest + ' (basic and refreshTokenRotation assert prevent_user_existence_errors = "")'],
    conflicts: [
      {
        claim: 'New clients default to ENABLED when no value is given (clients created after 2020-02-15)',
        sources: [src.oldCliDoc, src.botocoreHistory + ': sentence removed 2022-01-28'],
        status: 'superseded',
      },
      {
        claim: 'Defaults to LEGACY (the current model text): describes behaviour; the response omits the member',
        sources: [modelSource('PreventUserExistenceErrors documentation: Defaults to LEGACY')],
        status: 'disputed',
      },
    ],
  }),
  defaultAbsent(
    'default.oauth-members.absent',
    ['SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlows', 'AllowedOAuthScopes'],
    'SupportedIdentityProviders, CallbackURLs, LogoutURLs, DefaultRedirectURI, AllowedOAuthFlows and AllowedOAuthScopes are absent when omitted',
  ),
  defaultAbsent('default.read-write-attributes.absent', ['ReadAttributes', 'WriteAttributes'], 'ReadAttributes and WriteAttributes are absent when omitted', {
    evidence: 'documented',
    sources: [modelSource('ReadAttributes documentation: only populated when you specify your own set'), src.raw1],
  }),
  defaultAbsent('default.analytics-configuration.absent', ['AnalyticsConfiguration'], 'AnalyticsConfiguration is absent when omitted', { sources: [src.tfTest] }),
  defaultAbsent('default.client-secret.absent', ['ClientSecret'], 'ClientSecret is absent unless GenerateSecret is true', {
    expect: {
      outcome: 'accepted',
      when: { omit: ['ClientSecret', 'GenerateSecret'] },
      response: [{ member: 'ClientSecret', absent: true }],
    },
  }),
  {
    id: 'default.refresh-token-rotation',
    kind: 'default',
    members: ['RefreshTokenRotation'],
    statement: 'RefreshTokenRotation, when omitted, is absent or {"Feature":"DISABLED","RetryGracePeriodSeconds":0}: unresolved, either conforms',
    evidence: 'inferred',
    sources: [src.tfTest + ' (refresh_token_rotation not Computed and basic passes: absent)', src.tfRotation],
    expect: {
      outcome: 'accepted',
      when: { omit: ['RefreshTokenRotation'] },
      response: [{ member: 'RefreshTokenRotation', anyOf: [{ absent: true }, { equals: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 } }] }],
    },
    breakable: false,
    conflicts: [
      {
        claim: 'AWS returns {"Feature":"DISABLED","RetryGracePeriodSeconds":0} for clients that never set rotation',
        sources: [src.tfRotation],
        status: 'unresolved',
      },
      {
        claim: 'AWS omits RefreshTokenRotation for clients created without it',
        sources: [src.tfTest],
        status: 'unresolved',
      },
    ],
    note: 'Until a real create response settles it, both readings pass; anything else (another value) fails.',
  },
  {
    id: 'output.shape',
    kind: 'output',
    members: ['UserPoolClient'],
    statement: 'The body is {"UserPoolClient": UserPoolClientType}, every member of the declared type and within the model constraints; unknown members are reported',
    evidence: 'model',
    sources: [modelSource('CreateUserPoolClientResponse / UserPoolClientType'), src.cliExample2024],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'output.echo',
    kind: 'output',
    members: ['UserPoolId', 'ClientName', 'TokenValidityUnits', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'AuthSessionValidity', 'PreventUserExistenceErrors', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData', 'AllowedOAuthFlowsUserPoolClient', 'DefaultRedirectURI', 'AnalyticsConfiguration', 'RefreshTokenRotation'],
    statement: 'Every member sent comes back with the value sent (TokenValidityUnits exactly as sent)',
    evidence: 'observed',
    sources: [src.cliExample2024, src.modelExample, src.tfTest],
    expect: { outcome: 'accepted' },
    breakable: false,
    note: 'Exceptions are rules of their own: RefreshTokenValidity 0 (becomes 30), ClientSecret (see output.client-secret.*), AnalyticsConfiguration with ApplicationArn (AWS adds its service-linked RoleArn).',
  },
  {
    id: 'output.lists-as-sets',
    kind: 'output',
    members: ['ReadAttributes', 'WriteAttributes', 'ExplicitAuthFlows', 'SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes'],
    statement: 'A list sent comes back with the same elements, in any order',
    evidence: 'observed',
    sources: [src.cliExample2024 + ' (CallbackURLs, AllowedOAuthFlows, ReadAttributes reordered)', src.modelExample],
    expect: { outcome: 'accepted' },
    breakable: false,
  },
  {
    id: 'output.client-id.format',
    kind: 'output',
    members: ['ClientId'],
    statement: `ClientId is a random 128-bit number in unpadded base32hex: ${CLIENT_ID.minLength}–${CLIENT_ID.maxLength} characters of [0-9a-v], no leading 0, a ${CLIENT_ID.maxLength}-character id starting with 1–${CLIENT_ID.topDigit} (the model allows 1–128 of [\\w+])`,
    evidence: 'observed',
    sources: [src.raw1, src.raw3, src.raw5, src.cliExample2019, 'docs/evidence.md §7 and §10: every 26-character id starts with 1–7, 25-character ones with any digit', modelSource('ClientIdType length 1–128, pattern ^[\\w+]+$')],
    expect: { outcome: 'accepted', response: [{ member: 'ClientId', pattern: CLIENT_ID.pattern }] },
    breakable: false,
    // Lengths taken from samples (25–26) flag a correct 24-character id once in 256 (issue 15).
    note: falseAlarmNote('ClientId', CLIENT_ID),
  },
  {
    id: 'output.client-id.unique',
    kind: 'output',
    members: ['ClientId'],
    statement: 'Every create returns a ClientId not seen before in the run',
    // An id names one client: two clients under one id could not be told apart by any operation.
    evidence: 'invariant',
    sources: [modelSource('ClientIdType: the ID of the app client')],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'output.client-secret.format',
    kind: 'output',
    members: ['ClientSecret'],
    statement: `A generated ClientSecret is a random 256-bit number in unpadded base32hex: ${CLIENT_SECRET.minLength}–${CLIENT_SECRET.maxLength} characters of [0-9a-v], no leading 0, a ${CLIENT_SECRET.maxLength}-character secret starting with 1 (the model allows 24–64 of [\\w+])`,
    evidence: 'observed',
    sources: [src.cliExample2019, src.modelExample, 'docs/evidence.md §7 and §10: three real secrets of 51–52 characters, the 52-character one starting with 1', modelSource('ClientSecretType length 24–64, pattern ^[\\w+]+$')],
    expect: { outcome: 'accepted', when: { set: { GenerateSecret: true } }, response: [{ member: 'ClientSecret', pattern: CLIENT_SECRET.pattern }] },
    breakable: false,
    // Lengths taken from samples (51–52) flag a correct 50-character secret once in 64 (issue 15).
    note: falseAlarmNote('A generated ClientSecret', CLIENT_SECRET),
  },
  {
    id: 'output.client-secret.when-generated',
    kind: 'output',
    members: ['ClientSecret', 'GenerateSecret'],
    statement: 'ClientSecret is present when GenerateSecret is true',
    evidence: 'observed',
    sources: [src.cliExample2019, src.modelExample, src.raw7],
    expect: { outcome: 'accepted', when: { set: { GenerateSecret: true } } },
    breakable: false,
    note: 'Whether a ClientSecret given in the request is echoed is open (AWS API Reference, AddUserPoolClientSecret: custom secrets are not returned by create); this rule is about GenerateSecret true only, and the echo oracle does not judge a given secret.',
  },
  {
    id: 'output.timestamps.equal',
    kind: 'output',
    members: ['CreationDate', 'LastModifiedDate'],
    statement: 'CreationDate equals LastModifiedDate on create',
    evidence: 'observed',
    sources: [src.cliExample2019, src.modelExample, src.raw3],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'output.timestamps.epoch-seconds',
    kind: 'output',
    members: ['CreationDate', 'LastModifiedDate'],
    statement: 'CreationDate and LastModifiedDate are JSON numbers in epoch seconds (millisecond fraction), close to the run\'s clock',
    evidence: 'observed',
    sources: [src.awsJsonSpec, src.cliExample2019, src.raw3],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'protocol.content-type',
    kind: 'protocol',
    members: [],
    statement: 'Responses, success and error, carry the media type application/x-amz-json-1.1 in Content-Type (a parameter such as "; charset=utf-8" is noted, not failed)',
    evidence: 'observed',
    sources: [src.awsJsonSpec, src.raw8],
    expect: { outcome: 'any' },
    breakable: false,
    note: 'The media type is what clients read: the AWS SDKs pick the protocol parser by the service model, not by the header\'s parameters, and none reads a charset. Real Cognito sends the bare value, so a parameter is shown as a note on the rule, never a failure.',
    conflicts: [
      {
        claim: 'The API reference HTTP examples show Content-Type application/x-amz-json-1.0',
        sources: [src.apiRef],
        status: 'disputed',
      },
    ],
  },
  {
    id: 'protocol.request-id',
    kind: 'protocol',
    members: [],
    statement: 'Responses carry an x-amzn-RequestId header',
    evidence: 'observed',
    sources: [src.raw8, src.raw7],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'protocol.error-type-header',
    kind: 'protocol',
    members: [],
    statement: 'An error of the operation carries an x-amzn-ErrorType header naming the same error as the body\'s __type (real Cognito sends "<Name>:")',
    evidence: 'observed',
    sources: [
      'localstack/localstack#3201 (2020: real Cognito user pool errors with x-amzn-errortype "NotAuthorizedException:" and "UserNotFoundException:", x-amzn-errormessage and x-amzn-requestid, body {"__type","message"})',
      'awslabs/aws-sdk-swift#296 (2021: real Cognito 400 with x-amzn-ErrorType "InvalidPasswordException:", x-amzn-ErrorMessage, Content-Type application/x-amz-json-1.1)',
      src.awsJsonSpec,
    ],
    expect: { outcome: 'any' },
    breakable: false,
    note: 'Judged on errors the operation lists (the Cognito service errors), the header compared after the protocol\'s stripping of ":uri" and "ns#". Seen on sign-in and sign-up errors of the same service, not yet on a CreateUserPoolClient error. x-amzn-ErrorMessage is seen too but not judged.',
  },
  {
    id: 'protocol.error-body',
    kind: 'protocol',
    members: [],
    statement: 'An error body is JSON with __type (the bare shape name) and a non-empty message',
    evidence: 'observed',
    sources: [src.errorBody, src.awsJsonSpec],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'protocol.client-error-status',
    kind: 'protocol',
    members: [],
    statement: 'Client errors come with HTTP status 400 (including ResourceNotFound and TooManyRequests); InternalErrorException with 500',
    evidence: 'observed',
    sources: [src.status400, src.apiRefErrors],
    expect: { outcome: 'any' },
    breakable: false,
    conflicts: [
      {
        claim: 'ResourceNotFoundException 404, TooManyRequestsException 429, NotAuthorizedException and FeatureUnavailableInTierException 403',
        sources: [modelSource('smithy.api#httpError traits')],
        status: 'superseded',
      },
    ],
  },
  {
    id: 'side-effect.none-on-rejection',
    kind: 'side-effect',
    members: [],
    statement: 'After a rejected create, ListUserPoolClients shows no new client',
    // An error answer means the operation did not happen: a client made anyway is one the caller
    // has no id for and cannot delete.
    evidence: 'invariant',
    sources: [src.apiRef + ' (an error response means the operation did not take effect)'],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'consistency.describe-matches-create',
    kind: 'consistency',
    members: ['UserPoolClient'],
    statement: 'DescribeUserPoolClient returns what CreateUserPoolClient returned',
    // Both read the one stored client: nothing happened to it between the two answers.
    evidence: 'invariant',
    sources: [modelSource('DescribeUserPoolClient returns UserPoolClientType'), 'docs/evidence.md §3 RAW-4 and RAW-6 (describe responses have the create shape)'],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'consistency.list-matches-create',
    kind: 'consistency',
    members: ['ClientId', 'ClientName', 'UserPoolId'],
    statement: 'ListUserPoolClients lists the new client with the same ClientName and UserPoolId',
    evidence: 'invariant',
    sources: [modelSource('ListUserPoolClients returns UserPoolClientDescription (ClientId, UserPoolId, ClientName)')],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'consistency.list-shape',
    kind: 'consistency',
    members: ['ClientId', 'ClientName', 'UserPoolId'],
    statement: 'Every item ListUserPoolClients lists is a client description: ClientId, UserPoolId and ClientName, nothing else (never a ClientSecret or another setting of the client)',
    // Judged on the listing consistency rules already take after each create, whose cases all
    // generate a secret (generators/casesFor.ts), so a listing that shows whole clients shows one.
    evidence: 'model',
    sources: [
      modelSource('ListUserPoolClientsResponse.UserPoolClients is a list of UserPoolClientDescription: ClientId, UserPoolId, ClientName'),
      'AWS API Reference, ListUserPoolClients "Response Syntax" and UserPoolClientDescription (docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientDescription.html)',
      'floci-io/floci#416 (an emulator that listed whole clients, ClientSecret included; fixed)',
    ],
    expect: { outcome: 'any' },
    breakable: false,
  },
];
