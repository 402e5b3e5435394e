import { parseFlags } from './parseFlags.js';
import { UsageError } from './usageError.js';

export interface RunOptions {
  target?: string;
  endpoint?: string;
  region?: string;
  seed: number;
  runs: number;
  rules?: string;
  out: string;
  transport: 'http' | 'sdk';
  concurrency?: number;
  replayPath?: string;
  /** `--baseline FILE`; undefined means the shipped one for the embedded default, none otherwise. */
  baseline?: string;
  noBaseline: boolean;
  updateBaseline: boolean;
  /** `--strict`: unconfirmed failures (contract/verdictStrength.ts) fail the run too. */
  strict: boolean;
  /** `--verbose`: every failure in full in the terminal summary, not only the first FAILURES_IN_FULL. */
  verbose: boolean;
  help: boolean;
}

/** The default seed is fixed so that two runs of the same target agree (emulator CI, baselines). */
export const DEFAULT_SEED = 42;
export const DEFAULT_RUNS = 25;
export const DEFAULT_OUT = 'reports/latest';

export const runHelp = `Usage: cognito-conformance run [--target NAME | --endpoint URL] [flags]

Runs the CreateUserPoolClient contract against a target and writes a report.

Target (default: an embedded cognito-local the tool starts and stops itself):
  --target NAME        aws | localstack | moto | cognito-local
  --endpoint URL       any endpoint speaking the Cognito API (http://127.0.0.1:PORT)
  --region R           region (else AWS_REGION, AWS_DEFAULT_REGION, the profile; us-east-1 for local targets)
  --transport T        http (raw HTTP, sees the wire; default) | sdk (through @aws-sdk/client-cognito-identity-provider)

Run:
  --seed N             seed of every property (default ${DEFAULT_SEED}; \`random\` picks one and prints it)
  --runs N             cases per rule (default ${DEFAULT_RUNS})
  --rules GLOB         only rules whose id matches (comma-separated globs: 'default.*,oauth.*')
  --concurrency N      concurrent requests (default per target: 8 local, 4 aws)
  --out DIR            report directory (default ${DEFAULT_OUT})
  --replay-path PATH   replay one case (printed with each failure)
  --strict             unconfirmed failures (rules whose evidence is inferred, or whose sources
                       are disputed or unresolved) fail the run too; without it they are shown only
  --verbose            print every failure in full (default: the first 10 in full, the rest one line
                       each; report.json and the scorecard always have every detail)

Baselines (known gaps of a target; see reports/baseline.ts for the format):
  --baseline FILE      failures listed in FILE do not fail the run; new failures do (exit 1);
                       entries whose rule now passes are listed as fixed. Default: baselines/cognito-local.json
                       when the run uses the embedded cognito-local, none otherwise
  --no-baseline        judge every failure (ignore the default baseline)
  --update-baseline    write the run's failures to the baseline file (FILE, or the default one)

Exit codes: 0 every rule passed or was skipped, or failed unconfirmed (with a baseline: every
failure is a known gap); 1 conformance failures (new ones, with a baseline); 2 usage or harness error.
AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER and AWS_ENDPOINT_URL are honoured as by the AWS CLI.
`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max = 100_000): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return Number(raw);
}

export function parseRunOptions(argv: string[]): RunOptions {
  const { values } = parseFlags('run', argv, {
    target: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    rules: { type: 'string' },
    out: { type: 'string' },
    transport: { type: 'string' },
    concurrency: { type: 'string' },
    'replay-path': { type: 'string' },
    baseline: { type: 'string' },
    'no-baseline': { type: 'boolean' },
    'update-baseline': { type: 'boolean' },
    strict: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  let seed = DEFAULT_SEED;
  if (values.seed === 'random') seed = Math.floor(Math.random() * 2 ** 31);
  else if (values.seed !== undefined) {
    if (!/^-?\d+$/.test(values.seed) || Math.abs(Number(values.seed)) >= 2 ** 31) throw new UsageError(`--seed must be an integer (|n| < 2^31) or "random", got "${values.seed}"`);
    seed = Number(values.seed);
  }
  const transport = values.transport ?? 'http';
  if (transport !== 'http' && transport !== 'sdk') throw new UsageError(`--transport must be http or sdk, got "${transport}"`);
  if (values['no-baseline'] && (values.baseline !== undefined || values['update-baseline'])) {
    throw new UsageError('--no-baseline cannot be combined with --baseline or --update-baseline');
  }
  if (values.rules !== undefined && !values.rules.trim()) throw new UsageError('--rules needs a pattern, e.g. --rules "default.*"');
  return {
    target: values.target,
    endpoint: values.endpoint,
    region: values.region,
    seed,
    runs: positiveInt('runs', values.runs, DEFAULT_RUNS, 10_000),
    rules: values.rules,
    out: values.out ?? DEFAULT_OUT,
    transport,
    concurrency: values.concurrency === undefined ? undefined : positiveInt('concurrency', values.concurrency, 1, 64),
    replayPath: values['replay-path'],
    baseline: values.baseline,
    noBaseline: values['no-baseline'] ?? false,
    updateBaseline: values['update-baseline'] ?? false,
    strict: values.strict ?? false,
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}
