import type { FaultName } from './fakeFaults.js';

/**
 * The project's own regression corpus (issue 14, part 6): real bugs that users of open-source
 * Cognito emulators reported and the maintainers fixed, each with the rules of the contract that
 * must flag it. "Would the suite have caught the bugs we actually had?" is answered by
 * testing/emulatorBugs.test.ts, which runs those rules against the buggy version and asserts they
 * fail. docs/emulator-bugs.md is the same corpus as a table, with what the suite catches today.
 *
 * Versions: cognito-local's are npm releases; the registry this project installs from holds
 * 2.1.0, 3.21.1, 3.23.2, 3.23.3, 5.1.0 and 5.3.0 only, so "buggy" is the installable release that
 * has the bug and "fixed" the first installable one without it (upstream release numbers may lie
 * between). moto, LocalStack and floci cannot run here (no PyPI, no Docker): their bugs are
 * reproduced by a planted fault of the fake (testing/fakeFaults.ts) that imitates the reported
 * behaviour, and their versions are what the public thread says.
 */
export type Emulator = 'cognito-local' | 'moto' | 'localstack' | 'floci';

/** The old cognito-local releases installed as npm aliases (package.json devDependencies). */
export const CORPUS_RELEASES = ['2.1.0', '3.21.1', '3.23.3'] as const;
export type CorpusRelease = (typeof CORPUS_RELEASES)[number];

/** The npm alias under which an old release is installed. */
export function corpusPackage(release: CorpusRelease): string {
  return `cognito-local-${release}`;
}

export type Reproduction =
  | {
      kind: 'cognito-local';
      /** The installed release that has the bug. */
      buggy: CorpusRelease;
      /**
       * An installed release that has it fixed: `current` is the `cognito-local` dependency.
       * Absent when no installable release has it wholly fixed.
       */
      fixed?: CorpusRelease | 'current';
    }
  | {
      kind: 'fake';
      /** The planted fault that imitates the bug; the clean fake is the fixed behaviour. */
      fault: FaultName;
    };

export interface EmulatorBug {
  /** `<emulator>-<short>`, stable. */
  id: string;
  emulator: Emulator;
  summary: string;
  /** Public issue, pull request or release note. */
  sources: readonly string[];
  buggyVersion: string;
  fixedVersion: string;
  /** Rule ids that must be failed on the buggy version. */
  rules: readonly string[];
  reproduce: Reproduction;
  /**
   * The bug's own failure reason. A fixed version may still fail the same rule for another gap
   * (cognito-local 5.3.0 still sends `; charset=utf-8`); with this set, the fixed version passes
   * the rule or fails it for a reason that does not match.
   */
  bugReason?: RegExp;
  /**
   * Run settings beyond the rules, as `readRunSettings` reads them (e.g. the planned
   * `userPoolId` of `--user-pool-id` for a release without CreateUserPool).
   */
  runWith?: Readonly<Record<string, string>>;
  /**
   * One raw request that shows the bug (what a curl shows): its answer, status line and body,
   * matches `shows` on the buggy release and does not on the fixed one.
   */
  demonstration?: { operation: string; request: Readonly<Record<string, unknown>>; shows: RegExp };
}

/**
 * A bug the suite cannot flag on this branch yet: what it waits for is a rule id (or id pattern)
 * planned by another part of issue 14, or a run flag. emulatorBugs.test.ts trips as soon as every
 * awaited rule and flag exists, so the entry is moved into EMULATOR_BUGS (and run) after a merge,
 * instead of staying here unnoticed.
 */
export interface PendingEmulatorBug extends EmulatorBug {
  waitsFor: readonly string[];
  /** Why the current suite misses it, and what would catch it. */
  missedBecause: string;
}

export const EMULATOR_BUGS: readonly EmulatorBug[] = [
  {
    id: 'cognito-local-implicit-pool',
    emulator: 'cognito-local',
    summary: 'A user pool was created on demand by the first request naming it, so CreateUserPoolClient on a pool that does not exist succeeded',
    sources: ['https://github.com/jagregory/cognito-local/pull/399'],
    buggyVersion: '3.23.3',
    fixedVersion: '5.1.0',
    rules: ['user-pool.exists'],
    reproduce: { kind: 'cognito-local', buggy: '3.23.3', fixed: 'current' },
    bugReason: /invalid request accepted/,
  },
  {
    id: 'cognito-local-content-type-json',
    emulator: 'cognito-local',
    summary: 'Responses carried Content-Type application/json instead of application/x-amz-json-1.1',
    sources: ['https://github.com/jagregory/cognito-local/issues/404'],
    buggyVersion: '3.23.3',
    // Partly fixed: 5.1.0 sends application/x-amz-json-1.1 (with "; charset=utf-8") on success,
    // but error answers are still application/json in 5.3.0, so the rule rightly keeps failing
    // there once error answers are judged (probes): no installed release is the fixed one.
    fixedVersion: '5.1.0 for success answers; error answers still application/json in 5.3.0',
    rules: ['protocol.content-type'],
    reproduce: { kind: 'cognito-local', buggy: '3.23.3' },
  },
  {
    id: 'moto-generate-secret-ignored',
    emulator: 'moto',
    summary: 'CreateUserPoolClient with GenerateSecret true returned no ClientSecret',
    sources: ['https://github.com/getmoto/moto/issues/3133', 'https://github.com/getmoto/moto/pull/3135'],
    buggyVersion: 'before the fix of 2020-07-15',
    fixedVersion: 'PR #3135 (merged 2020-07)',
    rules: ['output.client-secret.when-generated'],
    reproduce: { kind: 'fake', fault: 'secret-missing-when-generated' },
  },
  {
    id: 'localstack-generate-secret-ignored',
    emulator: 'localstack',
    summary: 'CreateUserPoolClient with GenerateSecret true returned no ClientSecret (LocalStack Pro)',
    sources: ['https://github.com/localstack/localstack/issues/1938'],
    buggyVersion: 'Pro image of 2020-01',
    fixedVersion: 'closed as fixed in a later Pro image',
    rules: ['output.client-secret.when-generated'],
    reproduce: { kind: 'fake', fault: 'secret-missing-when-generated' },
  },
  {
    id: 'localstack-error-body-type-field',
    emulator: 'localstack',
    summary: 'Error bodies were {"Type": "User", "message": …} with no __type, so SDKs (Amplify) could not tell the error apart',
    sources: ['https://github.com/localstack/localstack/issues/3201'],
    buggyVersion: '0.12 (2020-10)',
    fixedVersion: 'closed as fixed (2020-11)',
    rules: ['protocol.error-body'],
    reproduce: { kind: 'fake', fault: 'bug-localstack-error-body' },
  },
  {
    id: 'moto-client-id-uuid',
    emulator: 'moto',
    summary: 'ClientId was a UUID (36 characters with dashes) where AWS makes 26 characters',
    sources: ['https://github.com/getmoto/moto/pull/3165'],
    buggyVersion: 'before the fix of 2020-07-22',
    fixedVersion: 'PR #3165 (merged 2020-07)',
    rules: ['output.client-id.format'],
    reproduce: { kind: 'fake', fault: 'bug-moto-client-id-uuid' },
  },
  {
    id: 'moto-pool-id-without-region',
    emulator: 'moto',
    summary: 'CreateUserPool made pool ids without the "<region>_" prefix, so every client came back with a UserPoolId outside the model\'s pattern',
    sources: ['https://github.com/getmoto/moto/pull/1859'],
    buggyVersion: 'before the fix of 2018-10-15',
    fixedVersion: 'PR #1859 (merged 2018-10)',
    rules: ['output.shape'],
    reproduce: { kind: 'fake', fault: 'bug-moto-pool-id-no-region' },
  },
  {
    id: 'floci-create-drops-members',
    emulator: 'floci',
    summary: 'CreateUserPoolClient silently dropped ExplicitAuthFlows, the token validities and units, RefreshTokenRotation, EnableTokenRevocation, PreventUserExistenceErrors and SupportedIdentityProviders; Terraform then failed with "inconsistent result after apply"',
    sources: ['https://github.com/floci-io/floci/issues/1306', 'https://github.com/floci-io/floci/pull/1360'],
    buggyVersion: '1.5.x before 2026-06-15',
    fixedVersion: 'PR #1360 (merged 2026-06)',
    rules: ['output.echo', 'default.enable-token-revocation', 'default.refresh-token-validity'],
    reproduce: { kind: 'fake', fault: 'bug-floci-drops-members' },
  },
  {
    id: 'floci-redirect-uri-not-validated',
    emulator: 'floci',
    summary: 'CreateUserPoolClient accepted a DefaultRedirectURI that is not one of the CallbackURLs (with other client settings AWS refuses)',
    sources: ['https://github.com/floci-io/floci/pull/1394'],
    buggyVersion: '1.5.x before 2026-06-16',
    fixedVersion: 'PR #1394 (merged 2026-06)',
    rules: ['default-redirect-uri.in-callback-urls'],
    reproduce: { kind: 'fake', fault: 'accept-invalid' },
  },
  {
    id: 'floci-list-absent-pool',
    emulator: 'floci',
    summary: 'ListUserPoolClients of a pool that does not exist answered 200 with an empty list instead of ResourceNotFoundException',
    sources: ['https://github.com/floci-io/floci/issues/2952', 'https://github.com/floci-io/floci/pull/2962'],
    buggyVersion: 'main at 54654760 (2026-09)',
    fixedVersion: 'PR #2962 (merged 2026-09)',
    rules: ['probe.unknown-pool.list'],
    reproduce: { kind: 'fake', fault: 'bug-floci-list-absent-pool' },
  },
  {
    id: 'floci-list-full-clients',
    emulator: 'floci',
    summary: 'ListUserPoolClients listed every client in full (ClientSecret and settings included) instead of ClientId, ClientName and UserPoolId',
    sources: ['https://github.com/floci-io/floci/issues/416'],
    buggyVersion: '2026-04 (latest image)',
    fixedVersion: 'closed as fixed (2026-04)',
    rules: ['consistency.list-shape'],
    reproduce: { kind: 'fake', fault: 'bug-floci-list-full-clients' },
  },
  {
    id: 'cognito-local-error-code-field',
    emulator: 'cognito-local',
    summary: 'Error bodies were {"code": "CognitoLocal#ResourceNotFoundException", …}: no __type, and the type prefixed, so the Java, PHP and Go SDKs saw a generic error',
    sources: ['https://github.com/jagregory/cognito-local/issues/315', 'https://github.com/jagregory/cognito-local/pull/338'],
    buggyVersion: '3.21.1',
    fixedVersion: '3.23.2',
    rules: ['protocol.error-body'],
    reproduce: { kind: 'cognito-local', buggy: '3.21.1', fixed: '3.23.3' },
    bugReason: /__type|code/,
    demonstration: {
      operation: 'DescribeUserPoolClient',
      request: { UserPoolId: 'us-east-1_corpus', ClientId: '1example23456789abcdefghi' },
      shows: /"code":"CognitoLocal#ResourceNotFoundException"/,
    },
  },
  {
    id: 'cognito-local-timestamps-ms',
    emulator: 'cognito-local',
    summary: 'CreationDate and LastModifiedDate in epoch milliseconds; boto3 failed with "year 53606 is out of range"',
    sources: ['https://github.com/jagregory/cognito-local/issues/40'],
    buggyVersion: '2.1.0',
    fixedVersion: '3.21.1',
    rules: ['output.timestamps.epoch-seconds'],
    reproduce: { kind: 'cognito-local', buggy: '2.1.0', fixed: '3.21.1' },
    runWith: { userPoolId: 'us-east-1_corpus' },
    demonstration: {
      operation: 'CreateUserPoolClient',
      request: { UserPoolId: 'us-east-1_corpus', ClientName: 'corpus' },
      shows: /"CreationDate":\d{13}\b/,
    },
  },
  // Both threads quote the 2.x CreateUserPoolClient answer (ClientId, ClientName, UserPoolId,
  // millisecond dates, RefreshTokenValidity 30 and nothing else); 3.x rewrote the target to keep
  // every member sent (compare lib/targets/createUserPoolClient.js of 2.1.0 and 3.21.1).
  {
    id: 'cognito-local-create-drops-members',
    emulator: 'cognito-local',
    summary: 'CreateUserPoolClient kept only ClientName: GenerateSecret, flows, URLs and validities were dropped, and no ClientSecret was made',
    sources: ['https://github.com/jagregory/cognito-local/issues/10', 'https://github.com/jagregory/cognito-local/issues/19'],
    buggyVersion: '2.1.0',
    fixedVersion: '3.21.1',
    rules: ['output.client-secret.when-generated', 'output.echo'],
    reproduce: { kind: 'cognito-local', buggy: '2.1.0', fixed: '3.21.1' },
    bugReason: /ClientSecret/,
    runWith: { userPoolId: 'us-east-1_corpus' },
    demonstration: {
      operation: 'CreateUserPoolClient',
      request: { UserPoolId: 'us-east-1_corpus', ClientName: 'corpus', GenerateSecret: true },
      shows: /^HTTP 200 (?![\s\S]*"ClientSecret")/,
    },
  },
  {
    id: 'moto-pool-not-found-message',
    emulator: 'moto',
    summary: 'ResourceNotFoundException for an unknown pool said only the pool id ("us-east-1_FooBar123") where AWS says "User pool us-east-1_FooBar123 does not exist."',
    sources: ['https://github.com/getmoto/moto/issues/4434', 'https://github.com/getmoto/moto/pull/4436', 'https://github.com/getmoto/moto/pull/4480'],
    buggyVersion: '2.2.9 (2021-10)',
    fixedVersion: 'PRs #4436 and #4480 (merged 2021-10)',
    rules: ['message.pool-not-found'],
    reproduce: { kind: 'fake', fault: 'bug-moto-pool-message' },
  },
  {
    id: 'floci-pool-not-found-message',
    emulator: 'floci',
    summary: 'ResourceNotFoundException for an unknown pool said "User pool not found" where AWS says "User pool <id> does not exist."',
    sources: ['https://github.com/floci-io/floci/issues/2853', 'https://github.com/floci-io/floci/pull/2936'],
    buggyVersion: 'latest image of 2026-09-01',
    fixedVersion: 'PR #2936 (merged 2026-09)',
    rules: ['message.pool-not-found'],
    reproduce: { kind: 'fake', fault: 'bug-floci-pool-message' },
  },
];

export const PENDING_EMULATOR_BUGS: readonly PendingEmulatorBug[] = [
];
