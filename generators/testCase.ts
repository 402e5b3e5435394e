/**
 * One generated CreateUserPoolClient case. An invalid case says why it is invalid — the one rule
 * it breaks, where, and what the service is expected to answer — so a failure can name it.
 */
export interface WhyInvalid {
  ruleId: string;
  /** Member path the fault sits at (`CallbackURLs[]`, `TokenValidityUnits.AccessToken`). */
  path: string;
  expected: { errorTypes: readonly string[]; status: number };
}

export type RequestBody = Record<string, unknown>;

export interface TestCase {
  /** The rule this case exercises. */
  ruleId: string;
  request: RequestBody;
  /** Present for invalid cases only. */
  why?: WhyInvalid;
  /**
   * A probe (contract/probeRules.ts): its rule id. A probe case may name another operation than
   * CreateUserPoolClient and a raw body; it is sent alone, without the Describe, List and Delete
   * around a create.
   */
  probe?: string;
  /** The operation sent, when not CreateUserPoolClient (probes only). */
  operation?: string;
  /** Sent as the body instead of `request` as JSON (probes only; the raw HTTP transport only). */
  rawBody?: string;
}
