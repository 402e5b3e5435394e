import { contract } from '../contract/contract.js';
import type { RuleResult } from './ruleResult.js';
import type { RunReport } from './runReport.js';
import { verdictOf, type Verdict } from './verdict.js';

/**
 * `matrix`: rules as rows, targets or recordings as columns, each cell the rule's verdict in that
 * report. Columns that speak for AWS — a run against AWS, or `judge` over recorded AWS exchanges —
 * are the reference: rows where AWS and an emulator disagree (one passed, the other failed) come
 * first, since those are the emulator's departures from AWS, or the contract's from AWS.
 */
export interface MatrixColumn {
  label: string;
  /** The report it comes from. */
  path: string;
  target: string;
  /** True for reports of `judge` (they carry `recording`). */
  recording: boolean;
  /** A run against AWS or a recording of AWS exchanges. */
  aws: boolean;
  /** When the report was made (its finishedAt), or the span of the recording. */
  when: string;
}

export type Cell = { verdict: Verdict; reason?: string; cases: number } | undefined;

export interface MatrixRow {
  id: string;
  evidence?: string;
  statement?: string;
  cells: Cell[];
  /** An AWS column and an emulator column where one passed and the other failed. */
  disagree: boolean;
}

export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  disagreements: number;
}

interface ReportLike extends RunReport {
  recording?: { paths?: string[]; recordedFrom?: string; recordedTo?: string };
}

function isAws(report: ReportLike): boolean {
  return report.target.name.split('+').includes('aws');
}

const judged = (c: Cell): c is NonNullable<Cell> => c !== undefined && (c.verdict === 'passed' || c.verdict === 'failed' || c.verdict === 'unconfirmed');
const passed = (c: NonNullable<Cell>) => c.verdict === 'passed';

function columnOf(report: ReportLike, path: string): MatrixColumn {
  const recording = report.recording !== undefined;
  const when = recording && report.recording?.recordedFrom
    ? `${report.recording.recordedFrom.slice(0, 10)}…${(report.recording.recordedTo ?? '').slice(0, 10)}`
    : report.finishedAt.slice(0, 10);
  return { label: `${report.target.name}${recording ? ' (recording)' : ''}`, path, target: report.target.name, recording, aws: isAws(report), when };
}

/** Labels made unique by their report's directory when two columns would read the same. */
function uniqueLabels(columns: MatrixColumn[]): void {
  const count = new Map<string, number>();
  for (const c of columns) count.set(c.label, (count.get(c.label) ?? 0) + 1);
  for (const c of columns) {
    if ((count.get(c.label) ?? 0) < 2) continue;
    const dir = c.path.replace(/[\\/]?report\.json$/, '').split(/[\\/]/).filter(Boolean).pop() ?? c.path;
    c.label = `${c.label} [${dir}]`;
  }
}

export function buildMatrix(reports: readonly ReportLike[], paths: readonly string[]): Matrix {
  const columns = reports.map((r, i) => columnOf(r, paths[i] ?? `report ${i + 1}`));
  uniqueLabels(columns);
  const byId = reports.map((r) => new Map<string, RuleResult>(r.rules.map((x) => [x.id, x])));
  const order = new Map(contract.rules.map((r, i) => [r.id, i]));
  const ids = [...new Set(reports.flatMap((r) => r.rules.map((x) => x.id)))].sort(
    (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const rows: MatrixRow[] = ids.map((id) => {
    const rule = contract.rules.find((r) => r.id === id);
    const first = byId.map((m) => m.get(id)).find((x) => x !== undefined);
    const cells: Cell[] = byId.map((m) => {
      const r = m.get(id);
      return r ? { verdict: verdictOf(r), cases: r.cases, ...(r.reason ? { reason: r.reason } : {}) } : undefined;
    });
    const awsCells = cells.filter((c, i) => columns[i]?.aws && judged(c)) as NonNullable<Cell>[];
    const otherCells = cells.filter((c, i) => !columns[i]?.aws && judged(c)) as NonNullable<Cell>[];
    const disagree = awsCells.some((a) => otherCells.some((o) => passed(a) !== passed(o)));
    return { id, evidence: rule?.evidence ?? first?.evidence, statement: rule?.statement ?? first?.statement, cells, disagree };
  });
  // Disagreements first; within each group, contract order (a stable sort keeps it).
  rows.sort((a, b) => Number(b.disagree) - Number(a.disagree));
  return { columns, rows, disagreements: rows.filter((r) => r.disagree).length };
}

const SYMBOL: Record<Verdict, string> = { passed: '✅', failed: '❌', unconfirmed: '❔', skipped: '⏭', incomplete: '⏸', interrupted: '⏹', error: '⚠️' };

/** The text of a cell, the same in Markdown and HTML. */
export function cellText(c: Cell): string {
  return c ? `${SYMBOL[c.verdict]} ${c.verdict}` : '—';
}
