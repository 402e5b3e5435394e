import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { errorTypeOf, poolIdOf } from './lifecycleExchange.js';
import { priorClient } from './lifecycleModel.js';

/** The probe rule of each lookup (contract/probeRules.ts), judged on the sequences' own exchanges too. */
export const UNKNOWN_CLIENT_RULES: Readonly<Record<string, string>> = {
  DescribeUserPoolClient: 'probe.unknown-client.describe',
  UpdateUserPoolClient: 'probe.unknown-client.update',
  DeleteUserPoolClient: 'probe.unknown-client.delete',
};

/**
 * A Describe, Update or Delete of a ClientId the history never made is ResourceNotFoundException,
 * HTTP 400 (docs/lifecycle.md L11). Only in a pool where the history itself created clients: a
 * sequence of ours knows every client it may name, while a lone recording of someone's Describe
 * names a client made elsewhere.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const at = priorClient(history);
  if (!at || at.before || at.last.layer === 'sdk-client') return [];
  const ruleId = UNKNOWN_CLIENT_RULES[at.last.operation];
  if (ruleId === undefined || typeof at.last.request.ClientId !== 'string') return [];
  if (!at.model.poolsWithCreates.has(poolIdOf(at.last) ?? '')) return [];
  const errorType = errorTypeOf(at.last);
  if (errorType === 'ResourceNotFoundException' && at.last.response.status === 400) {
    return [{ ruleId, ok: true, message: `${at.last.operation} of a ClientId the pool never held: ResourceNotFoundException` }];
  }
  return [{
    ruleId, ok: false,
    message: `${at.last.operation} of a ClientId the pool never held answered HTTP ${at.last.response.status}${errorType ? ` ${errorType}` : ''}`,
    expected: { status: 400, errorType: 'ResourceNotFoundException' },
    observed: { status: at.last.response.status, ...(errorType ? { errorType } : {}) },
  }];
}

export const unknownClientJudge = defineLifecycleJudge({ id: 'unknown-client', rules: Object.values(UNKNOWN_CLIENT_RULES), judge });
