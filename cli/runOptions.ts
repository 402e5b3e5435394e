import { envName, flagName, readRunSettings, RUN_DEFAULTS, RUN_LIMITS, RUN_SETTING_KEYS, type RawRunSettings, type RunSettings } from '../runner/runSettings.js';
import { AWS_QUOTA_RATES } from '../targets/pacing/quotaLimiter.js';
import { SDK_RANGE } from '../targets/sdk/sdkFloor.js';
import { TRANSPORT_NAMES, TRANSPORTS } from '../targets/transports/transports.js';
import { parseFlags } from './parseFlags.js';
import { UsageError } from './usageError.js';

/** `run`'s flags: the run settings (read by runner/runSettings.ts) and what the CLI does with the results. */
export type RunOptions =
  | { help: true }
  | {
      help: false;
      settings: RunSettings;
      /** `--baseline FILE`; undefined means the shipped one for the embedded default, none otherwise. */
      baseline?: string;
      noBaseline: boolean;
      updateBaseline: boolean;
      /** `--strict`: unconfirmed failures (contract/verdictStrength.ts) fail the run too. */
      strict: boolean;
      /** `--verbose`: every failure in full in the terminal summary, not only the first FAILURES_IN_FULL. */
      verbose: boolean;
      /** `--plan`: print what the run would do (runner/runPlan.ts) and stop; nothing is sent to Cognito. */
      plan: boolean;
    };

const transports = TRANSPORT_NAMES.map((n) => `${n}${n === RUN_DEFAULTS.transport ? ' (default)' : ''}: ${TRANSPORTS[n].summary}`).join('\n                       ');

export const runHelp = `Usage: cognito-conformance run [--target NAME | --endpoint URL] [flags]

Runs the CreateUserPoolClient contract against a target and writes a report.

Target (default: an embedded cognito-local the tool starts and stops itself):
  --target NAME        aws | localstack | moto | cognito-local
  --endpoint URL       any endpoint speaking the Cognito API (http://127.0.0.1:PORT)
  --region R           region (else AWS_REGION, AWS_DEFAULT_REGION, the profile; us-east-1 for local targets)
  --other-region R     the second region of the region rules (region.pool-scoped): emulators default
                       to us-west-2 (eu-west-1 when --region is us-west-2); against AWS the rules
                       run only when it is given, and its requests go to that region's endpoint
  --name NAME          the target's name in reports and baselines (default: the preset's; for
                       --endpoint, its host:port; the Server header is recorded as information only)
  --transport T        ${transports}
  --sdk-from DIR       with --transport sdk: load @aws-sdk/client-cognito-identity-provider from DIR, an app
                       folder (resolved as the app would) or the package's own folder (an npm alias too).
                       Default: the working directory's node_modules, else the tool's own copy. Supported:
                       ${SDK_RANGE}; the report and the summary name the version and where it came from
  --user-pool-id ID    run in this existing user pool instead of creating one (a target without
                       CreateUserPool, or an AWS role limited to one pool): the run reads its attributes,
                       scopes and identity providers, creates and deletes only its own app clients
                       there, and never deletes or changes the pool

Run:
  --seed N             seed of every property (default ${RUN_DEFAULTS.seed}; \`random\` picks one and prints it)
  --runs N             cases per rule (default ${RUN_DEFAULTS.runs}, at most ${RUN_LIMITS.runs})
  --rules GLOB         only rules whose id matches (comma-separated globs: 'default.*,oauth.*')
  --concurrency N      concurrent requests (default per target: 8 local, 4 aws)
  --out DIR            report directory (default ${RUN_DEFAULTS.out})
  --replay-path PATH   replay one case (printed with each failure)
  --strict             unconfirmed failures (rules whose evidence is inferred, or whose sources
                       are disputed or unresolved) fail the run too; without it they are shown only
  --verbose            print every failure in full (default: the first 10 in full, the rest one line
                       each; report.json and the scorecard always have every detail)
  --record DIR         write every exchange (fixtures included, secrets masked) to DIR/<time>-<target>.jsonl;
                       \`judge DIR\` gives every rule the status this run gave it

Real AWS (see "Running against AWS safely" in the README):
  --account ID[,ID]    the AWS accounts the run may create things in (else ${envName('account')}).
                       Required for --target aws and any endpoint that is not loopback: the run asks
                       STS GetCallerIdentity whose account the credentials are and refuses any other
  --plan               print the plan (target and account, rules and cases, requests by operation,
                       what it creates and under which names, duration at the quotas) and stop:
                       nothing is sent to Cognito (for AWS, only the account check goes to STS)
  --pool-rps N         requests per second per operation in one user pool (default ${AWS_QUOTA_RATES.poolWritesPerSecond} for aws;
                       emulators: none, the rate is learned from the first throttling answer)
  --account-rps N      requests per second per quota category (UserPoolClientUpdate, …) in the account, all
                       pools together (default ${AWS_QUOTA_RATES.accountWritesPerSecond} for aws; emulators: as --pool-rps; on an
                       emulator one of the two alone limits both). With quotas a run uses as many pools as they
                       make worth it (3 at the defaults); see docs/aws-quotas.md
  --max-requests N     request budget: once spent no new case starts, cases in flight finish,
                       cleanup runs, and unfinished rules are reported incomplete with the reason
  --time-budget D      time budget (90s, 45m, 1h30m), the same way

Baselines (known gaps of a target; see reports/baseline.ts for the format):
  --baseline FILE      failures listed in FILE do not fail the run; new failures do (exit 1);
                       entries whose rule now passes are listed as fixed. Default: the shipped cognito-local baseline
                       (reports/baselines/cognito-local.json in a clone)
                       when the run uses the embedded cognito-local, none otherwise. FILE names its target
                       (the run's name, see --name); a baseline for another target, or one that cannot be
                       read, stops the run before its first request (exit 2)
  --no-baseline        judge every failure (ignore the default baseline)
  --update-baseline    write the run's failures to the baseline file (FILE; the default one only for the
                       embedded cognito-local) and exit 0 once written (2 on a harness error)

Exit codes: 0 every rule passed or was skipped, failed unconfirmed or was left incomplete by a
budget (with a baseline: every failure is a known gap); 1 conformance failures (new ones, with a
baseline); 2 usage or harness error (throttling that outlasted every retry is one), and with
--strict rules left incomplete; 130 (143) stopped by SIGINT (SIGTERM): the reports say so, and the
rules it cut short are "interrupted". Every report shows the exit code, known versus new failures
and the baseline used.
AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER and AWS_ENDPOINT_URL are honoured as by the AWS CLI.
Every setting above except --plan, --strict and --verbose can also come from CONFORMANCE_<NAME>
(CONFORMANCE_REPLAY_PATH, CONFORMANCE_POOL_RPS, …; the accounts: ${envName('account')}) for plain
\`vitest run -c suites/vitest.config.ts\`, which cannot record or keep a budget.
`;

const SETTING_FLAGS = Object.fromEntries(RUN_SETTING_KEYS.map((key) => [flagName(key), { type: 'string' as const }])) as Record<string, { type: 'string' }>;

export function parseRunOptions(argv: string[]): RunOptions {
  const { values } = parseFlags('run', argv, {
    ...SETTING_FLAGS,
    baseline: { type: 'string' },
    'no-baseline': { type: 'boolean' },
    'update-baseline': { type: 'boolean' },
    strict: { type: 'boolean' },
    verbose: { type: 'boolean' },
    plan: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { help: true };
  if (values['no-baseline'] && (values.baseline !== undefined || values['update-baseline'])) {
    throw new UsageError('--no-baseline cannot be combined with --baseline or --update-baseline');
  }
  const raw: RawRunSettings = {};
  for (const key of RUN_SETTING_KEYS) {
    const value = (values as Record<string, unknown>)[flagName(key)];
    if (typeof value === 'string') raw[key] = value;
  }
  return {
    help: false,
    settings: readRunSettings(raw, 'flags'),
    ...(typeof values.baseline === 'string' ? { baseline: values.baseline } : {}),
    noBaseline: values['no-baseline'] === true,
    updateBaseline: values['update-baseline'] === true,
    strict: values.strict === true,
    verbose: values.verbose === true,
    plan: values.plan === true,
  };
}
