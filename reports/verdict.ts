import type { RuleResult } from './ruleResult.js';

/**
 * What a reader is told about a rule: its status, except that a failure the evidence cannot
 * confirm (an `inferred` rule, or one whose sources are disputed or unresolved) is `unconfirmed`.
 * Such a failure is shown in every report but fails the run only with `--strict`.
 */
export type Verdict = 'passed' | 'failed' | 'unconfirmed' | 'skipped' | 'incomplete' | 'interrupted' | 'error';

export const VERDICTS: readonly Verdict[] = ['passed', 'failed', 'unconfirmed', 'skipped', 'incomplete', 'interrupted', 'error'];

export type VerdictCounts = Record<Verdict, number>;

export function isUnconfirmed(r: RuleResult): boolean {
  return r.status === 'failed' && r.confirmed === false;
}

export function verdictOf(r: RuleResult): Verdict {
  return isUnconfirmed(r) ? 'unconfirmed' : r.status;
}

export function zeroCounts(): VerdictCounts {
  return { passed: 0, failed: 0, unconfirmed: 0, skipped: 0, incomplete: 0, interrupted: 0, error: 0 };
}

export function countVerdicts(rules: readonly RuleResult[]): VerdictCounts {
  const counts = zeroCounts();
  for (const r of rules) counts[verdictOf(r)]++;
  return counts;
}

/** Column headings of verdict counts in the terminal and Markdown tables. */
export const VERDICT_HEADING: Readonly<Record<Verdict, string>> = { passed: 'passed', failed: 'failed', unconfirmed: 'unconfirmed', skipped: 'skipped', incomplete: 'incomplete', interrupted: 'interrupted', error: 'errors' };

/** The verdicts a counts table shows: `unconfirmed`, `incomplete` and `interrupted` only when the run has one, so most tables stay as they were. */
export function shownVerdicts(all: VerdictCounts): Verdict[] {
  return VERDICTS.filter((v) => (v !== 'unconfirmed' && v !== 'incomplete' && v !== 'interrupted') || all[v] > 0);
}
