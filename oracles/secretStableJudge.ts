import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { answeredClient } from './lifecycleExchange.js';
import { priorClient } from './lifecycleModel.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { ABSENT } from './shown.js';

export const SECRET_STABLE_RULE_ID = 'lifecycle.secret-stable';

/**
 * Every accepted Describe and Update of a client answers the ClientSecret its Create answered, and
 * none to a client made without one (docs/lifecycle.md L9). Recordings mask secrets with numbered
 * labels (targets/recording/recordingTarget.ts), so equal secrets stay equal there too.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const at = priorClient(history);
  if (!at?.before || at.before.deleted) return [];
  if (at.last.operation !== 'DescribeUserPoolClient' && at.last.operation !== 'UpdateUserPoolClient') return [];
  const client = answeredClient(at.last);
  if (!client) return [];
  const want = at.before.secret;
  if (client.ClientSecret === want) return [{ ruleId: SECRET_STABLE_RULE_ID, ok: true, message: want === undefined ? 'no secret, as created' : 'the secret Create answered' }];
  const what = want === undefined ? 'a ClientSecret on a client created without one'
    : client.ClientSecret === undefined ? 'no ClientSecret for a client created with one' : 'another ClientSecret than Create answered';
  return [{
    ruleId: SECRET_STABLE_RULE_ID,
    ok: false,
    message: `${at.last.operation} answered ${what}`,
    expected: { ClientSecret: want === undefined ? ABSENT : 'the secret Create answered' },
    observed: { ClientSecret: client.ClientSecret === undefined ? ABSENT : want === undefined ? 'a secret' : 'another secret' },
  }];
}

export const secretStableJudge = defineLifecycleJudge({ id: 'secret-stable', rules: [SECRET_STABLE_RULE_ID], judge });
