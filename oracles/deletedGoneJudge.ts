import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { clientKey, errorTypeOf, poolIdOf } from './lifecycleExchange.js';
import { lifecycleModel, priorClient } from './lifecycleModel.js';
import { listingPage } from './listingPages.js';

export const DELETED_GONE_RULE_ID = 'lifecycle.deleted-gone';

const LOOKUPS = new Set(['DescribeUserPoolClient', 'UpdateUserPoolClient', 'DeleteUserPoolClient']);

/**
 * After an accepted Delete, the client is gone (docs/lifecycle.md L11, L12): a Describe, Update or
 * second Delete of it is ResourceNotFoundException with HTTP 400, and no listing page shows it.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const last = history.at(-1);
  if (!last || last.layer === 'sdk-client') return [];
  if (last.operation === 'ListUserPoolClients') {
    const page = listingPage(last, history.length - 1);
    if (!page) return [];
    const model = lifecycleModel(history.slice(0, -1));
    const pool = poolIdOf(last);
    const shown = page.clientIds.filter((id) => model.clients.get(clientKey(pool, id))?.deleted === true);
    if (!shown.length) return [];
    return [{ ruleId: DELETED_GONE_RULE_ID, ok: false, message: `ListUserPoolClients shows ${shown.length} deleted client(s): ${shown.join(', ')}`, expected: 'no deleted client listed', observed: { deletedListed: shown } }];
  }
  if (!LOOKUPS.has(last.operation)) return [];
  const at = priorClient(history);
  if (!at?.before?.deleted) return [];
  const errorType = errorTypeOf(last);
  if (errorType === 'ResourceNotFoundException' && last.response.status === 400) {
    return [{ ruleId: DELETED_GONE_RULE_ID, ok: true, message: `${last.operation} of a deleted client: ResourceNotFoundException` }];
  }
  return [{
    ruleId: DELETED_GONE_RULE_ID, ok: false,
    message: `${last.operation} of a deleted client answered HTTP ${last.response.status}${errorType ? ` ${errorType}` : ''}`,
    expected: { status: 400, errorType: 'ResourceNotFoundException' },
    observed: { status: last.response.status, ...(errorType ? { errorType } : {}) },
  }];
}

export const deletedGoneJudge = defineLifecycleJudge({ id: 'deleted-gone', rules: [DELETED_GONE_RULE_ID], judge });
