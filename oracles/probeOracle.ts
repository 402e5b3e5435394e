import { PROBES, probeById } from '../contract/probeRules.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import { brief } from './shown.js';

/**
 * A probe (contract/probeRules.ts) is refused with one of its error types and statuses. The type is
 * the exchange's, which the transport read from the header, `code` or `__type` and stripped of
 * `ns#` and `:uri` as the protocol says; the body, headers and message are other rules'. An answer
 * the SDK client produced before sending is not judged.
 */
function judge(o: Observation): Judgement[] {
  const probe = o.testCase.probe === undefined ? undefined : probeById(o.testCase.probe);
  if (!probe || o.create.layer === 'sdk-client') return [];
  const { status, errorType, errorMessage } = o.create;
  const expected = { errorTypes: probe.errorTypes, status: probe.statuses.length === 1 ? probe.statuses[0] : probe.statuses };
  const observed = { status, errorType: errorType ?? null, ...(errorMessage === undefined ? {} : { message: errorMessage }) };
  const what = `${probe.operation}${o.testCase.rawBody === undefined ? '' : ' with a body that is not JSON'}`;
  if (isSuccessStatus(status)) {
    return [{ ruleId: probe.id, ok: false, message: `${what} accepted (HTTP ${status}); real AWS refuses it with ${probe.errorTypes.join(' or ')}`, expected, observed: { status, body: o.create.body ?? brief(o.create.rawBody) } }];
  }
  const problems: string[] = [];
  if (!errorType) problems.push('no error type');
  else if (!probe.errorTypes.includes(errorType)) problems.push(`error type ${errorType}, expected ${probe.errorTypes.join(' or ')}`);
  if (!probe.statuses.includes(status)) problems.push(`HTTP ${status}, expected ${probe.statuses.join(' or ')}`);
  if (!problems.length) return [{ ruleId: probe.id, ok: true, message: `${what} refused with ${errorType} (HTTP ${status})` }];
  return [{ ruleId: probe.id, ok: false, message: `${what}: ${problems.join('; ')}`, expected, observed }];
}

export const probeOracle = defineOracle({ id: 'probe', rules: PROBES.map((p) => p.id), judge, judgesProbes: true });
