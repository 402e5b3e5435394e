import type { JudgeOutcome } from './judgeRecords.js';

/**
 * Which recorded exchanges show each rule: the records a rule was judged on and passed. This is
 * what the `observed` evidence of a rule links to, and the date of the newest one tells how fresh
 * a rule is: a rule last seen holding in 2019 may no longer hold (the refresh-token rule was).
 */
export interface RuleObservation {
  /** Record ids (or `file:line`), oldest first. */
  records: string[];
  /** The day (YYYY-MM-DD) of the newest of them. */
  newest: string;
}

export function ruleObservations(outcome: JudgeOutcome): Map<string, RuleObservation> {
  const seen = new Map<string, Map<string, string>>();
  for (const j of outcome.judged) {
    const failed = new Set(j.verdicts.filter((v) => !v.ok).map((v) => v.ruleId));
    for (const v of j.verdicts) {
      if (!v.ok || failed.has(v.ruleId)) continue;
      const byRecord = seen.get(v.ruleId) ?? new Map<string, string>();
      byRecord.set(j.record.key, j.record.record.recordedAt.slice(0, 10));
      seen.set(v.ruleId, byRecord);
    }
  }
  const out = new Map<string, RuleObservation>();
  for (const [ruleId, byRecord] of seen) {
    const records = [...byRecord].sort(([a, da], [b, db]) => (da < db ? -1 : da > db ? 1 : a < b ? -1 : 1));
    out.set(ruleId, { records: records.map(([key]) => key), newest: records[records.length - 1][1] });
  }
  return out;
}
