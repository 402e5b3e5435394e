import type { TransportName } from './transports/transports.js';

/**
 * One request/response exchange with a system under test, normalized across transports.
 * Oracles judge exchanges; they never send requests themselves.
 */
export interface Exchange {
  operation: string;
  /** The input as sent (never contains credentials; ClientSecret values are redacted by reporters). */
  input: Readonly<Record<string, unknown>>;
  status: number;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
  rawBody: string;
  /**
   * The error shape name for a non-2xx answer, from `x-amzn-ErrorType` or the body's `__type`
   * (`code`), with anything after `:` and before `#` stripped as the awsJson1_1 protocol says.
   */
  errorType?: string;
  errorMessage?: string;
  /** Time of the attempt that produced this answer (retried attempts are not counted). */
  elapsedMs: number;
  /** How many attempts the transport made (more than 1 after throttling or connection retries). */
  attempts?: number;
  /** Which layer answered: the server (raw HTTP or SDK), or the SDK before anything was sent. */
  layer?: 'server' | 'sdk-client';
  /**
   * The SDK transport only: what an SDK user saw. The wire fields above stay what oracles judge;
   * this view lets a report show, and a diff between runs catch, what an SDK upgrade changes.
   */
  sdk?: SdkView;
}

export interface SdkView {
  /**
   * The command output without `$metadata`, made JSON-safe: Dates (the SDK turns epoch-seconds
   * timestamps into Date) become ISO-8601 strings. Members the SDK does not know are absent.
   */
  output?: unknown;
  /** The thrown error's `name`: the modeled exception, or e.g. SyntaxError for a body it cannot parse. */
  errorName?: string;
  /** Its message, first line only, with secrets scrubbed. */
  errorMessage?: string;
  errorFault?: 'client' | 'server';
  httpStatusCode?: number;
  /**
   * The JSON body the SDK serialized, which may differ from `input`: it drops members the model
   * does not have and null list items, orders members as the model does, writes NaN as "NaN".
   */
  requestBody?: string;
}

export interface TargetInfo {
  name: string;
  endpoint: string;
  region: string;
  transport: TransportName;
  /** The version of the client library the transport sends through, when it uses one (the AWS SDK's). */
  sdkVersion?: string;
  /** Where that library was loaded from (targets/sdk/sdkSource.ts): a folder and how it was chosen, or "the tool's own copy". */
  sdkOrigin?: string;
}

export interface SendOptions {
  signal?: AbortSignal;
  /**
   * Sent as the body in place of `input` as JSON, for the probes that need a body that is not
   * JSON (contract/probeRules.ts). Only the raw HTTP transport (`info.transport === 'http'`) sends
   * it; the others ignore it, and the probes that need it are not sent through them.
   */
  rawBody?: string;
}

export interface Target {
  readonly info: TargetInfo;
  /** Send one awsJson1_1 operation (`CreateUserPoolClient`, `DescribeUserPoolClient`, …). */
  send(operation: string, input: Readonly<Record<string, unknown>>, options?: SendOptions): Promise<Exchange>;
  close(): Promise<void>;
}
