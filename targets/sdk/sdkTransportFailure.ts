import { classifyNetworkFailure, type NetworkFailure } from '../transports/networkFailure.js';

/** What the SDK transport knows about an attempt that threw after the SDK handed it to its HTTP handler. */
export interface SdkAttemptTiming {
  /** Time from handing the signed request to the handler until the error. */
  sinceHandedMs: number;
  /** The handler's `connectionTimeout`. */
  connectTimeoutMs: number;
  /** The handler's `socketTimeout`. */
  socketTimeoutMs: number;
}

/**
 * Classify a failure of the SDK's Node HTTP handler (@smithy/node-http-handler), or return
 * undefined when it is not a transport failure. Coded socket errors (ECONNREFUSED, ECONNRESET, …)
 * mean what they mean for the HTTP target. The handler's own timeouts carry no code, only
 * `name: 'TimeoutError'`; which timer fired follows from the time, not from the message text: the
 * socket timer is armed only once connected and needs `socketTimeoutMs` of silence, so a timeout
 * sooner than that is the connect timer, and nothing was sent (safe to retry any operation).
 */
export function classifySdkTransportFailure(err: unknown, timing: SdkAttemptTiming): NetworkFailure | undefined {
  const known = classifyNetworkFailure(err);
  if (known !== undefined) return known;
  if (!isTimeoutError(err)) return undefined;
  const { sinceHandedMs, connectTimeoutMs, socketTimeoutMs } = timing;
  if (connectTimeoutMs < socketTimeoutMs && sinceHandedMs < socketTimeoutMs) {
    return { code: 'E_TARGET_TIMEOUT', cause: 'TimeoutError', beforeSend: true, transient: true, description: `no connection within ${connectTimeoutMs} ms` };
  }
  return { code: 'E_TARGET_TIMEOUT', cause: 'TimeoutError', beforeSend: false, transient: true, description: `no answer for ${socketTimeoutMs} ms` };
}

function isTimeoutError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'TimeoutError';
}
