import { contract } from '../contract/contract.js';
import type { LifecycleJudge } from '../oracles/lifecycleJudge.js';
import { lifecycleJudges } from '../oracles/lifecycleJudges.js';
import type { Verdict } from '../oracles/verdict.js';
import type { LoadedRecord } from '../targets/recordedExchange.js';
import type { JudgedRecord, NotJudged } from './judgeRecords.js';
import { lifecycleHistories } from './lifecycleHistories.js';

/**
 * `judge` under the lifecycle rules (contract/lifecycleRules.ts): every history of the records
 * (runner/lifecycleHistories.ts) is fed to every lifecycle judge one prefix at a time, so that each
 * exchange is judged given everything answered before it on its pool, as the live lifecycle runner
 * judges it.
 *
 * Which exchanges are judged, as for the other rules:
 * - a case of a run recording (a record tagged with a rule) only when its rule is a lifecycle rule,
 *   and only on that rule: the run judged it so (a Create rule's listings are not lifecycle cases);
 * - a fixture exchange never (it is history only);
 * - any other record (the evidence corpus, another tool's recording) on every lifecycle rule.
 *
 * An Update, Describe, List or Delete the judges cannot read is not judged, and its rules say why:
 * its response body not shown, an SDK-side answer, or a request known only in part (an omitted
 * member may have been sent, and the lifecycle rules judge what the request left out).
 */
const LIFECYCLE_OPERATIONS: ReadonlySet<string> = new Set(['DescribeUserPoolClient', 'UpdateUserPoolClient', 'ListUserPoolClients', 'DeleteUserPoolClient']);

const LIFECYCLE_RULES: ReadonlySet<string> = new Set(contract.rules.filter((r) => r.kind === 'lifecycle').map((r) => r.id));

function isLifecycleRule(id: string | undefined): boolean {
  return id !== undefined && LIFECYCLE_RULES.has(id);
}

/** Which of a record's verdicts count: all for a record outside a run, its rule's for a case; none otherwise. */
function judgedRules(r: LoadedRecord): 'all' | string | undefined {
  const { fixture, rule } = r.record;
  if (fixture === true) return undefined;
  if (rule === undefined) return 'all';
  return isLifecycleRule(rule) ? rule : undefined;
}

function isPartialRequest(r: LoadedRecord): boolean {
  return (r.record.partial ?? []).some((p) => p === 'request');
}

function emptyJudged(record: LoadedRecord, related: LoadedRecord[]): JudgedRecord {
  return { record, related, mode: 'lifecycle', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, verdicts: [], notJudged: [] };
}

function notJudgedOn(judges: readonly LifecycleJudge[], which: 'all' | string, reason: string): NotJudged[] {
  const ids = [...new Set(judges.flatMap((j) => j.rules))].filter((id) => which === 'all' || id === which);
  return ids.map((ruleId) => ({ ruleId, reason }));
}

/** The lifecycle verdicts of every judged exchange; `judges` defaults to the registry. */
export function judgeLifecycle(records: readonly LoadedRecord[], judges: readonly LifecycleJudge[] = lifecycleJudges): JudgedRecord[] {
  if (judges.length === 0) return [];
  const out: JudgedRecord[] = [];
  for (const history of lifecycleHistories(records)) {
    for (const { record, reason } of history.left) {
      const which = judgedRules(record);
      if (which === undefined || !LIFECYCLE_OPERATIONS.has(record.record.operation)) continue;
      out.push({ ...emptyJudged(record, []), notJudged: notJudgedOn(judges, which, reason) });
    }
    const exchanges = history.records.map((r) => r.record);
    history.records.forEach((r, i) => {
      const which = judgedRules(r);
      if (which === undefined) return;
      const related = history.records.slice(0, i);
      if (isPartialRequest(r)) {
        if (LIFECYCLE_OPERATIONS.has(r.record.operation)) {
          out.push({ ...emptyJudged(r, related), notJudged: notJudgedOn(judges, which, 'the request is known only in part: an omitted member may have been sent') });
        }
        return;
      }
      const prefix = exchanges.slice(0, i + 1);
      const verdicts: Verdict[] = judges.flatMap((j) => j.judge(prefix)).filter((v) => which === 'all' || v.ruleId === which);
      if (verdicts.length) out.push({ ...emptyJudged(r, related), verdicts });
    });
  }
  return out;
}
