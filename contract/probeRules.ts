import type { Evidence, Rule } from './rule.js';
import { src } from './sources.js';

/**
 * Probes: a small fixed set of requests real AWS refuses whatever an emulator validates, sent on
 * every run (issue 14). They exist so that the error path — status, body, headers, message — is
 * judged on every target, a lax one included: an emulator that validates nothing is never sent
 * a generated request it must refuse, but it still has to answer a lookup of a client that does
 * not exist, a body that is not JSON, an operation that does not exist.
 *
 * A probe is a rule of its own (kind `probe`, id `probe.<name>`): it judges the error type and the
 * status only. Whether the same answer has a well-formed body, Content-Type, request id, error-type
 * header and message is judged by the protocol and message rules, which send the probes whose
 * answer is a Cognito service error as fixed cases of their own (generators/fixedCases.ts).
 *
 * Which probes, and how sure we are of AWS's answer:
 * - a well-formed ClientId that is not in the pool, for Describe, Update and Delete: ResourceNotFoundException,
 *   400, "User pool client <id> does not exist." — seen on the wire (aws/aws-sdk-php#2183) and quoted
 *   from many operations that take a ClientId (aws-amplify/amplify-flutter#740, anomalyco/guide#82);
 *   the API reference lists ResourceNotFoundException (400) for all three operations;
 * - a well-formed pool id that does not exist: ResourceNotFoundException, 400, "User pool <id> does not
 *   exist." (getmoto/moto#4434 quoting boto3 against AWS; aws/aws-aspnet-cognito-identity-provider#135);
 *   for CreateUserPoolClient, and for ListUserPoolClients, whose API reference lists the same error
 *   (documented only: an emulator answered an empty list there, floci-io/floci#2952);
 * - a body that is not JSON: SerializationException, 400 — Cognito answers SerializationException to
 *   bodies it cannot read as the model's types (aws-amplify/amplify-js#4738, amplify-js#13265,
 *   amazon-archives/amazon-cognito-identity-js#485), but no capture of a body that is not JSON at all
 *   was found: inferred. Its body is not judged by protocol.error-body: a real one was seen with
 *   `Message` instead of `message` (amplify-js#4738), which a lax reading of that rule would fail;
 * - an unknown X-Amz-Target operation: UnknownOperationException — never seen from Cognito; other awsJson
 *   services answer it with 400 (aws/aws-sdk-net#1536, body `{"__type":"UnknownOperationException"}`, no
 *   message) or with the Coral namespace (`com.amazon.coral.service#UnknownOperationException`,
 *   aws/aws-sdk-go#3689), and AWS's common-errors pages give it 404. So the type is compared after the
 *   protocol's stripping of `ns#` and `:uri`, 400 and 404 both conform, and no message is required:
 *   inferred, and its body is not judged either.
 *
 * The raw-body and unknown-operation probes cannot be sent through the AWS SDK transport (the SDK
 * serializes every body and only knows modeled operations): they are skipped there, with that reason.
 */
export interface Probe {
  /** The rule id: `probe.<name>`. */
  id: string;
  /** The operation named in X-Amz-Target. */
  operation: string;
  /** The JSON input, built against the run's pool; `{POOL}` stands for its id. */
  input: Readonly<Record<string, unknown>>;
  /** Sent as the body instead of the JSON input (only the raw HTTP transport can). */
  rawBody?: string;
  /** Any of these error types conforms, compared after stripping `ns#` and `:uri`. */
  errorTypes: readonly string[];
  /** Any of these statuses conforms. */
  statuses: readonly number[];
  /** What the answer's message says is missing: the message rules judge it (message.*-not-found). */
  missing?: 'pool' | 'client';
  /** The answer is a Cognito service error (not a Coral framework error): protocol rules judge it too. */
  serviceError: boolean;
  /** Why the SDK transport cannot send it, when it cannot. */
  needsRawHttp?: string;
  statement: string;
  evidence: Evidence;
  sources: readonly string[];
  note?: string;
}

/** A ClientId of the real form (26 characters of [0-9a-v], output.client-id.format) that no pool holds. */
export const PROBE_CLIENT_ID = '1abcdefghijklmnopqrstuv000';
/** A pool id of the model's form (`[\w-]+_[0-9a-zA-Z]+`, at most 55 characters) that no account holds. */
export const PROBE_POOL_SUFFIX = 'NoSuchPool0probe';
/** Stands for the run's pool id in probe inputs. */
export const POOL_PLACEHOLDER = '{POOL}';

const CLIENT_MISSING = [
  'aws/aws-sdk-php#2183 (wire body {"__type":"ResourceNotFoundException","message":"User pool client … does not exist."}, 400)',
  'aws-amplify/amplify-flutter#740 (400 ResourceNotFoundException "User pool client … does not exist.")',
  'anomalyco/guide#82 (CLI: ResourceNotFoundException "User pool client … does not exist.")',
];
const apiRefErrorsOf = (operation: string) =>
  `AWS API Reference, ${operation} "Errors": ResourceNotFoundException, HTTP 400 (docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_${operation}.html)`;

const unknownClient = (operation: string, evidence: Evidence, extra: readonly string[]): Probe => ({
  id: `probe.unknown-client.${operation.replace(/UserPoolClient$/, '').toLowerCase()}`,
  operation,
  input: { UserPoolId: POOL_PLACEHOLDER, ClientId: PROBE_CLIENT_ID },
  errorTypes: ['ResourceNotFoundException'],
  statuses: [400],
  missing: 'client',
  serviceError: true,
  statement: `${operation} of a well-formed ClientId that is not in the pool is refused: ResourceNotFoundException, HTTP 400`,
  evidence,
  sources: [apiRefErrorsOf(operation), ...extra],
});

export const PROBES: readonly Probe[] = [
  {
    id: 'probe.unknown-pool',
    operation: 'CreateUserPoolClient',
    input: { UserPoolId: `{REGION}_${PROBE_POOL_SUFFIX}`, ClientName: 'probe' },
    errorTypes: ['ResourceNotFoundException'],
    statuses: [400],
    missing: 'pool',
    serviceError: true,
    statement: 'CreateUserPoolClient in a well-formed user pool id that does not exist is refused: ResourceNotFoundException, HTTP 400',
    evidence: 'observed',
    sources: [src.poolMissing, 'aws/aws-aspnet-cognito-identity-provider#135 ("User pool us-east-2_… does not exist.")', src.status400],
  },
  {
    // The pool lookup of a listing: an emulator that filters its clients by pool id without
    // resolving the pool answers an empty list, as floci did (floci-io/floci#2952, fixed by #2962).
    id: 'probe.unknown-pool.list',
    operation: 'ListUserPoolClients',
    input: { UserPoolId: `{REGION}_${PROBE_POOL_SUFFIX}`, MaxResults: 60 },
    errorTypes: ['ResourceNotFoundException'],
    statuses: [400],
    missing: 'pool',
    serviceError: true,
    statement: 'ListUserPoolClients of a well-formed user pool id that does not exist is refused: ResourceNotFoundException, HTTP 400 (not an empty list)',
    evidence: 'documented',
    sources: [
      apiRefErrorsOf('ListUserPoolClients'),
      'boto3 reference, CognitoIdentityProvider.Client.list_user_pool_clients: its exceptions include ResourceNotFoundException',
      'floci-io/floci#2952 and floci-io/floci#2962 (an emulator that answered an absent pool with an empty list; fixed to ResourceNotFoundException as the API reference lists)',
      src.status400,
    ],
    note: 'No capture of real AWS answering ListUserPoolClients of an absent pool was found: documented. The status and "User pool <id> does not exist." are the service\'s pool lookup, observed for other operations (probe.unknown-pool).',
  },
  unknownClient('DescribeUserPoolClient', 'observed', CLIENT_MISSING),
  // Update and Delete: documented; the lookup and its message are the same service's (observed for Describe and sign-in operations).
  unknownClient('UpdateUserPoolClient', 'documented', []),
  unknownClient('DeleteUserPoolClient', 'documented', ['AWS API Reference, DeleteUserPoolClient; Terraform\'s delete treats exactly this error as "already gone" (hashicorp/terraform-provider-aws internal/service/cognitoidp/user_pool_client.go)']),
  {
    id: 'probe.body-not-json',
    operation: 'CreateUserPoolClient',
    input: {},
    rawBody: '{"UserPoolId": "{POOL}", "ClientName": ',
    errorTypes: ['SerializationException'],
    statuses: [400],
    serviceError: false,
    needsRawHttp: 'the SDK transport serializes every request body itself and cannot send one that is not JSON',
    statement: 'A CreateUserPoolClient body that is not JSON (cut off mid-object) is refused: SerializationException, HTTP 400',
    evidence: 'inferred',
    sources: [
      'aws-amplify/amplify-js#4738 (Cognito: 400 {"__type":"SerializationException","Message":"Expected map or null"})',
      'aws-amplify/amplify-js#13265 and amazon-archives/amazon-cognito-identity-js#485 (Cognito SerializationException for a body of the wrong JSON types)',
      src.awsJsonSpec,
    ],
    note: 'No capture of a body that is not JSON at all: inferred from Cognito\'s answers to bodies of the wrong types. The body is not judged (a real SerializationException was seen with "Message").',
  },
  {
    id: 'probe.unknown-operation',
    operation: 'NoSuchOperationProbe',
    input: {},
    errorTypes: ['UnknownOperationException'],
    statuses: [400, 404],
    serviceError: false,
    needsRawHttp: 'the SDK transport only sends operations its model has',
    statement: 'An X-Amz-Target naming an operation the service lacks is refused: UnknownOperationException (any namespace), HTTP 400 or 404',
    evidence: 'inferred',
    sources: [
      'aws/aws-sdk-net#1536 (an awsJson1_1 service: 400 {"__type":"UnknownOperationException"})',
      'aws/aws-sdk-go#3689 ({"__type":"com.amazon.coral.service#UnknownOperationException"})',
      'AWS common errors (UnknownOperationException, 404), as cited in floci-io/floci#3925',
      src.awsJsonSpec,
    ],
    note: 'Never seen from Cognito itself; both statuses seen elsewhere conform, and no message is required (other services send none).',
  },
];

export const probeRules: readonly Rule[] = PROBES.map((p) => ({
  id: p.id,
  kind: 'probe',
  members: [],
  statement: p.statement,
  evidence: p.evidence,
  sources: p.sources,
  expect: { outcome: 'any' },
  breakable: false,
  ...(p.note === undefined ? {} : { note: p.note }),
}));

const byId = new Map(PROBES.map((p) => [p.id, p]));

export function probeById(id: string): Probe | undefined {
  return byId.get(id);
}
