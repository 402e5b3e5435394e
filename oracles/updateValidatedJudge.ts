import { ruleById } from '../contract/contract.js';
import type { PoolContext } from '../contract/poolContext.js';
import { requestViolations } from '../contract/requestViolations.js';
import type { RecordedExchange, RecordedPool } from '../targets/recording/recordedExchange.js';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { answeredClient, errorTypeOf } from './lifecycleExchange.js';
import { priorClient, type ModelClient } from './lifecycleModel.js';
import { differingMembers } from './updateAnswerIsDescribeJudge.js';
import { shown } from './shown.js';

export const UPDATE_VALIDATED_RULE_ID = 'lifecycle.update-validated';

/** Refusals that say nothing about the request (the service was busy or the client in use): not judged. */
const NOT_ABOUT_THE_REQUEST = new Set(['TooManyRequestsException', 'ThrottlingException', 'ConcurrentModificationException', 'InternalErrorException', 'AccessDeniedException']);

function poolContextOf(pool: RecordedPool | undefined): PoolContext | undefined {
  if (pool?.userPoolId === undefined || pool.exists === false) return undefined;
  return {
    userPoolId: pool.userPoolId,
    customAttributes: pool.customAttributes ?? [],
    resourceServerScopes: pool.resourceServerScopes ?? [],
    identityProviders: pool.identityProviders ?? [],
    requiredAttributes: pool.requiredAttributes ?? [],
  };
}

/**
 * The rules an Update request breaks, judged as Create judges its request (docs/lifecycle.md L10):
 * the name it keeps stands in when it names none, and the secret the client already has stands in
 * for GenerateSecret (the client_credentials flow needs one; an Update cannot make one, L9).
 */
export function updateViolations(request: Readonly<Record<string, unknown>>, client: ModelClient, pool: PoolContext): string[] {
  const { ClientId: _id, ...configuration } = request;
  const asCreate = { ...configuration, ClientName: request.ClientName ?? client.name, ...(client.secret === undefined ? {} : { GenerateSecret: true }) };
  return requestViolations(asCreate, pool);
}

/**
 * An Update the contract expects refused (it breaks a Create rule) is refused with that rule's
 * error type; one it expects accepted is accepted; and a Describe after a refused Update shows the
 * client as the Describe before it did. Judged where the record names its pool's fixtures (`pool`): the existence
 * rules need them.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const at = priorClient(history);
  if (!at?.before || at.before.deleted) return [];
  const { last, before } = at;
  if (last.operation === 'DescribeUserPoolClient' && before.lastWriteRefused) {
    // Compared with a Describe made before the refusal (what the client was, as Describe shows it).
    const was = before.described;
    const described = answeredClient(last);
    if (!described || !was) return [];
    const diff = differingMembers(was, described);
    if (!diff.length) return [{ ruleId: UPDATE_VALIDATED_RULE_ID, ok: true, message: 'a refused Update left the client as it was' }];
    return [{
      ruleId: UPDATE_VALIDATED_RULE_ID, ok: false,
      message: `a refused UpdateUserPoolClient changed the client all the same: ${diff.join(', ')}`,
      expected: Object.fromEntries(diff.map((m) => [m, shown(was[m])])),
      observed: Object.fromEntries(diff.map((m) => [m, shown(described[m])])),
    }];
  }
  if (last.operation !== 'UpdateUserPoolClient' || last.layer === 'sdk-client') return [];
  const pool = poolContextOf(last.pool);
  if (!pool) return [];
  // `contract.*` are the request's own shape faults (a wrong JSON type), not rules an Update answer is judged by.
  const broken = updateViolations(last.request, before, pool).filter((id) => !id.startsWith('contract.'));
  const errorType = errorTypeOf(last);
  if (!broken.length) {
    if (!errorType) return [{ ruleId: UPDATE_VALIDATED_RULE_ID, ok: true, message: 'a valid Update was accepted' }];
    if (NOT_ABOUT_THE_REQUEST.has(errorType)) return [];
    return [{
      ruleId: UPDATE_VALIDATED_RULE_ID, ok: false,
      message: `a valid UpdateUserPoolClient (Create would accept it) was refused with ${errorType}`,
      expected: 'accepted (2xx)', observed: { status: last.response.status, errorType },
    }];
  }
  const types = [...new Set(broken.flatMap((id) => {
    const r = ruleById(id);
    return r.expect.outcome === 'rejected' ? r.expect.errorTypes : [];
  }))];
  if (errorType && (types.length === 0 || types.includes(errorType))) {
    return [{ ruleId: UPDATE_VALIDATED_RULE_ID, ok: true, message: `an Update breaking ${broken.join(', ')} was refused with ${errorType}` }];
  }
  if (errorType && NOT_ABOUT_THE_REQUEST.has(errorType)) return [];
  return [{
    ruleId: UPDATE_VALIDATED_RULE_ID, ok: false,
    message: errorType
      ? `an UpdateUserPoolClient breaking ${broken.join(', ')} was refused with ${errorType}, not ${types.join(' or ')}`
      : `an UpdateUserPoolClient breaking ${broken.join(', ')} was accepted (HTTP ${last.response.status})`,
    expected: { errorTypes: types, breaks: broken },
    observed: { status: last.response.status, ...(errorType ? { errorType } : {}) },
  }];
}

export const updateValidatedJudge = defineLifecycleJudge({ id: 'update-validated', rules: [UPDATE_VALIDATED_RULE_ID], judge });
