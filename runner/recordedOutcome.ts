import { existsSync, writeFileSync } from 'node:fs';
import { readJsonFile } from '../reports/readJsonFile.js';
import type { RuleResult, RuleStatus } from '../reports/ruleResult.js';
import type { RunReport } from '../reports/runReport.js';
import { HarnessError } from '../targets/harnessError.js';

/**
 * What a recording cannot show by its exchanges alone: which rules the run left unfinished. A run
 * with `--max-requests 150` marked 9 rules `incomplete`; judging its recording gave 3 of them
 * `passed` and 6 `skipped`, since the exchanges of a cut-short rule look like a short run or like
 * nothing. `run --record` writes this file beside the recording (`<name>.jsonl.outcome.json`),
 * and `judge` gives those rules the run's status again (unless the recording shows a failure,
 * which the run would have reported as such too).
 *
 * Only `incomplete` and `interrupted` are kept: every other status follows from the exchanges.
 */
export interface RecordedOutcome {
  version: 1;
  /** The recording file this describes (its base name). */
  recording: string;
  /** The run was stopped by this signal. */
  signal?: 'SIGINT' | 'SIGTERM';
  /** Rule id → the run's status and reason, for rules the run did not finish. */
  unfinished: Record<string, { status: 'incomplete' | 'interrupted'; cases: number; reason: string }>;
}

const UNFINISHED: readonly RuleStatus[] = ['incomplete', 'interrupted'];

export function recordedOutcomePath(recordingFile: string): string {
  return `${recordingFile}.outcome.json`;
}

/** Writes the sidecar of a recording from the run's report; nothing when every rule finished. */
export function writeRecordedOutcome(recordingFile: string, report: Pick<RunReport, 'rules' | 'signal'>): string | undefined {
  const unfinished = report.rules.filter((r) => UNFINISHED.includes(r.status));
  if (!unfinished.length && !report.signal) return undefined;
  const outcome: RecordedOutcome = {
    version: 1,
    recording: recordingFile.split(/[\\/]/).pop() ?? recordingFile,
    ...(report.signal ? { signal: report.signal } : {}),
    unfinished: Object.fromEntries(unfinished.map((r) => [r.id, { status: r.status as 'incomplete' | 'interrupted', cases: r.cases, reason: r.reason ?? '' }])),
  };
  const path = recordedOutcomePath(recordingFile);
  writeFileSync(path, JSON.stringify(outcome, null, 2) + '\n');
  return path;
}

/** The sidecar of a recording file, when there is one. A malformed one is an `E_CONFIG` naming it. */
export function readRecordedOutcome(recordingFile: string): RecordedOutcome | undefined {
  const path = recordedOutcomePath(recordingFile);
  if (!existsSync(path)) return undefined;
  const value = readJsonFile(path, 'recording outcome') as Partial<RecordedOutcome> | null;
  if (value === null || typeof value !== 'object' || value.version !== 1 || typeof value.unfinished !== 'object' || value.unfinished === null) {
    throw new HarnessError('E_CONFIG', `recording outcome ${path}: not a version 1 outcome with "unfinished"`);
  }
  return value as RecordedOutcome;
}

/**
 * The run's own status for rules it left unfinished, over what the exchanges alone say: a rule
 * judged `passed` or `skipped` from a recording whose run cut it short is `incomplete` (or
 * `interrupted`) again, with the run's reason. A failure stays a failure: the run reports a failure
 * it found before it stopped as failed too. Several recordings: any one that cut the rule short.
 */
export function withRecordedOutcomes(results: readonly RuleResult[], outcomes: readonly RecordedOutcome[]): RuleResult[] {
  return results.map((r) => {
    if (r.status === 'failed' || r.status === 'error') return r;
    const cut = outcomes.map((o) => o.unfinished[r.id]).find((u) => u !== undefined);
    if (!cut) return r;
    const { status: _judged, reason: _reason, ...rest } = r;
    return { ...rest, status: cut.status, cases: r.cases, reason: `${cut.reason} (as the recorded run reported it)` };
  });
}
