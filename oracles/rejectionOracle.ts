import { contract } from '../contract/contract.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import { brief } from './shown.js';

/** Every rule a request can break and the service must reject (`expect.outcome === 'rejected'`). */
const rejectionRules: readonly string[] = contract.rules.filter((r) => r.expect.outcome === 'rejected').map((r) => r.id);
const own = new Set(rejectionRules);

/**
 * An invalid case (one that carries `why`) is rejected: never a 2xx, one of the error types its
 * `why` expects, the status it expects, and a non-empty message. The verdict is for the rule the
 * case breaks (`why.ruleId`). An answer the SDK client produced before sending says nothing about
 * the target, so it is not judged.
 */
function judge(o: Observation): Judgement[] {
  const why = o.testCase.why;
  if (!why || !own.has(why.ruleId) || o.create.layer === 'sdk-client') return [];
  const { status, errorType, errorMessage } = o.create;
  const expected = { status: why.expected.status, errorTypes: why.expected.errorTypes };
  const observed = { status, errorType };
  if (isSuccessStatus(status)) {
    return [{ ruleId: why.ruleId, ok: false, message: `invalid request accepted (HTTP ${status}); breaks ${why.ruleId} at ${why.path}`, expected, observed }];
  }
  const problems: string[] = [];
  if (!errorType) problems.push('no error type');
  else if (!why.expected.errorTypes.includes(errorType)) problems.push(`error type ${errorType}, expected ${why.expected.errorTypes.join(' or ')}`);
  if (status !== why.expected.status) problems.push(`HTTP ${status}, expected ${why.expected.status}`);
  if (typeof errorMessage !== 'string' || errorMessage.trim() === '') problems.push('empty error message');
  if (!problems.length) return [{ ruleId: why.ruleId, ok: true, message: `rejected with ${errorType} (HTTP ${status})`, expected, observed }];
  const said = typeof errorMessage === 'string' && errorMessage.trim() !== '' ? ` — target said ${brief(errorMessage)}` : '';
  return [{ ruleId: why.ruleId, ok: false, message: `${problems.join('; ')}${said}`, expected, observed }];
}

export const rejectionOracle = defineOracle({ id: 'rejection', rules: rejectionRules, judge });
