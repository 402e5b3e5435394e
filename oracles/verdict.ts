import type { Observation } from './observation.js';

/** One oracle's judgement of one rule on one observation. */
export interface Verdict {
  oracle: string;
  ruleId: string;
  ok: boolean;
  /** One line: what was checked, or what was wrong. */
  message: string;
  expected?: unknown;
  observed?: unknown;
  /**
   * On a passing verdict: something a reader should know though it conforms (a Content-Type
   * parameter real AWS does not send). Reports show a rule's notes; they never fail it.
   */
  note?: string;
}

export interface Oracle {
  /** Stable id: the same in code, CLI flags, reports and docs. */
  id: string;
  /** The rule ids this oracle enforces. */
  rules: readonly string[];
  check(observation: Observation): Verdict[];
}
