import type { LifecycleJudge } from '../oracles/lifecycleJudge.js';
import { lifecycleJudges } from '../oracles/lifecycleJudges.js';
import type { Verdict } from '../oracles/verdict.js';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import type { JudgedRecord, NotJudged } from './judgeRecords.js';
import { lifecycleHistories } from './lifecycleHistories.js';

/**
 * `judge` under the lifecycle rules (contract/lifecycleRules.ts): every history of the records
 * (runner/lifecycleHistories.ts) is fed to every lifecycle judge one prefix at a time, so that each
 * exchange is judged given everything answered before it on its pool, as the live lifecycle runner
 * judges it.
 *
 * Which exchanges are judged, as for the other rules:
 * - a case of a run recording (a record tagged with a rule) not here: a lifecycle case is judged
 *   with its own sequence (runner/judgeLifecycleRecords.ts), a Create rule's case is not one;
 * - a fixture exchange never (it is history only);
 * - any other record (the evidence corpus, another tool's recording) on every lifecycle rule.
 *
 * An exchange the judges cannot read whole is not judged, and the rules they would have judged on
 * it say why instead: its response body not shown or an SDK-side answer (such a record is not in
 * the history either, runner/lifecycleHistories.ts), or a request known only in part (an omitted
 * member may have been sent, and the lifecycle rules judge what a request left out).
 */

/**
 * Which of a record's verdicts count: all for a record outside a run; none for a run's records
 * (fixtures are history only; a lifecycle case is judged with its own sequence, as the run judged
 * it, by runner/judgeLifecycleRecords.ts; another rule's case is not a lifecycle case).
 */
function judgedRules(r: LoadedRecord): 'all' | undefined {
  const { fixture, rule } = r.record;
  return fixture !== true && rule === undefined ? 'all' : undefined;
}

function isPartialRequest(r: LoadedRecord): boolean {
  return (r.record.partial ?? []).some((p) => p === 'request');
}

function emptyJudged(record: LoadedRecord, related: LoadedRecord[]): JudgedRecord {
  return { record, related, mode: 'lifecycle', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, verdicts: [], notJudged: [] };
}

function judge(judges: readonly LifecycleJudge[], history: readonly RecordedExchange[], which: 'all' | string): Verdict[] {
  return judges.flatMap((j) => j.judge(history)).filter((v) => which === 'all' || v.ruleId === which);
}

/** The rules the judges would have judged on an exchange they cannot read, each with why not. */
function notJudgedOn(verdicts: readonly Verdict[], reason: string): NotJudged[] {
  return [...new Set(verdicts.map((v) => v.ruleId))].map((ruleId) => ({ ruleId, reason }));
}

/** The lifecycle verdicts of every judged exchange; `judges` defaults to the registry. */
export function judgeLifecycle(records: readonly LoadedRecord[], judges: readonly LifecycleJudge[] = lifecycleJudges): JudgedRecord[] {
  if (judges.length === 0) return [];
  const out: JudgedRecord[] = [];
  for (const history of lifecycleHistories(records)) {
    const exchanges = history.records.map((r) => r.record);
    for (const { record, reason, after } of history.left) {
      const which = judgedRules(record);
      if (which === undefined) continue;
      const would = notJudgedOn(judge(judges, [...exchanges.slice(0, after), record.record], which), reason);
      if (would.length) out.push({ ...emptyJudged(record, history.records.slice(0, after)), notJudged: would });
    }
    history.records.forEach((r, i) => {
      const which = judgedRules(r);
      if (which === undefined) return;
      const related = history.records.slice(0, i);
      const verdicts = judge(judges, exchanges.slice(0, i + 1), which);
      if (!verdicts.length) return;
      if (isPartialRequest(r)) out.push({ ...emptyJudged(r, related), notJudged: notJudgedOn(verdicts, 'the request is known only in part: an omitted member may have been sent') });
      else out.push({ ...emptyJudged(r, related), verdicts });
    });
  }
  return out;
}
