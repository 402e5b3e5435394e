import type { Evidence, RuleKind } from '../contract/rule.js';

/**
 * The result event of one rule in one run: what suites emit and what every reporter reads.
 * `failed` is a conformance failure (the target broke the contract); `error` is a harness error
 * (we or the environment broke); `skipped` says why the rule could not be exercised;
 * `incomplete` says why it did not get all its cases (a run budget, `--max-requests` or
 * `--time-budget`, was spent): what it judged passed, and it fails the run only with `--strict`;
 * `interrupted` says the run was stopped by a signal (Ctrl-C) before the rule finished: what it
 * judged passed, and whatever went wrong after the signal (the target closed under it) is the
 * interruption's doing, never blamed on the target.
 */
export type RuleStatus = 'passed' | 'failed' | 'skipped' | 'incomplete' | 'interrupted' | 'error';

/** Every status, in the order reports list them. */
export const RULE_STATUSES: readonly RuleStatus[] = ['passed', 'failed', 'skipped', 'incomplete', 'interrupted', 'error'];

export interface RuleResult {
  id: string;
  kind: RuleKind;
  members: readonly string[];
  evidence: Evidence;
  /** What the evidence level means for a reader ("AWS is known to do this" vs "AWS documents this"). */
  basis: string;
  /**
   * False when a failure of this rule is unconfirmed (contract/verdictStrength.ts: inferred
   * evidence, or disputed or unresolved sources): it is shown but fails the run only with
   * `--strict`. Absent in reports written before verdict strength existed: read as confirmed.
   */
  confirmed?: boolean;
  statement: string;
  status: RuleStatus;
  /** Cases sent (property runs, shrinking not counted). */
  cases: number;
  reason?: string;
  /** The shrunk request that shows the failure (ClientSecret values redacted). */
  counterexample?: unknown;
  expected?: unknown;
  observed?: unknown;
  /** One command that replays exactly this case. */
  replay?: string;
  seed?: number;
  path?: string;
  oracle?: string;
  /**
   * With `--transport sdk`: what the SDK made of the rule's first case (the same request in every
   * run with the same seed), next to the wire, so an SDK upgrade that changes serialization,
   * defaults or error mapping shows in `diff` even when the rule's status does not change.
   */
  sdk?: SdkSample;
  /**
   * What a reader should know though the rule conforms on it (a Content-Type parameter real AWS does
   * not send): from the oracles' passing verdicts, a few distinct ones. Notes never fail a rule.
   */
  notes?: readonly string[];
  /** Harness error code for status `error`. */
  errorCode?: string;
  durationMs?: number;
}

export interface SdkSample {
  /** Who answered: the server, or the SDK before sending anything. */
  layer: 'server' | 'sdk-client';
  /** The wire: HTTP status (0 when nothing was sent) and error type. */
  status: number;
  errorType?: string;
  /** The SDK: the error it threw, or the output it returned (JSON-safe, dates as ISO strings). */
  sdkError?: string;
  output?: unknown;
  /** False when the SDK sent a body other than the request as built (dropped or rewritten members). */
  sentAsBuilt?: boolean;
  /** Request members the SDK did not serialize (its model lacks them), as dotted paths (runner/sdkSample.ts). */
  notSent?: string[];
  /** Members of the server's answer the SDK's output lacks (its model lacks them), as dotted paths. */
  notParsed?: string[];
}

const BASIS: Record<Evidence, string> = {
  observed: 'AWS is known to do this (a real response was seen)',
  model: 'the AWS service model says so',
  documented: 'AWS documents this; no real response seen',
  invariant: 'follows from what the API means (one stored client, one id, an error changes nothing)',
  inferred: 'inferred from the sources; neither documented nor seen',
};

export function basisOf(evidence: Evidence): string {
  return BASIS[evidence];
}
