/**
 * A rule of the contract: one fact about CreateUserPoolClient that a target can conform to or
 * break. Rules are data; generators, oracles, reports and docs all read them from here.
 */
/**
 * How the rule is known: `observed` (a real AWS response shows it), `model` (the service model
 * says so), `documented` (AWS documentation says so, no real response seen), `invariant` (follows
 * from what the API means, whatever its validation: a rejected create changes nothing, ids are
 * unique, reads agree with the write), `inferred` (a reading of the sources nobody has seen AWS
 * confirm). contract/verdictStrength.ts says which of them can fail a run by default.
 */
export type Evidence = 'model' | 'documented' | 'observed' | 'invariant' | 'inferred';

export const ALL_EVIDENCE: readonly Evidence[] = ['observed', 'model', 'documented', 'invariant', 'inferred'];

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
  | 'consistency'
  /** A fixed request every Cognito must refuse, sent on every run (contract/probeRules.ts). */
  | 'probe'
  /** The wording of an error message, where real AWS output shows it (contract/messageRules.ts). */
  | 'message'
  /** What Update, Describe, List and Delete do to a client after Create (contract/lifecycleRules.ts). */
  | 'lifecycle';

export const ALL_KINDS: readonly RuleKind[] = [
  'required', 'length', 'range', 'pattern', 'enum', 'list-length', 'cross-field', 'existence',
  'default', 'output', 'protocol', 'side-effect', 'consistency', 'probe', 'message', 'lifecycle',
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
  /**
   * superseded: newer evidence replaced it (the rule follows the newer); disputed: a source still
   * says otherwise (often AWS documentation against real responses) and the rule takes one side;
   * unresolved: evidence is split and the rule does not decide. A disputed or unresolved conflict
   * makes the rule's failures unconfirmed (verdictStrength.ts).
   */
  status: 'superseded' | 'unresolved' | 'disputed';
  /**
   * For a claim that held once: when it was last seen to hold and when the rule's reading was
   * seen instead (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), e.g. rejected in 2020, accepted in 2025-07.
   */
  dated?: { claimSeen: string; ruleSeen: string };
}

/**
 * Pool fixtures a rule needs before it can be exercised. `known-*`: the run must know what the pool
 * holds of that kind (its attribute schema, its resource servers' scopes, its identity providers),
 * because the rule's invalid cases name something the pool must not have. A pool the run created
 * is known; an existing pool (`--user-pool-id`) is known only as far as the target could list it.
 */
export type FixtureNeed = 'resource-server' | 'identity-provider' | 'analytics' | 'known-attributes' | 'known-scopes' | 'known-providers';

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
  /**
   * Where the rule's cases are sent: absent, through the run's target; `other-region`, through the
   * same target signed for another region than the run's (and sent to that region's endpoint where
   * regions have endpoints of their own), naming the run's pool (region rules).
   */
  via?: 'other-region';
  /**
   * Ids this rule had before (a rule whose expectation turned around gets a new id that says what
   * it asserts); a baseline naming one is told the new id.
   */
  formerIds?: readonly string[];
  note?: string;
}
