import { UsageError } from './usageError.js';

export const mainHelp = `Usage: cognito-conformance [command] [flags]

Commands:
  run       run the contract against a target (default command)
  contract  print the contract (--json for machine-readable); alias: spec
  diff      compare two runs' report.json, rule by rule (exit 1 on regressions)
  merge     merge the report.json files of a sharded run into one report
  sweep     list (with --yes delete) user pools that interrupted runs left behind in a target
  judge     judge recorded exchanges (.jsonl, e.g. contract/evidence/ or a run --record DIR) without a target
  matrix    one page of rules × targets/recordings from several report.json files

Run \`cognito-conformance <command> --help\` for a command's flags.
`;

type Command = (argv: string[], out: (s: string) => void) => number | Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'contract':
    case 'spec':
      return (await import('./specCommand.js')).specCommand;
    case 'run':
      return (await import('./runCommand.js')).runCommand;
    case 'diff':
      return (await import('./diffCommand.js')).diffCommand;
    case 'merge':
      return (await import('./mergeCommand.js')).mergeCommand;
    case 'sweep':
      return (await import('./sweepCommand.js')).sweepCommand;
    case 'judge':
      return (await import('./judgeCommand.js')).judgeCommand;
    case 'matrix':
      return (await import('./matrixCommand.js')).matrixCommand;
    default:
      return undefined;
  }
}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => void process.stdout.write(s);
  const first = argv[0];
  if (first === '--help' || first === '-h' || first === 'help') {
    out(mainHelp);
    return 0;
  }
  const isCommand = first !== undefined && !first.startsWith('-');
  const name = isCommand ? first : 'run';
  const rest = isCommand ? argv.slice(1) : argv;
  const command = await loadCommand(name);
  if (!command) throw new UsageError(`unknown command "${name}" (commands: run, contract (spec), diff, merge, sweep, judge, matrix; see --help)`);
  return command(rest, out);
}

/** Reader closed the pipe early (`| head`): stop quietly, as Unix tools do. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const isEntry = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      const code = (err as { code?: string }).code;
      process.stderr.write(`cognito-conformance: ${code && !code.startsWith('ERR_PARSE_ARGS') ? `${code}: ` : ''}${message}\n`);
      // Usage and harness errors both exit 2; conformance failures are a result (1), not an exception.
      process.exitCode = 2;
    },
  );
}
