/**
 * A rule of the contract: one fact about CreateUserPoolClient that a target can conform to or
 * break. Rules are data; generators, oracles, reports and docs all read them from here.
 */
export type Evidence = 'model' | 'documented' | 'observed' | 'inferred';

export type RuleKind =
  | 'required'
  | 'length'
  | 'range'
  | 'pattern'
  | 'enum'
  | 'list-length'
  | 'cross-field'
  | 'existence'
  | 'default'
  | 'output'
  | 'protocol'
  | 'side-effect'
  | 'consistency';

export const ALL_KINDS: readonly RuleKind[] = [
  'required', 'length', 'range', 'pattern', 'enum', 'list-length', 'cross-field', 'existence',
  'default', 'output', 'protocol', 'side-effect', 'consistency',
];

/** A fact about one response member of an accepted request. */
export type ResponseFact =
  | { member: string; equals: unknown }
  | { member: string; absent: true }
  | { member: string; pattern: string }
  /** Several readings are open: any one of them conforms (an unresolved rule never fails on them). */
  | { member: string; anyOf: ReadonlyArray<{ absent: true } | { equals: unknown }> };

export type Expectation =
  | {
      outcome: 'rejected';
      /** Any of these error types conforms (more than one only where evidence is split). */
      errorTypes: readonly string[];
      status: number;
      /** The message real AWS was seen to send, when known; informative, never asserted. */
      message?: string;
    }
  | {
      outcome: 'accepted';
      /** The request the rule is about: members left out and members set to a value. */
      when?: { omit?: readonly string[]; set?: Readonly<Record<string, unknown>> };
      response?: readonly ResponseFact[];
    }
  /** Rules about every exchange or several exchanges (protocol, identity, consistency). */
  | { outcome: 'any' };

/** Where sources disagree: the claim the rule does not follow, and why. */
export interface Conflict {
  claim: string;
  sources: readonly string[];
  /** superseded: newer evidence replaced it; unresolved: evidence is split and the rule does not decide. */
  status: 'superseded' | 'unresolved' | 'disputed';
}

/** Pool fixtures a rule needs before it can be exercised. */
export type FixtureNeed = 'resource-server' | 'identity-provider' | 'analytics';

export interface Rule {
  /** Stable id: the same in code, CLI `--rules`, reports and docs. */
  id: string;
  kind: RuleKind;
  /** Member paths, `Member`, `Member.Sub`, `Member[]` for list items. */
  members: readonly string[];
  /** One line, in our words. */
  statement: string;
  evidence: Evidence;
  sources: readonly string[];
  expect: Expectation;
  /** True when a request can break the rule: an invalid-request generator exists for it. */
  breakable: boolean;
  conflicts?: readonly Conflict[];
  needs?: readonly FixtureNeed[];
  note?: string;
}
