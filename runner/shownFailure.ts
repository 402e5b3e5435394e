import type { Observation } from '../oracles/observation.js';
import { redactExpectation, redactSecrets, secretsIn } from '../oracles/redact.js';
import type { Verdict } from '../oracles/verdict.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';

/** What a report shows of one failure: the reason, the request, what was expected and what was observed. */
export interface ShownFailure {
  reason: string;
  counterexample: unknown;
  expected: unknown;
  observed: unknown;
}

/** The create's answer in brief, when the oracle named no observed value of its own. */
export function observedSummary(o: Observation): Record<string, unknown> {
  const c = o.create;
  return {
    status: c.status,
    ...(c.errorType ? { errorType: c.errorType } : {}),
    ...(c.errorMessage ? { message: c.errorMessage } : {}),
    ...(isSuccessStatus(c.status) ? { body: c.body } : {}),
    ...(c.sdk ? { layer: c.layer ?? 'server', sdk: c.sdk } : {}),
  };
}

/**
 * A failing verdict as every report shows it (runner/checkRule.ts): secrets masked by key in the
 * request and the observation, and their values wherever else they were quoted (messages); the
 * expectation keeps what it says about a secret (a pattern, "present") and loses only secret
 * values (redactExpectation). When a failure involves several secrets, each label carries the
 * secret's number (`<redacted:52 chars #2>`), so that "Describe returned another secret than
 * Create" does not read as two identical masks.
 */
export function shownFailure(verdict: Verdict, o: Observation): ShownFailure {
  const known = secretsIn(o.testCase.request, o.create.body, o.describe?.body);
  return {
    reason: redactSecrets(verdict.message, known),
    counterexample: redactSecrets(o.testCase.request, known),
    expected: redactExpectation(verdict.expected ?? o.testCase.why?.expected, known),
    observed: redactSecrets(verdict.observed ?? observedSummary(o), known),
  };
}
