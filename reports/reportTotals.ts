import { ALL_EVIDENCE } from '../contract/rule.js';
import type { RunReport } from './runReport.js';
import { AREAS, areaOf } from './ruleArea.js';
import { countVerdicts, type VerdictCounts } from './verdict.js';

export interface ReportTotals {
  all: VerdictCounts;
  byArea: [string, VerdictCounts][];
  byEvidence: [string, VerdictCounts][];
}

function groups(report: RunReport, keys: readonly string[], keyOf: (r: RunReport['rules'][number]) => string): [string, VerdictCounts][] {
  const order = [...keys, ...report.rules.map(keyOf).filter((k) => !keys.includes(k))];
  return [...new Set(order)]
    .map((key): [string, VerdictCounts] => [key, countVerdicts(report.rules.filter((r) => keyOf(r) === key))])
    .filter(([, c]) => Object.values(c).some((n) => n > 0));
}

/** Verdict counts of the whole run, by area and by evidence level, for every report's tables. */
export function reportTotals(report: RunReport): ReportTotals {
  return {
    all: countVerdicts(report.rules),
    byArea: groups(report, AREAS.map((a) => a.area), (r) => areaOf(r.kind)),
    // In the contract's order of evidence levels; a level a newer report has goes last.
    byEvidence: groups(report, ALL_EVIDENCE, (r) => r.evidence),
  };
}
