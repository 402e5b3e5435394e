import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';
import { processCleanupRegistry } from '../targets/cleanupRegistry.js';
import { HarnessError, isHarnessError } from '../targets/harnessError.js';
import { ResultCollector } from '../reports/resultCollector.js';
import { ProgressReporter } from '../reports/progressReporter.js';
import { exitCodeOf } from '../reports/runReport.js';
import { summaryText } from '../reports/summaryText.js';
import { writeReports } from '../reports/writeReports.js';
import { applyBaseline, baselineFromReport, baselineNote, baselineSummary, loadBaseline, writeBaseline } from '../reports/baseline.js';
import { prepareRun } from '../runner/prepareRun.js';
import { selectRules } from '../runner/selectRules.js';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { parseRunOptions, runHelp, type RunOptions } from './runOptions.js';
import { UsageError } from './usageError.js';

const suiteConfig = fileURLToPath(new URL('../runner/vitest.config.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
/** Applied when the run uses the embedded cognito-local and no --baseline is given. */
const DEFAULT_BASELINE = fileURLToPath(new URL('../baselines/cognito-local.json', import.meta.url));

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
  const selected = selectRules(contract.rules, ALL_KINDS, options.rules).length;
  if (selected === 0) throw new UsageError(`--rules "${options.rules}" matches no rule id (see \`spec\` for the ids)`);
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
  let cleanupError: unknown;
  try {
    const collector = new ResultCollector({ runInfo: () => prepared.runInfo });
    const signalsBefore = new Set([...process.listeners('SIGINT'), ...process.listeners('SIGTERM')]);
    const vitest = await createVitest('test', {
      root,
      config: suiteConfig,
      watch: false,
      reporters: [collector, new ProgressReporter(selected)],
      provide: { conformance: prepared.context },
      maxConcurrency: prepared.context.target.concurrency,
      passWithNoTests: true,
    });
    // Vitest's logger exits the process on SIGINT/SIGTERM after 1 ms; the run's cleanup registry
    // must be the one that handles them, so that the pool and the emulator are removed first.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal)) if (!signalsBefore.has(listener)) process.off(signal, listener);
    }
    await vitest.start();
    await vitest.close();
    report = collector.report;
  } finally {
    // A cleanup that fails is a harness error of this run, shown with the results rather than
    // instead of them.
    await prepared.close().catch((err: unknown) => {
      cleanupError = err;
    });
  }
  if (!report) throw cleanupError ?? new HarnessError('E_FIXTURE', 'the run ended without results');
  if (cleanupError) {
    const code = isHarnessError(cleanupError) ? cleanupError.code : 'E_FIXTURE';
    report.harnessErrors.push({ code, message: cleanupError instanceof Error ? cleanupError.message : String(cleanupError) });
  }
  const notes = prepared.teardownNotes();
  if (notes.length) report.notes = [...(report.notes ?? []), ...notes];
  const baselinePath = options.noBaseline ? undefined : options.baseline ?? (noTarget ? DEFAULT_BASELINE : undefined);
  if (options.updateBaseline) {
    const path = baselinePath ?? DEFAULT_BASELINE;
    const previous = existsSync(path) ? loadBaseline(path) : undefined;
    writeBaseline(path, baselineFromReport(report, previous));
    out(`Baseline written: ${path}\n`);
  }
  const outcome = baselinePath && !options.updateBaseline ? applyBaseline(report, loadBaseline(baselinePath), new Date(), { strict: options.strict }) : undefined;
  const files = writeReports(report, options.out, { ...(outcome ? { baselineNote: baselineNote(outcome) } : {}), strict: options.strict });
  const knownGaps = new Set(outcome?.knownFailures.map((k) => k.result.id) ?? []);
  out(summaryText(report, files.json, { knownGaps, strict: options.strict, verbose: options.verbose }));
  if (outcome) out(`\nBaseline ${baselinePath}:\n${baselineSummary(outcome, { listKnown: false })}`);
  out(`Scorecard: ${files.html}  JUnit: ${files.junit}  Markdown: ${files.markdown}\n`);
  return outcome ? outcome.exitCode : exitCodeOf(report, { strict: options.strict });
}
