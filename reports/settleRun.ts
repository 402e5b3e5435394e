import { plural } from './plural.js';
import { applyBaseline, type Baseline, type BaselineOutcome } from './baseline.js';
import { countsAsFailure, exitCodeOf, type ReportBaseline, type RunExitCode, type RunReport } from './runReport.js';

export interface SettleOptions {
  /** The baseline the run is judged against, or the one it just wrote (`written`). */
  baseline?: { file: string; value: Baseline };
  /** `--update-baseline`: the run wrote `baseline`; its failures are known by definition. */
  written?: boolean;
  /** `--strict`. */
  strict?: boolean;
  today?: Date;
}

const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', RunExitCode>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * The one place a run's end is decided: which failures are new and which are known gaps, and the
 * exit code. Both are written into the report (`baseline`, `exitCode`) before any reporter reads
 * it, so report.json, the terminal, summary.md, JUnit and the scorecard cannot disagree (a run
 * that exited 0 on a baseline once showed "89 failed" in red on its scorecard).
 *
 * Exit codes: an interrupted run 130/143; `--update-baseline` 0 once written (2 when the harness
 * broke: what it wrote may miss rules that errored); with a baseline, applyBaseline's; without,
 * exitCodeOf's.
 */
export function settleRun(report: RunReport, options: SettleOptions = {}): BaselineOutcome | undefined {
  const strict = options.strict === true;
  let outcome: BaselineOutcome | undefined;
  if (options.baseline && options.written) {
    const failed = report.rules.filter((r) => r.status === 'failed').map((r) => r.id);
    report.baseline = { ...emptySplit(options.baseline.file, options.baseline.value.target), knownFailures: failed, written: true };
    report.exitCode = exitCodeOf(report, { strict }) === 2 ? 2 : 0;
  } else if (options.baseline) {
    outcome = applyBaseline(report, options.baseline.value, options.today ?? new Date(), { strict });
    report.baseline = {
      ...emptySplit(options.baseline.file, options.baseline.value.target),
      newFailures: outcome.newFailures.map((r) => r.id),
      knownFailures: outcome.knownFailures.map((k) => k.result.id),
      expired: outcome.expired.map((e) => e.ruleId),
      fixed: outcome.fixed.map((e) => e.ruleId),
      unconfirmed: outcome.unconfirmed.map((r) => r.id),
      unchecked: outcome.unchecked.map((e) => e.ruleId),
    };
    report.exitCode = outcome.exitCode;
  } else {
    report.baseline = null;
    report.exitCode = exitCodeOf(report, { strict });
  }
  if (report.interrupted && report.signal) report.exitCode = SIGNAL_EXIT[report.signal];
  return outcome;
}

function emptySplit(file: string, target: string): ReportBaseline {
  return { file, target, newFailures: [], knownFailures: [], expired: [], fixed: [], unconfirmed: [], unchecked: [] };
}

/** The ids of failures a report's baseline accepts (empty without one). */
export function knownFailuresOf(report: Pick<RunReport, 'baseline'>): ReadonlySet<string> {
  return new Set(report.baseline?.knownFailures ?? []);
}

/** The run's exit code as its report says, or as it follows from the report (reports from before the field). */
export function exitCodeOfReport(report: RunReport, options: { strict?: boolean } = {}): RunExitCode {
  return report.exitCode ?? exitCodeOf(report, options);
}

/**
 * One line that every report shows: the exit code, and what it follows from: new versus known
 * failures (with the baseline used), unconfirmed ones, harness errors, an interruption. Plain
 * text; reporters add their markup.
 */
export function outcomeLine(report: RunReport, options: { strict?: boolean } = {}): string {
  const code = exitCodeOfReport(report, options);
  const b = report.baseline;
  const failed = report.rules.filter((r) => r.status === 'failed');
  const counted = failed.filter((r) => countsAsFailure(r, options)).length;
  const parts: string[] = [];
  if (report.interrupted) parts.push(`interrupted by ${report.signal ?? 'a signal'}`);
  if (b?.written) parts.push(`baseline ${b.file} written with ${plural(b.knownFailures.length, 'failing rule')}`);
  else if (b) {
    const fresh = b.newFailures.length + b.expired.length;
    parts.push(`${plural(fresh, 'new failure')}${b.expired.length ? ` (${b.expired.length} from expired baseline entries)` : ''}`, `${plural(b.knownFailures.length, 'known gap')} (baseline ${b.file})`);
    if (b.unconfirmed.length) parts.push(`${b.unconfirmed.length} unconfirmed`);
  } else {
    parts.push(`${plural(counted, 'failure')} (no baseline: every failure is new)`);
    if (failed.length > counted) parts.push(`${failed.length - counted} unconfirmed`);
  }
  const errors = report.rules.filter((r) => r.status === 'error').length + report.harnessErrors.length;
  if (errors) parts.push(plural(errors, 'harness error'));
  const incomplete = report.rules.filter((r) => r.status === 'incomplete').length;
  if (incomplete) parts.push(`${incomplete} incomplete${options.strict ? ' (--strict: exit 2)' : ''}`);
  return `exit ${code}: ${parts.join(', ')}`;
}
