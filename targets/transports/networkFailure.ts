import type { TargetInfo } from '../exchange.js';
import type { HarnessErrorCode } from '../harnessError.js';

/**
 * What a transport-level failure means for a run: which harness error it becomes, whether the
 * request may have reached the server, and a few words for a one-line message.
 */
export interface NetworkFailure {
  code: Extract<HarnessErrorCode, 'E_TARGET_UNREACHABLE' | 'E_TARGET_TIMEOUT' | 'E_INTERRUPTED'>;
  /** The OS or undici code (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`, …). */
  cause: string;
  /** Failed before the request was written: retrying cannot create anything twice. */
  beforeSend: boolean;
  /** Worth another attempt at all (a missing DNS name or a bad certificate will not heal). */
  transient: boolean;
  description: string;
}

interface Kind {
  code: NetworkFailure['code'];
  beforeSend: boolean;
  transient: boolean;
  description: string;
}

// Codes from Node's net/dns/tls layers and undici `lib/core/errors.js`.
const KINDS: Readonly<Record<string, Kind>> = {
  ECONNREFUSED: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: true, description: 'connection refused' },
  EHOSTUNREACH: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: true, description: 'host unreachable' },
  ENETUNREACH: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: true, description: 'network unreachable' },
  EADDRNOTAVAIL: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: false, description: 'address not available' },
  ENOTFOUND: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: false, description: 'host name not found (DNS)' },
  EAI_AGAIN: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: true, description: 'DNS lookup failed temporarily' },
  UND_ERR_CONNECT_TIMEOUT: { code: 'E_TARGET_TIMEOUT', beforeSend: true, transient: true, description: 'connect timed out' },
  ETIMEDOUT: { code: 'E_TARGET_TIMEOUT', beforeSend: true, transient: true, description: 'connect timed out' },
  UND_ERR_HEADERS_TIMEOUT: { code: 'E_TARGET_TIMEOUT', beforeSend: false, transient: true, description: 'no response headers in time' },
  UND_ERR_BODY_TIMEOUT: { code: 'E_TARGET_TIMEOUT', beforeSend: false, transient: true, description: 'response body stalled' },
  ECONNRESET: { code: 'E_TARGET_UNREACHABLE', beforeSend: false, transient: true, description: 'connection reset' },
  EPIPE: { code: 'E_TARGET_UNREACHABLE', beforeSend: false, transient: true, description: 'connection closed while sending' },
  UND_ERR_SOCKET: { code: 'E_TARGET_UNREACHABLE', beforeSend: false, transient: true, description: 'connection closed by the server' },
  UND_ERR_CLOSED: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: false, description: 'the target was closed' },
  UND_ERR_DESTROYED: { code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: false, description: 'the target was closed' },
  UND_ERR_ABORTED: { code: 'E_INTERRUPTED', beforeSend: false, transient: false, description: 'aborted' },
  ABORT_ERR: { code: 'E_INTERRUPTED', beforeSend: false, transient: false, description: 'aborted' },
};

/** Classify a thrown transport error, or return undefined when it is not a network failure (a bug). */
export function classifyNetworkFailure(err: unknown): NetworkFailure | undefined {
  const code = networkCode(err);
  if (code === undefined) return undefined;
  const kind = KINDS[code];
  if (kind !== undefined) return { ...kind, cause: code };
  if (isTlsCode(code)) {
    return { code: 'E_TARGET_UNREACHABLE', cause: code, beforeSend: true, transient: false, description: 'TLS handshake failed' };
  }
  return undefined;
}

/**
 * The code that names the failure. Node reports a failed connect to a name with several addresses
 * (happy eyeballs) as an AggregateError whose inner errors carry the codes; undici sometimes wraps
 * the socket error in `cause`.
 */
function networkCode(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const rec = e as { code?: unknown; name?: unknown; errors?: unknown; cause?: unknown };
    if (typeof rec.code === 'string' && (KINDS[rec.code] !== undefined || isTlsCode(rec.code))) return rec.code;
    if (rec.name === 'AbortError') return 'ABORT_ERR';
    if (Array.isArray(rec.errors)) queue.push(...rec.errors);
    if (rec.cause !== undefined) queue.push(rec.cause);
  }
  return undefined;
}

function isTlsCode(code: string): boolean {
  return code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT';
}

/** The one line a transport failure becomes, naming the operation, target, cause and attempts. */
export function networkFailureMessage(info: TargetInfo, operation: string, f: NetworkFailure, attempts: number, ms: number, via = ''): string {
  const tried = `${attempts} attempt${attempts === 1 ? '' : 's'} in ${(ms / 1000).toFixed(1)} s`;
  const what = f.code === 'E_TARGET_TIMEOUT' ? 'timed out talking to' : 'cannot reach';
  return `${operation}: ${what} ${info.name} at ${info.endpoint}${via}: ${f.description} (${f.cause}) after ${tried}`;
}

/**
 * What one attempt of a transport throws when the network failed (as opposed to an answer, or a
 * harness error such as missing credentials): the shared retry (withRetry.ts) decides from
 * `failure` whether to try again. It keeps the first line of the underlying error only, already
 * scrubbed by the transport: transport errors hold sockets, requests and signed headers.
 */
export class TransportFailure extends Error {
  constructor(readonly failure: NetworkFailure, private readonly causeLine: string) {
    super(failure.description);
    this.name = 'TransportFailure';
  }

  /** The `cause` a harness error keeps: code and message only. */
  safeCause(): Error {
    return Object.assign(new Error(this.causeLine), { code: this.failure.cause });
  }
}
