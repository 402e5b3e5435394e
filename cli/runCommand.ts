import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processCleanupRegistry } from '../targets/cleanupRegistry.js';
import { HarnessError, isHarnessError } from '../targets/harnessError.js';
import { loadTargetConfig } from '../targets/targetConfig.js';
import { buildRunReport } from '../reports/buildRunReport.js';
import { ProgressReporter } from '../reports/progressReporter.js';
import { exitCodeOf, type RunReport } from '../reports/runReport.js';
import { summaryText } from '../reports/summaryText.js';
import { writeReports } from '../reports/writeReports.js';
import { acceptsFailureOf, applyBaseline, baselineFromReport, baselineNote, baselineSummary, loadBaseline, writeBaseline, type Baseline } from '../reports/baseline.js';
import { prepareRun } from '../runner/prepareRun.js';
import { resolveRun } from '../runner/resolveRun.js';
import { createRunBudget, type RunBudget } from '../runner/runBudget.js';
import { formatPlan } from '../runner/runPlan.js';
import { runRules } from '../runner/runRules.js';
import { throttlingEvent } from '../runner/throttlingEvent.js';
import { checkOutputPath } from './checkOutputPath.js';
import { parseRunOptions, runHelp } from './runOptions.js';

/** Applied when the run uses the embedded cognito-local and no --baseline is given. */
const DEFAULT_BASELINE = fileURLToPath(new URL('../reports/baselines/cognito-local.json', import.meta.url));
/** The shipped baseline's target name. */
const DEFAULT_BASELINE_TARGET = 'cognito-local';

export async function runCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const options = parseRunOptions(argv);
  if (options.help) {
    out(runHelp);
    return 0;
  }
  const { settings } = options;
  // Everything the run reads or writes besides the target is checked before the first request or
  // emulator start: a bad path costs a second, not a run. A plan writes nothing.
  if (!options.plan) {
    checkOutputPath(settings.out, { flag: '--out', kind: 'directory' });
    if (settings.record !== undefined) checkOutputPath(settings.record, { flag: '--record', kind: 'directory' });
  }
  const config = await loadTargetConfig(settings.target);
  const usesDefault = config.embedded && (settings.name ?? DEFAULT_BASELINE_TARGET) === DEFAULT_BASELINE_TARGET;
  const baselinePath = options.noBaseline ? undefined : options.baseline ?? (usesDefault ? DEFAULT_BASELINE : undefined);
  let baseline: Baseline | undefined;
  let updatePath: string | undefined;
  if (options.updateBaseline && !options.plan) {
    updatePath = baselinePath ?? DEFAULT_BASELINE;
    checkOutputPath(updatePath, { flag: '--baseline', kind: 'file' });
    if (existsSync(updatePath)) baseline = loadBaseline(updatePath);
  } else if (baselinePath && !options.plan) {
    baseline = loadBaseline(baselinePath);
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

  const prepared = await prepareRun(settings, processCleanupRegistry(), resolved);
  let report: RunReport | undefined;
  let cleanupError: unknown;
  let budget: RunBudget | undefined;
  try {
    // Started with the first case: the fixture's requests are reserved up front, as the plan counts them.
    budget = settings.budget === undefined ? undefined : createRunBudget(settings.budget, { fixtureRequests: resolved.plan.fixture.atMost });
    const knownGap = baseline && !options.updateBaseline ? acceptsFailureOf(baseline, prepared.runInfo.target.name, new Date()) : undefined;
    const progress = new ProgressReporter(rules.length, process.stderr, knownGap);
    const outcome = await runRules(rules, { target: prepared.target, context: prepared.context, listener: progress, otherRegion: prepared.otherRegion, ...(budget ? { budget } : {}) });
    progress.onRunEnd();
    report = buildRunReport(prepared.runInfo, outcome.results, outcome.harnessErrors);
  } finally {
    budget?.dispose();
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
  // Counted after teardown, so the fixture's and the cleanup's requests are in.
  const throttling = throttlingEvent(prepared.traffic(), resolved.quotas);
  if (throttling) report.harnessEvents = [...(report.harnessEvents ?? []), throttling];
  if (budget) {
    const use = budget.use();
    const reason = budget.reason();
    report.budget = { ...settings.budget, reservedRequests: use.reservedRequests, casesStarted: use.casesStarted, casesRefused: use.casesRefused, elapsedMs: Math.round(use.elapsedMs), ...(reason === undefined ? {} : { reason }) };
  }
  if (prepared.recording) out(`Recording: ${prepared.recording.file} (${prepared.recording.count} exchanges; \`judge ${settings.record}\` judges it again without the target)\n`);
  if (updatePath) {
    writeBaseline(updatePath, baselineFromReport(report, baseline));
    out(`Baseline written: ${updatePath}\n`);
  }
  const strict = options.strict;
  const outcome = baseline && !options.updateBaseline ? applyBaseline(report, baseline, new Date(), { strict }) : undefined;
  const files = writeReports(report, settings.out, { ...(outcome ? { baselineNote: baselineNote(outcome) } : {}), strict });
  const knownGaps = new Set(outcome?.knownFailures.map((k) => k.result.id) ?? []);
  out(summaryText(report, files.json, { knownGaps, strict, verbose: options.verbose }));
  if (outcome) out(`\nBaseline ${baselinePath}:\n${baselineSummary(outcome, { listKnown: false })}`);
  out(`Scorecard: ${files.html}  JUnit: ${files.junit}  Markdown: ${files.markdown}\n`);
  return outcome ? outcome.exitCode : exitCodeOf(report, { strict });
}
