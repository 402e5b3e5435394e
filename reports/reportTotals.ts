import type { RunReport } from './runReport.js';
import type { RuleStatus } from './ruleResult.js';
import { AREAS, areaOf } from './ruleArea.js';

export type StatusCounts = Record<RuleStatus, number>;

const zero = (): StatusCounts => ({ passed: 0, failed: 0, skipped: 0, error: 0 });

/** Totals by area and by evidence level, for the Markdown and HTML scorecards. */
export function reportTotals(report: RunReport): { byArea: [string, StatusCounts][]; byEvidence: [string, StatusCounts][] } {
  const byArea = new Map<string, StatusCounts>(AREAS.map((a) => [a.area, zero()]));
  const byEvidence = new Map<string, StatusCounts>(['observed', 'model', 'documented', 'inferred'].map((e) => [e, zero()]));
  for (const r of report.rules) {
    const area = areaOf(r.kind);
    if (!byArea.has(area)) byArea.set(area, zero());
    (byArea.get(area) as StatusCounts)[r.status]++;
    (byEvidence.get(r.evidence) as StatusCounts)[r.status]++;
  }
  const nonEmpty = (m: Map<string, StatusCounts>) => [...m].filter(([, c]) => c.passed + c.failed + c.skipped + c.error > 0);
  return { byArea: nonEmpty(byArea), byEvidence: nonEmpty(byEvidence) };
}
