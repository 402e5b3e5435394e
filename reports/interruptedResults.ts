import type { Rule } from '../contract/rule.js';
import { isConfirmed } from '../contract/verdictStrength.js';
import { basisOf, type RuleResult } from './ruleResult.js';

/**
 * The rule results of a run a signal stopped. A rule that had finished before the signal keeps
 * its status, and so does a verdict reached after it (passed: every case ran; failed: a failure
 * found before the stop; skipped: nothing to judge). Every other rule is `interrupted`, cut short
 * or never started, whatever went wrong with it after the signal: an error then is the
 * interruption's doing (the target closing under a case), never the target's. Ctrl-C once printed
 * 27 lines of `ERROR … cannot reach moto … the target was closed`.
 */
export function interruptedResults(rules: readonly Rule[], results: readonly RuleResult[], finishedBefore: ReadonlySet<string>, signal: 'SIGINT' | 'SIGTERM'): RuleResult[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  const why = `interrupted by ${signal}`;
  return rules.map((rule): RuleResult => {
    const r = byId.get(rule.id);
    if (r && (finishedBefore.has(rule.id) || r.status === 'passed' || r.status === 'failed' || r.status === 'skipped')) return r;
    const base: RuleResult = r ?? {
      id: rule.id, kind: rule.kind, members: rule.members, evidence: rule.evidence, basis: basisOf(rule.evidence), confirmed: isConfirmed(rule),
      statement: rule.statement, status: 'interrupted', cases: 0,
    };
    const { errorCode: _code, reason: _reason, ...rest } = base;
    return { ...rest, status: 'interrupted', cases: r?.cases ?? 0, reason: r && r.cases > 0 ? `${why} after ${r.cases} cases` : `${why} before it started` };
  });
}
