import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../contract/rule.js';
import { processCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { HarnessError, isHarnessError } from '../targets/harnessError.js';
import { loadTargetConfig } from '../targets/targetConfig.js';
import { targetName } from '../targets/targetName.js';
import { buildRunReport } from '../reports/buildRunReport.js';
import { ProgressReporter } from '../reports/progressReporter.js';
import { interruptedResults } from '../reports/interruptedResults.js';
import type { RuleResult } from '../reports/ruleResult.js';
import type { RunReport } from '../reports/runReport.js';
import { plural } from '../reports/plural.js';
import { settleRun } from '../reports/settleRun.js';
import { summaryText } from '../reports/summaryText.js';
import { clearReports, writeReports } from '../reports/writeReports.js';
import { acceptsFailureOf, baselineFromReport, baselineSummary, checkBaselineTarget, loadBaseline, writeBaseline, type Baseline } from '../reports/baseline.js';
import { prepareRun, type PreparedRun } from '../runner/prepareRun.js';
import { writeRecordedOutcome } from '../runner/recordedOutcome.js';
import { resolveRun } from '../runner/resolveRun.js';
import { createRunBudget, type RunBudget } from '../runner/runBudget.js';
import { formatPlan } from '../runner/runPlan.js';
import { runRules, type RunListener } from '../runner/runRules.js';
import { throttlingEvent } from '../runner/throttlingEvent.js';
import { checkOutputPath } from './checkOutputPath.js';
import { parseRunOptions, runHelp } from './runOptions.js';

/** Applied when the run uses the embedded cognito-local and no --baseline is given. */
const DEFAULT_BASELINE = fileURLToPath(new URL('../reports/baselines/cognito-local.json', import.meta.url));
/** The shipped baseline's target name. */
const DEFAULT_BASELINE_TARGET = 'cognito-local';
/**
 * After a signal, how long cases already in flight may take to finish before the report is
 * written without them (their rules are then `interrupted` too): the cleanup that follows has
 * its own time limit (targets/pool/cleanupRegistry.ts), and a user who pressed Ctrl-C is waiting.
 */
const INTERRUPT_GRACE_MS = 5_000;

type Signal = 'SIGINT' | 'SIGTERM';

/** The shipped baseline's path as reports show it: relative to where the run was started when it lies below. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export async function runCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const options = parseRunOptions(argv);
  if (options.help) {
    out(runHelp);
    return 0;
  }
  const { settings } = options;
  // Everything the run reads or writes besides the target is checked before the first request or
  // emulator start: a bad path, an unreadable baseline or a baseline for another target costs a
  // second, not a run. A plan writes nothing.
  if (!options.plan) {
    checkOutputPath(settings.out, { flag: '--out', kind: 'directory' });
    if (settings.record !== undefined) checkOutputPath(settings.record, { flag: '--record', kind: 'directory' });
  }
  const config = await loadTargetConfig(settings.target);
  // The name is the preset's, --name, or the endpoint's host:port: known now, never taken from an answer.
  const name = targetName(config, settings.name);
  const usesDefault = config.embedded && name === DEFAULT_BASELINE_TARGET;
  const baselinePath = options.noBaseline ? undefined : options.baseline ?? (usesDefault ? shownPath(DEFAULT_BASELINE) : undefined);
  let baseline: Baseline | undefined;
  let updatePath: string | undefined;
  if (options.updateBaseline && !options.plan) {
    if (baselinePath === undefined) {
      throw new HarnessError('E_USAGE', `--update-baseline needs --baseline FILE for target "${name}" (the shipped ${DEFAULT_BASELINE_TARGET} baseline is only for the embedded cognito-local)`);
    }
    updatePath = baselinePath;
    checkOutputPath(updatePath, { flag: '--baseline', kind: 'file' });
    if (existsSync(updatePath)) baseline = checkBaselineTarget(loadBaseline(updatePath), updatePath, name);
  } else if (baselinePath && !options.plan) {
    baseline = checkBaselineTarget(loadBaseline(baselinePath), baselinePath, name);
  }
  // The account guard, right after the configuration (and the local files' checks) and before
  // anything is started or created (for AWS it asks STS only); the run id prefix the plan shows is
  // the one the run then uses.
  const resolved = await resolveRun(settings, { config });
  if (options.plan) {
    out(formatPlan(resolved.plan));
    return 0;
  }
  const { rules } = resolved;
  // A run that fails before judging anything must not leave the previous run's reports in --out,
  // where they would pass for this run's.
  clearReports(settings.out);

  const registry = processCleanupRegistry();
  const prepared = await prepareRun(settings, registry, resolved);
  let report: RunReport | undefined;
  let cleanupError: unknown;
  let budget: RunBudget | undefined;
  const stop = new AbortController();
  const results: RuleResult[] = [];
  let signal: Signal | undefined;
  let interruptedAt: number | undefined;
  const finishedBefore = new Set<string>();
  const noteSignal = (s: Signal) => () => {
    signal ??= s;
  };
  const onSigint = noteSignal('SIGINT');
  const onSigterm = noteSignal('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  let rulesDone: Promise<unknown> = Promise.resolve();
  // Newest cleanup first: on a signal this runs before the pool and the emulator go, so cases in
  // flight end against a live target and nothing the signal causes is blamed on it.
  let interruptReport: Promise<void> | undefined;
  const onInterrupt = registry.register('report of the interrupted run', () => {
    interruptReport = (async () => {
      // The registry's listener runs first; this process's own listeners name the signal.
      await new Promise((resolve) => setImmediate(resolve));
      interruptedAt = Date.now();
      for (const r of results) finishedBefore.add(r.id);
      stop.abort(`interrupted by ${signal ?? 'SIGINT'}`);
      await Promise.race([rulesDone, new Promise((resolve) => setTimeout(resolve, INTERRUPT_GRACE_MS).unref())]);
      const interrupted = interruptedReport(prepared, rules, results, finishedBefore, signal ?? 'SIGINT');
      finishReport(interrupted, prepared, out, { outDir: settings.out, record: settings.record, baseline, baselinePath, strict: options.strict, verbose: options.verbose });
    })();
    return interruptReport;
  });
  try {
    // Started with the first case: the fixture's requests are reserved up front, as the plan counts them.
    budget = settings.budget === undefined ? undefined : createRunBudget(settings.budget, { fixtureRequests: resolved.plan.fixture.atMost });
    const knownGap = baseline && !options.updateBaseline ? acceptsFailureOf(baseline, prepared.runInfo.target.name, new Date()) : undefined;
    const progress = new ProgressReporter(rules.length, process.stderr, knownGap);
    // After a signal the progress stays quiet: the rules that end then end because of it.
    const listener: RunListener = {
      effort: progress.effort,
      onRuleResult(result) {
        results.push(result);
        if (interruptedAt === undefined) progress.onRuleResult(result);
      },
    };
    const running = runRules(rules, { target: prepared.target, context: prepared.context, listener, signal: stop.signal, otherRegion: prepared.otherRegion, ...(budget ? { budget } : {}) });
    rulesDone = running;
    const outcome = await running;
    if (interruptReport) {
      // The signal's cleanup writes the report and exits 130/143.
      await interruptReport;
      return signal === 'SIGTERM' ? 143 : 130;
    }
    onInterrupt.unregister();
    progress.onRunEnd();
    report = buildRunReport(prepared.runInfo, outcome.results, outcome.harnessErrors);
  } finally {
    budget?.dispose();
    if (!interruptReport) {
      onInterrupt.unregister();
      // Before teardown: a signal now is the registry's alone (it cleans up and exits, or, with
      // nothing left to clean, Node's default ends the process), never swallowed by these.
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      // A cleanup that fails is a harness error of this run, shown with the results rather than
      // instead of them.
      await prepared.close().catch((err: unknown) => {
        cleanupError = err;
      });
    }
  }
  if (!report) throw cleanupError ?? new HarnessError('E_FIXTURE', 'the run ended without results');
  if (cleanupError) {
    const code = isHarnessError(cleanupError) ? cleanupError.code : 'E_FIXTURE';
    report.harnessErrors.push({ code, message: cleanupError instanceof Error ? cleanupError.message : String(cleanupError) });
  }
  const notes = prepared.teardownNotes();
  if (notes.length) report.notes = [...(report.notes ?? []), ...notes];
  // Counted after teardown, so the fixture's and the cleanup's requests are in.
  const throttling = throttlingEvent(prepared.traffic(), resolved.quotas);
  if (throttling) report.harnessEvents = [...(report.harnessEvents ?? []), throttling];
  if (budget) {
    const use = budget.use();
    const reason = budget.reason();
    report.budget = { ...settings.budget, reservedRequests: use.reservedRequests, casesStarted: use.casesStarted, casesRefused: use.casesRefused, elapsedMs: Math.round(use.elapsedMs), ...(reason === undefined ? {} : { reason }) };
  }
  let written: Baseline | undefined;
  if (updatePath) {
    written = baselineFromReport(report, baseline);
    writeBaseline(updatePath, written);
  }
  return finishReport(report, prepared, out, {
    outDir: settings.out, record: settings.record, baseline: written ?? baseline, baselinePath: updatePath ?? baselinePath, strict: options.strict, verbose: options.verbose,
    ...(written ? { written } : {}),
  });
}

/** The report of a run a signal stopped (reports/interruptedResults.ts says which rule gets which status). */
function interruptedReport(prepared: PreparedRun, rules: readonly Rule[], results: readonly RuleResult[], finishedBefore: ReadonlySet<string>, signal: Signal): RunReport {
  const report = buildRunReport(prepared.runInfo, interruptedResults(rules, results, finishedBefore, signal), []);
  report.interrupted = true;
  report.signal = signal;
  const notes = prepared.teardownNotes();
  if (notes.length) report.notes = [...notes];
  return report;
}

interface FinishOptions {
  outDir: string;
  /** `--record DIR`. */
  record: string | undefined;
  baseline: Baseline | undefined;
  baselinePath: string | undefined;
  strict: boolean;
  verbose: boolean;
  /** `--update-baseline`: the baseline this run wrote to `baselinePath`. */
  written?: Baseline;
}

/** Settles the exit code and the baseline split (reports/settleRun.ts), writes every report and prints the summary. */
function finishReport(report: RunReport, prepared: PreparedRun, out: (s: string) => void, o: FinishOptions): number {
  const outcome = settleRun(report, {
    ...(o.baseline && o.baselinePath ? { baseline: { file: o.baselinePath, value: o.baseline } } : {}),
    written: o.written !== undefined,
    strict: o.strict,
  });
  const files = writeReports(report, o.outDir, { strict: o.strict });
  if (prepared.recording) {
    const sidecar = writeRecordedOutcome(prepared.recording.file, report);
    out(`Recording: ${prepared.recording.file} (${prepared.recording.count} exchanges; \`judge ${o.record ?? ''}\` judges it again without the target)\n`);
    if (sidecar) out(`Recorded beside it: ${sidecar} (the rules the run did not finish, so that judge reports them as the run did)\n`);
  }
  out(summaryText(report, files.json, { strict: o.strict, verbose: o.verbose }));
  if (outcome) out(`\nBaseline ${o.baselinePath}:\n${baselineSummary(outcome, { listKnown: false })}`);
  out(`Scorecard: ${files.html}  JUnit: ${files.junit}  Markdown: ${files.markdown}\n`);
  // After the summary, so the last thing a CI log shows is that the file was written.
  if (o.written) out(`Baseline written: ${o.baselinePath} (${plural(o.written.entries.length, 'entry', 'entries')} for target "${o.written.target}")\n`);
  return report.exitCode ?? 2;
}
