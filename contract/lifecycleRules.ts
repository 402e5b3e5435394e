import type { Rule } from './rule.js';

/**
 * The client after Create (issue 17): what UpdateUserPoolClient, DescribeUserPoolClient,
 * ListUserPoolClients and DeleteUserPoolClient do to a client that exists. These rules are judged
 * on sequences of operations against one pool (runner: model-based properties, fast-check
 * commands), and, where one exchange is enough, on recorded exchanges (`judge`).
 *
 * The unknown-ClientId answers of Describe, Update and Delete are the probes
 * `probe.unknown-client.{describe,update,delete}` (contract/probeRules.ts), and "a listing never
 * carries a secret" is `consistency.list-shape` (contract/responseRules.ts): the lifecycle
 * sequences judge those rules too, on every listing and lookup they make, instead of restating
 * them here.
 *
 * `members` lists CreateUserPoolClient members only (the contract's member tree is that
 * operation's); rules about listings and whole clients name none. The error a rule expects is in
 * its statement: `expect` is `any` because the judged exchanges are other operations' answers.
 */
const API_REF_UPDATE = 'AWS API Reference, UpdateUserPoolClient: a value the request leaves out is set to its default; callers send the existing configuration with their changes (docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html)';
const API_REF_DELETE = 'AWS API Reference, DeleteUserPoolClient "Errors": ResourceNotFoundException (docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolClient.html)';
const API_REF_LIST = 'AWS API Reference, ListUserPoolClients: MaxResults 1–60, NextToken, items of type UserPoolClientDescription (docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPoolClients.html)';
const UPDATE_WIPES = [
  'imo-tikuwa cognito-demo notes (2025-07, ap-northeast-1): pasted describe and update output; a client with ExplicitAuthFlows [ALLOW_USER_PASSWORD_AUTH] has none after an update that left them out, and the other members are back at their Create defaults',
  'boto/boto3#1607 (an update that named one setting wiped the others)',
  'hashicorp/terraform-provider-aws#5478 (flows and identity providers reset by an update that did not name them)',
  'aws-cloudformation/cloudformation-coverage-roadmap#676 (the same, through CloudFormation)',
];
const TERRAFORM_RMW = 'hashicorp/terraform-provider-aws internal/service/cognitoidp/user_pool_client.go and managed_user_pool_client.go (read-modify-write: describe, overlay the plan, send the whole record)';
const LIST_VALIDATION_FORM = [
  'aws/aws-cli#3866, aws/aws-cli#3926, aws/aws-sdk-js-v3#2335, boto/boto3#1356 (sibling Cognito list operations: "1 validation error detected: Value \'0\' at \'maxResults\' failed to satisfy constraint: Member must have value greater than or equal to 1", InvalidParameterException)',
];

export const lifecycleRules: readonly Rule[] = [
  {
    id: 'lifecycle.update-replaces',
    kind: 'lifecycle',
    members: [],
    statement:
      'UpdateUserPoolClient replaces the configuration: every member the request leaves out is back at its Create default afterwards (lists and PreventUserExistenceErrors absent, RefreshTokenValidity 30, AllowedOAuthFlowsUserPoolClient false, EnableTokenRevocation true, EnablePropagateAdditionalUserContextData false, AuthSessionValidity 3); the members it names hold what it sent',
    evidence: 'observed',
    sources: [API_REF_UPDATE, ...UPDATE_WIPES, TERRAFORM_RMW],
    expect: { outcome: 'any' },
    breakable: false,
    note:
      'TokenValidityUnits after an update that leaves them out is not judged (absent, {} or any units conform): Terraform sends explicit default units to clear them, and hashicorp/terraform-provider-aws#34285 shows minutes/minutes/days on a client that never set units. ClientName, ClientSecret and the dates have rules of their own.',
  },
  {
    id: 'lifecycle.update-keeps-name',
    kind: 'lifecycle',
    members: ['ClientName'],
    statement: 'An UpdateUserPoolClient without ClientName keeps the client\'s name (the one exception to "omitted means default")',
    evidence: 'observed',
    sources: ['service model: ClientName is optional in UpdateUserPoolClientRequest', UPDATE_WIPES[0]!],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'lifecycle.update-answer-is-describe',
    kind: 'lifecycle',
    members: [],
    statement: 'The UserPoolClient an UpdateUserPoolClient answers is the whole client, equal to what the DescribeUserPoolClient that follows answers',
    evidence: 'observed',
    sources: ['service model: UpdateUserPoolClientResponse.UserPoolClient is a UserPoolClientType, as DescribeUserPoolClient\'s', UPDATE_WIPES[0]!, 'aws/aws-cli UpdateUserPoolClient example output (the whole client)'],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'lifecycle.dates',
    kind: 'lifecycle',
    members: ['CreationDate', 'LastModifiedDate'],
    statement:
      'CreationDate never changes after Create; LastModifiedDate never goes back, and is later after an UpdateUserPoolClient made at least two seconds after the previous write (a target whose clock counts whole seconds may show the same second sooner), or 20 ms after it on a target whose dates carry milliseconds, as AWS\'s do',
    evidence: 'observed',
    sources: [
      'aws/aws-cli UpdateUserPoolClient example (2019): LastModifiedDate 1548802761.334 after CreationDate 1548178931.258',
      `${UPDATE_WIPES[0]!}: three successive updates show three later LastModifiedDates and one CreationDate`,
    ],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'lifecycle.update-validated',
    kind: 'lifecycle',
    members: [],
    statement:
      'UpdateUserPoolClient is validated as CreateUserPoolClient is (a request Create refuses is refused with the same error type and leaves the client as it was); the client_credentials flow is judged against the secret the client already has',
    evidence: 'observed',
    sources: [
      API_REF_UPDATE,
      'aws-cloudformation/cloudformation-coverage-roadmap and AWS re:Post reports quoting UpdateUserPoolClient refusals: an invalid enum value, a token validity out of range, an empty CallbackURLs with the code flow, an unknown identity provider, "client_credentials flow can not be selected if client does not have a client secret."',
    ],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'lifecycle.deleted-gone',
    kind: 'lifecycle',
    members: ['ClientId'],
    statement:
      'A deleted client is gone: DescribeUserPoolClient, UpdateUserPoolClient and a second DeleteUserPoolClient of it are refused with ResourceNotFoundException (HTTP 400), and no listing shows it',
    evidence: 'documented',
    sources: [API_REF_DELETE, 'hashicorp/terraform-provider-aws internal/service/cognitoidp/user_pool_client.go (delete swallows exactly ResourceNotFoundException; read treats it as gone)'],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'lifecycle.list-complete',
    kind: 'lifecycle',
    members: [],
    statement:
      'Paging ListUserPoolClients with NextToken until it is absent ends, and lists every client of the pool that exists exactly once: none missing, none repeated across pages, none deleted',
    evidence: 'invariant',
    sources: [API_REF_LIST, 'service model: ListUserPoolClients is paginated (input token NextToken, output token NextToken, items UserPoolClients)'],
    expect: { outcome: 'any' },
    breakable: false,
    note: 'A listing that has not ended after more pages than the pool\'s clients could fill fails the rule (with the page count): a looping NextToken never hangs a run.',
  },
  {
    id: 'lifecycle.list-max-results',
    kind: 'lifecycle',
    members: [],
    statement: 'A ListUserPoolClients page holds at most MaxResults clients',
    evidence: 'documented',
    sources: [API_REF_LIST],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'lifecycle.list-max-results-range',
    kind: 'lifecycle',
    members: [],
    statement: 'ListUserPoolClients with MaxResults outside 1–60 (0 or 61) is refused: InvalidParameterException, HTTP 400',
    evidence: 'model',
    sources: ['service model: ListUserPoolClientsRequest.MaxResults has range 1–60', API_REF_LIST, ...LIST_VALIDATION_FORM],
    expect: { outcome: 'any' },
    breakable: false,
  },
  {
    id: 'lifecycle.secret-stable',
    kind: 'lifecycle',
    members: ['ClientSecret'],
    statement:
      'A client\'s ClientSecret is the one Create answered, in every DescribeUserPoolClient and UpdateUserPoolClient answer; an update never gives a secret to a client created without one',
    evidence: 'observed',
    sources: [
      'service model: UpdateUserPoolClientRequest has neither GenerateSecret nor ClientSecret',
      `${UPDATE_WIPES[0]!}: the update answer carries the secret the client was created with`,
      'aws/aws-cli DescribeUserPoolClient example output (2021) with the client\'s secret',
    ],
    expect: { outcome: 'any' },
    breakable: false,
  },
];
