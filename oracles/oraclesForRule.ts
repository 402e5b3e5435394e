import type { Oracle } from './verdict.js';
import { allOracles } from './allOracles.js';

const byRule = new Map<string, Oracle[]>();
for (const oracle of allOracles) {
  for (const ruleId of oracle.rules) byRule.set(ruleId, [...(byRule.get(ruleId) ?? []), oracle]);
}

/** The oracles that enforce a rule (empty for an id no oracle knows). */
export function oraclesForRule(ruleId: string): readonly Oracle[] {
  return byRule.get(ruleId) ?? [];
}
