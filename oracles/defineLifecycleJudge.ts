import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import type { LifecycleJudge } from './lifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import type { Verdict } from './verdict.js';
import { redactExpectation, redactSecrets, secretsIn } from './redact.js';

export interface LifecycleJudgeDefinition {
  id: string;
  rules: readonly string[];
  judge(history: readonly RecordedExchange[]): Judgement[];
}

/**
 * A lifecycle judge with the promises every oracle keeps (oracles/defineOracle.ts): verdicts carry
 * the judge's id, name only its own rules, and never hold a ClientSecret value seen anywhere in
 * the history.
 */
export function defineLifecycleJudge(def: LifecycleJudgeDefinition): LifecycleJudge {
  const own = new Set(def.rules);
  const judge = (history: readonly RecordedExchange[]): Verdict[] => {
    if (!history.length) return [];
    const judgements = def.judge(history);
    if (!judgements.length) return [];
    const secrets = secretsIn(...history.flatMap((e) => [e.request, e.response.body]));
    return judgements.map((j) => {
      if (!own.has(j.ruleId)) throw new Error(`lifecycle judge ${def.id} judged rule ${j.ruleId}, which it does not enforce`);
      const { expected: _byKey, ...rest } = redactSecrets({ oracle: def.id, ...j }, secrets);
      return { ...rest, ...(j.expected === undefined ? {} : { expected: redactExpectation(j.expected, secrets) }) };
    });
  };
  return Object.freeze({ id: def.id, rules: Object.freeze([...def.rules]), judge });
}
