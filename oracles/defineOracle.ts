import type { Observation } from './observation.js';
import type { Oracle, Verdict } from './verdict.js';
import { redactExpectation, redactSecrets, secretsIn } from './redact.js';

/** What an oracle's judge returns: a verdict without the oracle id, which `defineOracle` adds. */
export type Judgement = Omit<Verdict, 'oracle'>;

export interface OracleDefinition {
  id: string;
  rules: readonly string[];
  judge(observation: Observation): Judgement[];
  /**
   * True for the oracles that judge a probe's exchange (contract/probeRules.ts): the probe, protocol
   * and message oracles. The others never see one: a probe is not a create case (its request may be
   * another operation, or a request AWS refuses that no rule of theirs is about).
   */
  judgesProbes?: boolean;
}

/**
 * Builds an oracle from its judge and enforces what every oracle promises: verdicts carry the
 * oracle's id, only name rules the oracle enforces (anything else is a bug in the oracle and
 * throws), and never contain a ClientSecret value — every secret seen anywhere in the observation
 * is scrubbed from messages, expected and observed (oracles/redact.ts).
 */
export function defineOracle(def: OracleDefinition): Oracle {
  const own = new Set(def.rules);
  const check = (o: Observation): Verdict[] => {
    if (o.testCase.probe !== undefined && def.judgesProbes !== true) return [];
    const judgements = def.judge(o);
    if (!judgements.length) return [];
    const secrets = secretsIn(o.testCase.request, o.create.input, o.create.body, o.describe?.body);
    return judgements.map((j) => {
      if (!own.has(j.ruleId)) throw new Error(`oracle ${def.id} judged rule ${j.ruleId}, which it does not enforce`);
      // The expectation keeps what it says about a secret (a pattern, "present"); secret values go everywhere.
      const { expected: _byKey, ...rest } = redactSecrets({ oracle: def.id, ...j }, secrets);
      return { ...rest, ...(j.expected === undefined ? {} : { expected: redactExpectation(j.expected, secrets) }) };
    });
  };
  return Object.freeze({ id: def.id, rules: Object.freeze([...def.rules]), check });
}
