import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { answeredClient } from './lifecycleExchange.js';
import { priorClient } from './lifecycleModel.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { brief } from './shown.js';

export const UPDATE_KEEPS_NAME_RULE_ID = 'lifecycle.update-keeps-name';

/**
 * An accepted Update that names no ClientName answers the name the client had (docs/lifecycle.md "Evidence"
 * L4: the one member an Update does not reset), and one that names it answers the new name.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const at = priorClient(history);
  if (!at || at.last.operation !== 'UpdateUserPoolClient' || !at.before || at.before.deleted) return [];
  const client = answeredClient(at.last);
  if (!client) return [];
  const sent = at.last.request.ClientName;
  const expected = sent ?? at.before.name;
  if (client.ClientName === expected) {
    return [{ ruleId: UPDATE_KEEPS_NAME_RULE_ID, ok: true, message: sent === undefined ? 'an Update without ClientName kept the name' : 'an Update with ClientName set it' }];
  }
  return [{
    ruleId: UPDATE_KEEPS_NAME_RULE_ID,
    ok: false,
    message: `${sent === undefined ? 'an Update without ClientName' : 'an Update naming ClientName'} answered ClientName ${brief(client.ClientName)} instead of ${brief(expected)}`,
    expected: { ClientName: expected },
    observed: { ClientName: client.ClientName ?? '(absent)' },
  }];
}

export const updateKeepsNameJudge = defineLifecycleJudge({ id: 'update-keeps-name', rules: [UPDATE_KEEPS_NAME_RULE_ID], judge });
