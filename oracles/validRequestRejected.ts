import type { Observation } from './observation.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';

/**
 * When a valid case (no `why`) was rejected, the one-line reason every rule that expects the
 * request to be accepted fails with; undefined otherwise. Invalid cases are the rejection
 * oracle's business, not this one's.
 */
export function validRequestRejected(o: Observation): string | undefined {
  if (o.testCase.why || isSuccessStatus(o.create.status)) return undefined;
  const who = o.create.layer === 'sdk-client' ? ' by the SDK client before sending' : '';
  return `valid request rejected${who}: ${o.create.errorType ?? 'no error type'} (HTTP ${o.create.status})`;
}
