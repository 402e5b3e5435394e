import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { LIST_SHAPE_RULE_ID, listShapeJudgements } from './listShapeOracle.js';

/**
 * consistency.list-shape on every page a lifecycle sequence lists (docs/lifecycle.md L13: items are
 * ClientId, UserPoolId and ClientName, never a secret), not only the one listing after a create.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const last = history.at(-1);
  if (last?.operation !== 'ListUserPoolClients') return [];
  return listShapeJudgements({ status: last.response.status, body: last.response.body, ...(last.layer ? { layer: last.layer } : {}) });
}

export const listingShapeJudge = defineLifecycleJudge({ id: 'listing-shape', rules: [LIST_SHAPE_RULE_ID], judge });
