import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { processCleanupRegistry } from '../targets/cleanupRegistry.js';
import { ResultCollector } from '../reports/resultCollector.js';
import { ProgressReporter } from '../reports/progressReporter.js';
import { exitCodeOf } from '../reports/runReport.js';
import { summaryText } from '../reports/summaryText.js';
import { writeReports } from '../reports/writeReports.js';
import { prepareRun } from '../suites/prepareRun.js';
import { selectRules } from '../suites/selectRules.js';
import { contract } from '../spec/contract.js';
import { ALL_KINDS } from '../spec/rule.js';
import { parseRunOptions, runHelp, type RunOptions } from './runOptions.js';

const suiteConfig = fileURLToPath(new URL('../suites/vitest.config.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

/** The flags that chose the target, repeated in replay commands. */
function targetFlags(o: RunOptions): string {
  return [o.target && `--target ${o.target}`, o.endpoint && `--endpoint ${o.endpoint}`, o.region && `--region ${o.region}`, o.transport !== 'http' && `--transport ${o.transport}`]
    .filter(Boolean)
    .join(' ');
}

export async function runCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const options = parseRunOptions(argv);
  if (options.help) {
    out(runHelp);
    return 0;
  }
  const env = process.env;
  // No target at all means the embedded cognito-local, unless the environment names an endpoint
  // the way the AWS CLI reads one.
  const noTarget = !options.target && !options.endpoint && !env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER && !env.AWS_ENDPOINT_URL;
  const registry = processCleanupRegistry();
  const prepared = await prepareRun({
    flags: {
      ...(noTarget ? { target: 'cognito-local' } : {}),
      ...(options.target ? { target: options.target } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.region ? { region: options.region } : {}),
    },
    transport: options.transport,
    seed: options.seed,
    runs: options.runs,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.replayPath ? { replayPath: options.replayPath } : {}),
    targetFlags: targetFlags(options),
  }, registry);

  let report;
  try {
    const collector = new ResultCollector({ runInfo: () => prepared.runInfo });
    const vitest = await startVitest('test', [], {
      root,
      config: suiteConfig,
      watch: false,
      reporters: [collector, new ProgressReporter(selectRules(contract.rules, ALL_KINDS, options.rules).length)],
      provide: { conformance: prepared.context },
      maxConcurrency: prepared.context.target.concurrency,
      passWithNoTests: true,
    });
    await vitest.close();
    report = collector.report;
  } finally {
    await prepared.close();
  }
  if (!report) throw new Error('the run produced no report');
  const files = writeReports(report, options.out);
  out(summaryText(report, files.json));
  out(`Scorecard: ${files.html}  JUnit: ${files.junit}  Markdown: ${files.markdown}\n`);
  return exitCodeOf(report);
}
