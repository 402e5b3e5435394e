import type { TransportName } from '../transports/transports.js';

/**
 * One recorded exchange: a line of a `.jsonl` recording. `run --record` writes them, `judge` reads
 * them, and the evidence corpus (contract/evidence/*.jsonl) holds real AWS exchanges in the same form. The
 * JSON Schema (recordedExchange.schema.json, beside this file) is the authority; this type mirrors it.
 */
/** The operations recordings hold; `judge` judges the first three. Others are allowed (any awsJson1_1 name). */
export type RecordedOperation =
  | 'CreateUserPoolClient'
  | 'DescribeUserPoolClient'
  | 'UpdateUserPoolClient'
  | 'ListUserPoolClients'
  | 'DeleteUserPoolClient'
  | 'CreateUserPool'
  | 'DeleteUserPool'
  | 'DescribeUserPool'
  | 'CreateResourceServer'
  | 'DeleteResourceServer'
  | 'CreateIdentityProvider'
  | 'DeleteIdentityProvider'
  | (string & {});

export interface RecordedResponse {
  /** HTTP status; 0 when the SDK answered before sending (`layer: 'sdk-client'`). */
  status: number;
  /** Names lower-cased. Optional: published samples rarely show them. */
  headers?: Record<string, string>;
  /** The parsed JSON body; null when it was empty or not JSON. */
  body: unknown;
  /** The body as text, only when it was not JSON. */
  rawBody?: string;
}

export interface RecordSource {
  kind: 'repo-file' | 'issue' | 'doc' | 'notes' | 'run';
  url?: string;
  repo?: string;
  path?: string;
  commit?: string;
  title?: string;
}

export interface RecordedPool {
  userPoolId?: string;
  /** false: the pool did not exist. */
  exists?: boolean;
  customAttributes?: { name: string; mutable: boolean; required?: boolean }[];
  /** Standard attributes the pool marks required. */
  requiredAttributes?: string[];
  resourceServerScopes?: string[];
  identityProviders?: string[];
}

export interface RecordedExchange {
  id?: string;
  operation: RecordedOperation;
  request: Record<string, unknown>;
  response: RecordedResponse;
  /** ISO 8601 date-time, or a date when only the day is known: when the request was sent. */
  recordedAt: string;
  /** run --record: wall time until the answer was complete. */
  durationMs?: number;
  region?: string;
  layer?: 'server' | 'sdk-client';
  target?: { name: string; endpoint?: string; transport?: TransportName };
  source?: RecordSource;
  confidence?: 'observed' | 'documented';
  sanitized?: string;
  /** Dotted paths from the record root whose values were masked. */
  redacted?: string[];
  /** Parts known only in part: members not shown there are unknown, not absent. */
  partial?: string[];
  pool?: RecordedPool;
  fixture?: boolean;
  rule?: string;
  case?: string;
  /**
   * Evidence records: the records of one real sequence on one pool share it, in the order they
   * happened (judge reads them as one history under the lifecycle rules, runner/lifecycleHistories.ts).
   */
  sequence?: string;
}

/** A record as read from disk: where it is, and the name reports give it. */
export interface LoadedRecord {
  record: RecordedExchange;
  file: string;
  /** 1-based line number. */
  line: number;
  /** The record's id, or `file:line` when it has none. */
  key: string;
}
