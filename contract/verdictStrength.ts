import type { Rule } from './rule.js';

/**
 * How much a failure of a rule says. A *confirmed* rule states what AWS is known, documented or
 * bound to do: real responses (`observed`), the service model (`model`), AWS documentation
 * (`documented`), or the meaning of the API itself (`invariant`). Its failure fails the run.
 *
 * An *unconfirmed* rule is a reading nobody has seen AWS confirm: `inferred` evidence (guesses about
 * validation, such as the logout-URL rules or the analytics combinations), or sources that
 * disagree without a real response settling it: an `unresolved` conflict, or a `disputed` one on a
 * rule that no real response backs. A `superseded` claim is settled and does not count, and neither
 * does a claim that disputes an `observed` rule: where real AWS and its documentation disagree,
 * real AWS is the expectation (the conflict is still shown in every report). Its failure is shown
 * as unconfirmed and fails the run only with `--strict`.
 */
export type RuleForStrength = Pick<Rule, 'evidence' | 'conflicts'>;

/** Why a failure of this rule is unconfirmed, or undefined when the rule is confirmed. */
export function unconfirmedBecause(rule: RuleForStrength): string | undefined {
  if (rule.evidence === 'inferred') return 'its evidence is inferred: no real response or AWS document shows it';
  const open = (rule.conflicts ?? []).filter((c) => c.status === 'unresolved' || (c.status === 'disputed' && rule.evidence !== 'observed'));
  if (open.length) return `its sources disagree (${open.map((c) => c.status).join(', ')}): ${open[0].claim}`;
  return undefined;
}

/** True when a failure of the rule fails the run without `--strict`. */
export function isConfirmed(rule: RuleForStrength): boolean {
  return unconfirmedBecause(rule) === undefined;
}
