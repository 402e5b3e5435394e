import { contract } from '../contract/contract.js';
import { buildRunReport } from '../reports/buildRunReport.js';
import type { RunReport } from '../reports/runReport.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import type { LoadedRecord } from '../targets/recording/recordedExchange.js';
import { DEFAULT_TRANSPORT, type TransportName } from '../targets/transports/transports.js';
import type { JudgeOutcome } from './judgeRecords.js';
import { toolVersion } from './toolVersion.js';

/**
 * What a report of `judge` says besides the rule results: that it judged recordings rather than a
 * live target, which ones, and how many exchanges. `matrix` tells a recording's column from a
 * run's by this field.
 */
export interface RecordingInfo {
  paths: string[];
  /** Records read, fixtures included. */
  records: number;
  fixtures: number;
  /** Records judged (cases of a run recording count once, by their create). */
  judged: number;
  /** Records judged in evidence mode (not cases of a run recording). */
  evidence: number;
  /** The earliest and latest `recordedAt` among the judged records. */
  recordedFrom?: string;
  recordedTo?: string;
}

export type JudgeReport = RunReport & { recording: RecordingInfo };

/** The target a recording holds: the `target` run --record wrote, or AWS for evidence records (real AWS exchanges). */
export function recordedTargetName(records: readonly LoadedRecord[]): string {
  const names = new Set<string>();
  for (const { record } of records) {
    if (record.fixture === true) continue;
    if (record.target) names.add(record.target.name);
    else if (record.confidence !== undefined || (record.source && record.source.kind !== 'run')) names.add('aws');
    else names.add('recording');
  }
  return names.size ? [...names].sort().join('+') : 'recording';
}

function single<T>(values: readonly (T | undefined)[], several: T, none: T): T {
  const set = new Set(values.filter((v): v is T => v !== undefined));
  return set.size === 1 ? ([...set][0] as T) : set.size === 0 ? none : several;
}

/**
 * What a reader of the report should know about individual records, beside the rule results:
 * rejections a superseded claim explains, rejections no rule explains (an update's or a create's
 * that the request judge finds valid), and how many records were judged against an assumed pool.
 */
export function judgeNotes(outcome: JudgeOutcome): string[] {
  const notes: string[] = [];
  for (const j of outcome.judged) {
    const r = j.record.record;
    if (j.explainedBy) {
      notes.push(`${j.record.key}: rejected as the superseded claim of ${j.explainedBy.ruleId} held then (seen ${j.explainedBy.claimSeen}; the rule's reading seen ${j.explainedBy.ruleSeen})`);
    }
    const isRequestJudged = r.operation === 'CreateUserPoolClient' || r.operation === 'UpdateUserPoolClient';
    if (j.mode === 'evidence' && isRequestJudged && !isSuccessStatus(r.response.status) && !j.judgedAs && !j.explainedBy) {
      const message = (r.response.body as { message?: unknown } | null)?.message;
      notes.push(`${j.record.key}: rejected${typeof message === 'string' ? ` ("${message}")` : ''}, but the request judge finds no rule it breaks`);
    }
    if (j.requestProblems.length) notes.push(`${j.record.key}: the request has what no rule covers: ${j.requestProblems.join(', ')}`);
  }
  const assumed = new Set(outcome.judged.filter((j) => j.poolAssumed).map((j) => j.record)).size;
  if (assumed) notes.push(`${assumed} record${assumed === 1 ? ' does' : 's do'} not say everything the pool held; existence rules were judged against an assumed pool (runner/recordPool.ts)`);
  return notes;
}

export function judgeReport(outcome: JudgeOutcome, records: readonly LoadedRecord[], paths: readonly string[], startedAt: Date, finishedAt: Date = new Date()): JudgeReport {
  const cases = records.filter((r) => r.record.fixture !== true);
  const dates = outcome.judged.map((j) => j.record.record.recordedAt).sort();
  const report = buildRunReport(
    {
      target: {
        name: recordedTargetName(records),
        endpoint: `recording: ${paths.join(' ')}`,
        region: single(cases.map((r) => r.record.region), 'several regions', 'unknown region'),
        transport: single<TransportName>(cases.map((r) => r.record.target?.transport), DEFAULT_TRANSPORT, DEFAULT_TRANSPORT),
      },
      seed: 0,
      runs: 0,
      startedAt: startedAt.toISOString(),
      toolVersion: toolVersion(),
      modelDate: contract.modelDate,
      rulesInContract: contract.rules.length,
    },
    outcome.results,
    [],
    finishedAt,
  );
  const notes = [...(report.notes ?? []), ...judgeNotes(outcome)];
  return {
    ...report,
    ...(notes.length ? { notes } : {}),
    recording: {
      paths: [...paths],
      records: outcome.records,
      fixtures: outcome.fixtures,
      judged: new Set(outcome.judged.map((j) => j.record)).size,
      evidence: new Set(outcome.judged.filter((j) => j.mode === 'evidence').map((j) => j.record)).size,
      ...(dates.length ? { recordedFrom: dates[0], recordedTo: dates[dates.length - 1] } : {}),
    },
  };
}
