import { ruleById } from '../contract/contract.js';
import { lifecycleJudgesFor } from '../oracles/lifecycleJudges.js';
import type { Verdict } from '../oracles/verdict.js';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import type { JudgedRecord } from './judgeRecords.js';

/**
 * The lifecycle sequences of a `run --record` recording, judged again as runner/checkLifecycleRule.ts
 * judged them: the records of one sequence (tagged with its lifecycle rule and case) in order, each
 * judged by the rule's judges given every record before it. One judged entry per sequence: the
 * record of its first failing verdict, or its last judged record.
 */
function isLifecycleRule(id: string): boolean {
  try {
    return ruleById(id).kind === 'lifecycle';
  } catch {
    return false;
  }
}

export function judgeLifecycleRecords(records: readonly LoadedRecord[]): JudgedRecord[] {
  const groups = new Map<string, { rule: string; records: LoadedRecord[] }>();
  for (const r of records) {
    const { rule, fixture } = r.record;
    if (rule === undefined || fixture === true || r.record.case === undefined || !isLifecycleRule(rule)) continue;
    const key = JSON.stringify([r.file, rule, r.record.case]);
    const g = groups.get(key) ?? { rule, records: [] };
    g.records.push(r);
    groups.set(key, g);
  }
  const out: JudgedRecord[] = [];
  for (const { rule, records: sequence } of groups.values()) {
    const judges = lifecycleJudgesFor(rule);
    const history: RecordedExchange[] = [];
    const verdicts: Verdict[] = [];
    let at: LoadedRecord | undefined;
    for (const r of sequence) {
      history.push(r.record);
      const here = judges.flatMap((j) => j.judge(history)).filter((v) => v.ruleId === rule);
      if (here.length) at = r;
      verdicts.push(...here);
      if (here.some((v) => !v.ok)) break;
    }
    const record = at ?? sequence[0];
    if (!record) continue;
    out.push({
      record, related: sequence.filter((r) => r !== record), mode: 'case', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, verdicts, notJudged: [],
    });
  }
  return out;
}
