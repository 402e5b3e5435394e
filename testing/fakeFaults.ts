import type { LifecycleFaultName } from './lifecycleFaults.js';

/**
 * The planted faults of the fake Cognito (fakeCognito.ts): named toggles, each a way a real
 * emulator or service could depart from the contract. `flags` is the exact set of rule ids the
 * oracles fail when the fake runs with that fault alone and the planted-fault battery
 * (fakeBattery.ts) is sent to it — the proof that each oracle catches its fault and that
 * no other oracle raises a false alarm. A control fault (`oracle: null`, no flags) is behaviour
 * that looks odd but conforms; it must not be flagged.
 */
export interface FaultInfo {
  description: string;
  /** The oracle the fault is planted for; null for a control. */
  oracle: string | null;
  flags: readonly string[];
}

export const FAKE_FAULTS = {
  // response-shape
  'unknown-member': {
    description: 'UserPoolClient carries ClientType "REGULAR", a member the 2026-04-21 model lacks (npm SDK 3.1169.0 knows it)',
    oracle: 'response-shape',
    flags: ['output.shape'],
  },
  'wrong-member-type': {
    description: 'EnableTokenRevocation is sent as a string ("true") instead of a JSON boolean',
    oracle: 'response-shape',
    flags: ['output.shape', 'default.enable-token-revocation', 'output.echo'],
  },
  'create-body-empty': {
    description: 'an accepted create answers 200 with an empty body',
    oracle: 'response-shape',
    flags: ['output.shape'],
  },
  // defaults
  'default-refresh-30-missing': {
    description: 'an omitted RefreshTokenValidity is left out of the response instead of 30',
    oracle: 'defaults',
    flags: ['default.refresh-token-validity'],
  },
  'fills-token-units': {
    description: 'TokenValidityUnits comes back with every unit filled in (hours, hours, days) instead of as sent or {}',
    oracle: 'defaults',
    flags: ['default.token-validity-units', 'token-validity.default-units', 'output.echo'],
  },
  'prevent-user-existence-enabled-default': {
    description: 'an omitted PreventUserExistenceErrors comes back ENABLED (the obsolete 2020 documentation) instead of absent',
    oracle: 'defaults',
    flags: ['default.prevent-user-existence-errors.absent'],
  },
  'explicit-flows-filled': {
    description: 'an omitted ExplicitAuthFlows comes back as the three documented default flows instead of absent',
    oracle: 'defaults',
    flags: ['default.explicit-auth-flows.absent'],
  },
  'token-revocation-default-false': {
    description: 'an omitted EnableTokenRevocation comes back false instead of true',
    oracle: 'defaults',
    flags: ['default.enable-token-revocation'],
  },
  'access-id-validity-filled': {
    description: 'omitted AccessTokenValidity and IdTokenValidity come back as 60 instead of absent',
    oracle: 'defaults',
    flags: ['default.access-id-token-validity.absent'],
  },
  'rotation-default-enabled': {
    description: 'an omitted RefreshTokenRotation comes back {"Feature":"ENABLED","RetryGracePeriodSeconds":0}',
    oracle: 'defaults',
    flags: ['default.refresh-token-rotation'],
  },
  'rotation-default-disabled': {
    description: 'control: an omitted RefreshTokenRotation comes back {"Feature":"DISABLED","RetryGracePeriodSeconds":0}, one of the two open readings',
    oracle: null,
    flags: [],
  },
  'refresh-zero-kept': {
    description: 'RefreshTokenValidity 0 comes back 0 instead of the default 30',
    oracle: 'defaults',
    flags: ['refresh-token-validity.zero-means-default', 'output.echo'],
  },
  'refresh-flow-added': {
    description: 'ALLOW_REFRESH_TOKEN_AUTH is added to an ALLOW_* list that lacks it (the 2020 rule, which AWS no longer applies, enforced by filling the flow in)',
    oracle: 'defaults',
    flags: ['explicit-auth-flows.refresh-token-auth-optional', 'output.lists-as-sets'],
  },
  'secret-without-generate': {
    description: 'a ClientSecret is generated although neither GenerateSecret nor ClientSecret was sent',
    oracle: 'defaults',
    flags: ['default.client-secret.absent'],
  },
  // echo
  'echo-drops-list-item': {
    description: 'every list sent comes back without its last item',
    oracle: 'echo',
    flags: ['output.lists-as-sets', 'explicit-auth-flows.refresh-token-auth-optional'],
  },
  'echo-changes-scalar': {
    description: 'ClientName comes back with a "-" appended',
    oracle: 'echo',
    flags: ['output.echo'],
  },
  'lists-reordered': {
    description: 'control: Describe returns every list in another order than Create did (Create already reorders the request)',
    oracle: null,
    flags: [],
  },
  // rejection
  'accept-invalid': {
    description: 'a DefaultRedirectURI that is not among the CallbackURLs is accepted',
    oracle: 'rejection',
    flags: ['default-redirect-uri.in-callback-urls'],
  },
  'wrong-error-type': {
    description: 'InvalidOAuthFlowException is answered as InvalidParameterException',
    oracle: 'rejection',
    flags: ['oauth.client-credentials.needs-secret'],
  },
  'empty-error-message': {
    description: 'every error carries an empty message',
    oracle: 'rejection',
    flags: [
      'client-name.max-length', 'user-pool.exists', 'oauth.client-credentials.needs-secret', 'oauth.scopes.exist',
      'oauth.flag-needs-flows-and-scopes', 'default-redirect-uri.in-callback-urls', 'token-validity.access.range', 'write-attributes.exist-and-writable',
      'client-secret.not-with-generate-secret', 'protocol.error-body', 'region.pool-scoped',
      'message.pool-not-found', 'message.client-not-found', 'message.validation-form', 'message.known-text',
    ],
  },
  'status-404-for-not-found': {
    description: 'ResourceNotFoundException comes with HTTP 404, as the model\'s httpError trait says, not 400 as real AWS sends',
    oracle: 'protocol',
    flags: [
      'protocol.client-error-status', 'user-pool.exists', 'region.pool-scoped',
      'probe.unknown-pool', 'probe.unknown-pool.list', 'probe.unknown-client.describe', 'probe.unknown-client.update', 'probe.unknown-client.delete',
    ],
  },
  // no-side-effect
  'side-effect-on-reject': {
    description: 'a create rejected for a cross-field or existence rule still stores the client',
    oracle: 'no-side-effect',
    flags: ['side-effect.none-on-rejection'],
  },
  // consistency
  'describe-differs': {
    description: 'DescribeUserPoolClient returns EnableTokenRevocation negated',
    oracle: 'consistency',
    flags: ['consistency.describe-matches-create'],
  },
  'describe-secret-differs': {
    description: 'DescribeUserPoolClient returns another ClientSecret than Create did',
    oracle: 'consistency',
    flags: ['consistency.describe-matches-create'],
  },
  'list-missing-client': {
    description: 'ListUserPoolClients leaves out the most recently created client',
    oracle: 'consistency',
    flags: ['consistency.list-matches-create'],
  },
  'list-wrong-name': {
    description: 'ListUserPoolClients shows every ClientName in upper case',
    oracle: 'consistency',
    flags: ['consistency.list-matches-create'],
  },
  // list-shape
  'list-shows-secret': {
    description: 'ListUserPoolClients shows each client\'s ClientSecret beside its ClientId, ClientName and UserPoolId',
    oracle: 'list-shape',
    flags: ['consistency.list-shape'],
  },
  // identity
  'client-id-uppercase': {
    description: 'ClientId in upper case',
    oracle: 'identity',
    flags: ['output.client-id.format'],
  },
  'client-id-w-z': {
    description: 'ClientId of 26 characters of [0-9a-z], w–z included (as moto and LocalStack make them)',
    oracle: 'identity',
    flags: ['output.client-id.format'],
  },
  'client-id-25-chars': {
    description: 'control: ClientId of 25 characters of [0-9a-v], as real AWS sometimes returns',
    oracle: null,
    flags: [],
  },
  'duplicate-client-id': {
    description: 'every create after the first returns the ClientId of the previous one',
    oracle: 'identity',
    flags: ['output.client-id.unique'],
  },
  'secret-short': {
    description: 'a generated ClientSecret of 40 characters (within the model\'s 24–64, not the real 51–52)',
    oracle: 'identity',
    flags: ['output.client-secret.format'],
  },
  'secret-missing-when-generated': {
    description: 'GenerateSecret true but no ClientSecret in the response',
    oracle: 'identity',
    flags: ['output.client-secret.when-generated'],
  },
  'timestamps-ms': {
    description: 'CreationDate and LastModifiedDate in epoch milliseconds',
    oracle: 'identity',
    flags: ['output.timestamps.epoch-seconds'],
  },
  'timestamps-iso': {
    description: 'CreationDate and LastModifiedDate as ISO 8601 strings (as the CLI prints them)',
    oracle: 'identity',
    flags: ['output.timestamps.epoch-seconds', 'output.shape'],
  },
  'timestamps-microseconds': {
    description: 'CreationDate and LastModifiedDate with a microsecond fraction (as LocalStack returns them)',
    oracle: 'identity',
    flags: ['output.timestamps.epoch-seconds'],
  },
  'timestamps-stale': {
    description: 'CreationDate and LastModifiedDate one hour in the past',
    oracle: 'identity',
    flags: ['output.timestamps.epoch-seconds'],
  },
  'creation-ne-modified': {
    description: 'LastModifiedDate one millisecond after CreationDate (as LocalStack returns them)',
    oracle: 'identity',
    flags: ['output.timestamps.equal'],
  },
  // protocol
  'wrong-content-type': {
    description: 'Content-Type application/json on every answer',
    oracle: 'protocol',
    flags: ['protocol.content-type'],
  },
  'content-type-charset': {
    description: 'control: Content-Type application/x-amz-json-1.1; charset=utf-8 (a parameter real AWS does not send and no SDK reads: a note on protocol.content-type, not a failure)',
    oracle: null,
    flags: [],
  },
  'no-request-id': {
    description: 'no x-amzn-RequestId header',
    oracle: 'protocol',
    flags: ['protocol.request-id'],
  },
  'error-type-prefixed': {
    description: '__type carries the namespace: com.amazonaws.cognitoidentityprovider#InvalidParameterException',
    oracle: 'protocol',
    flags: ['protocol.error-body'],
  },
  'error-type-suffixed': {
    description: '__type carries a Coral suffix: InvalidParameterException:http://internal.amazon.com/coral/…',
    oracle: 'protocol',
    flags: ['protocol.error-body'],
  },
  'error-message-capitalized': {
    description: 'the error message is sent as "Message" instead of "message"',
    oracle: 'protocol',
    flags: ['protocol.error-body'],
  },
  // region (sent through a second region)
  'region-ignored': {
    description: 'pools are found whatever region a request is signed for, as emulators with one store for every region do',
    oracle: 'rejection',
    flags: ['region.pool-scoped'],
  },
  'error-body-code-member': {
    description: 'errors name their type in "code" instead of "__type": {"code": "ResourceNotFoundException", "message": …}',
    oracle: 'protocol',
    flags: ['protocol.error-body'],
  },
  'no-error-type-header': {
    description: 'errors come without the x-amzn-ErrorType header real Cognito sends',
    oracle: 'protocol',
    flags: ['protocol.error-type-header'],
  },
  // probe
  'unknown-client-200': {
    description: 'Describe, Update and Delete of a ClientId the pool does not hold answer 200 {} instead of ResourceNotFoundException',
    oracle: 'probe',
    flags: ['probe.unknown-client.describe', 'probe.unknown-client.update', 'probe.unknown-client.delete'],
  },
  'list-absent-pool-empty': {
    description: 'ListUserPoolClients of a pool that does not exist answers 200 with an empty list instead of ResourceNotFoundException',
    oracle: 'probe',
    flags: ['probe.unknown-pool.list'],
  },
  'non-json-read-as-empty': {
    description: 'a body that is not JSON is read as {} (and then rejected for its missing members) instead of SerializationException',
    oracle: 'probe',
    flags: ['probe.body-not-json'],
  },
  'unknown-operation-404': {
    description: 'control: an unknown X-Amz-Target operation answered UnknownOperationException with HTTP 404 (the status AWS\'s common-errors pages give)',
    oracle: null,
    flags: [],
  },
  // message
  'message-pool-id-only': {
    description: 'a missing pool\'s ResourceNotFoundException says only the pool id ("us-east-1_abc") instead of "User pool us-east-1_abc does not exist."',
    oracle: 'message',
    flags: ['message.pool-not-found'],
  },
  'message-client-generic': {
    description: 'a missing client\'s ResourceNotFoundException says "Resource not found." instead of "User pool client <id> does not exist."',
    oracle: 'message',
    flags: ['message.client-not-found'],
  },
  'validation-path-pascal': {
    description: 'model-validation messages name the member in PascalCase (at \'ClientName\') instead of lowerCamelCase (at \'clientName\')',
    oracle: 'message',
    flags: ['message.validation-form'],
  },
  'known-text-generic': {
    description: 'cross-field and existence rejections whose AWS text is known say "Invalid request." instead',
    oracle: 'message',
    flags: ['message.known-text'],
  },
} as const satisfies Readonly<Record<string, FaultInfo>>;

/**
 * Faults that imitate one real, since-fixed bug of an emulator that cannot run here (moto,
 * LocalStack and floci need PyPI or Docker). They are not in the planted-fault battery above:
 * their proof is the regression corpus (testing/emulatorBugs.ts and its test), which names the
 * public bug report and the rules that must flag each of them — including bugs no rule of this
 * branch flags yet.
 */
export const EMULATOR_BUG_FAULTS = {
  'bug-moto-pool-message': {
    description: 'ResourceNotFoundException for an unknown pool carries only the pool id as its message (moto before getmoto/moto#4434)',
  },
  'bug-moto-pool-id-no-region': {
    description: 'CreateUserPool makes pool ids of 32 hex digits without the "<region>_" prefix, and the UserPoolId pattern is not enforced (moto before getmoto/moto#1859)',
  },
  'bug-moto-client-id-uuid': {
    description: 'ClientId is a UUID (36 characters with dashes) instead of 26 characters (moto before getmoto/moto#3165)',
  },
  'bug-floci-pool-message': {
    description: 'ResourceNotFoundException for an unknown pool says "User pool not found" without naming it (floci, floci-io/floci#2853)',
  },
  'bug-floci-drops-members': {
    description: 'CreateUserPoolClient drops ExplicitAuthFlows, the validities and their units, RefreshTokenRotation, EnableTokenRevocation, PreventUserExistenceErrors and SupportedIdentityProviders (floci, floci-io/floci#1306)',
  },
  'bug-localstack-error-body': {
    description: 'an error body {"Type":"User","message":…} without __type (LocalStack, localstack/localstack#3201)',
  },
  'bug-floci-list-absent-pool': {
    description: 'ListUserPoolClients of a pool that does not exist answers 200 with an empty list (floci, floci-io/floci#2952)',
  },
  'bug-floci-list-full-clients': {
    description: 'ListUserPoolClients lists every client in full (secret and settings included) instead of ClientId, ClientName and UserPoolId (floci, floci-io/floci#416)',
  },
} as const satisfies Readonly<Record<string, { description: string }>>;

export type EmulatorBugFaultName = keyof typeof EMULATOR_BUG_FAULTS;

export type FaultName = keyof typeof FAKE_FAULTS | EmulatorBugFaultName | LifecycleFaultName;

/** The planted-fault battery's faults (the emulator-bug faults are proven by the corpus instead). */
export const FAULT_NAMES = Object.freeze(Object.keys(FAKE_FAULTS) as (keyof typeof FAKE_FAULTS)[]);
