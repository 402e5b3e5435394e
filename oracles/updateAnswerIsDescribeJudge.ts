import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { compareAsSets } from './compareAsSets.js';
import { deepEqual } from './deepEqual.js';
import type { JsonObject } from './jsonObject.js';
import { answeredClient } from './lifecycleExchange.js';
import { priorClient } from './lifecycleModel.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { shown } from './shown.js';

export const UPDATE_ANSWER_IS_DESCRIBE_RULE_ID = 'lifecycle.update-answer-is-describe';

/** Members that differ between two answers for one client; lists compared as sets (AWS reorders them). */
export function differingMembers(a: JsonObject, b: JsonObject): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((m) => {
    const x = a[m];
    const y = b[m];
    if (Array.isArray(x) && Array.isArray(y)) return !compareAsSets(x, y).equal;
    return !deepEqual(x, y);
  });
}

/**
 * A Describe of a client whose last accepted write was an Update answers what that Update answered
 * (docs/lifecycle.md L7: the Update answer is the whole client, as Describe returns it). A Describe
 * after a refused Update is lifecycle.update-validated's (the client is unchanged), not this rule's.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const at = priorClient(history);
  if (!at || at.last.operation !== 'DescribeUserPoolClient' || !at.before || at.before.deleted || at.before.lastWriteRefused) return [];
  if (at.before.answer === at.before.created) return [];
  const described = answeredClient(at.last);
  if (!described) return [];
  const diff = differingMembers(at.before.answer, described);
  if (!diff.length) return [{ ruleId: UPDATE_ANSWER_IS_DESCRIBE_RULE_ID, ok: true, message: 'the Describe after an Update answered what the Update answered' }];
  return [{
    ruleId: UPDATE_ANSWER_IS_DESCRIBE_RULE_ID,
    ok: false,
    message: `the Describe after an Update differs from the Update's answer in ${diff.join(', ')}`,
    expected: Object.fromEntries(diff.map((m) => [m, shown(at.before?.answer[m])])),
    observed: Object.fromEntries(diff.map((m) => [m, shown(described[m])])),
  }];
}

export const updateAnswerIsDescribeJudge = defineLifecycleJudge({ id: 'update-answer-is-describe', rules: [UPDATE_ANSWER_IS_DESCRIBE_RULE_ID], judge });
