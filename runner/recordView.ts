import { requestMembers } from '../contract/requestMembers.js';
import type { Exchange } from '../targets/exchange.js';
import { parseAwsJsonError } from '../targets/transports/awsJsonError.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { standInFor } from '../targets/recording/secretMask.js';

/**
 * A recorded exchange as the oracles see it: the normalized Exchange a transport would have
 * produced, with masked values dealt with as the record's `redacted` list says.
 *
 * A mask that says which characters the value had and its lead band (`<redacted:52 chars of 0-9 a-v, lead 1>`, what
 * `run --record` writes) is replaced by a stand-in of the same length and classes, so formats are
 * judged as on the wire. Any other mask (an evidence record masked by hand) makes its member
 * *blind*: not judged on its format. In the request a blind value becomes a placeholder the model
 * accepts (the member was sent; its format is unknown); in `blindExchange` it is removed from the
 * response body, so the shape check judges everything else.
 */
export interface RecordView {
  exchange: Exchange;
  /** The exchange with blind values removed from the body (for output.shape and consistency). */
  blindExchange: Exchange;
  /** Members (top level of the request or of UserPoolClient) whose values cannot be judged on format. */
  blind: Set<string>;
  /** The request with stand-ins and placeholders: what the request judge and the oracles read. */
  request: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function parent(root: unknown, segs: readonly string[]): Json | unknown[] | undefined {
  let cur: unknown = root;
  for (const s of segs.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[s];
  }
  return cur !== null && typeof cur === 'object' ? (cur as Json | unknown[]) : undefined;
}

function getAt(root: unknown, segs: readonly string[]): unknown {
  const p = parent(root, segs);
  return p === undefined ? undefined : (p as Json)[segs[segs.length - 1]];
}

function setAt(root: unknown, segs: readonly string[], value: unknown): void {
  const p = parent(root, segs);
  if (p !== undefined) (p as Json)[segs[segs.length - 1]] = value;
}

function deleteAt(root: unknown, segs: readonly string[]): void {
  const p = parent(root, segs);
  if (p !== undefined && !Array.isArray(p)) delete p[segs[segs.length - 1]];
}

/**
 * The member a redacted path is about: `request.ClientSecret` → ClientSecret;
 * `response.body.UserPoolClient.ClientSecret` → ClientSecret; otherwise its last named segment.
 */
export function memberOfRedactedPath(path: string): string {
  const segs = path.split('.');
  if (segs[0] === 'request' && segs.length > 1) return segs[1];
  const at = segs.findIndex((s) => s === 'UserPoolClient' || s === 'UserPoolClients');
  if (at >= 0) {
    const rest = segs.slice(at + 1).filter((s) => !/^\d+$/.test(s));
    if (rest.length) return rest[0];
  }
  return [...segs].reverse().find((s) => !/^\d+$/.test(s)) ?? path;
}

/** Whether a value meets a request member's model length and pattern. */
function meetsModel(member: string, value: unknown): boolean {
  const node = requestMembers[member];
  if (!node || node.type !== 'string' || typeof value !== 'string') return false;
  const length = [...value].length;
  if (node.length?.min !== undefined && length < node.length.min) return false;
  if (node.length?.max !== undefined && length > node.length.max) return false;
  return node.pattern === undefined || new RegExp(node.pattern, 'u').test(value);
}

/** Candidates for a masked request value, tried in turn: the first the model accepts stands in. */
const PLACEHOLDERS = (min: number) => ['a'.repeat(Math.max(1, min)), 'us-east-1_Placeholder0', 'placeholder'];

/**
 * What stands for a request member whose real value is masked: the masked text itself when the
 * model accepts it (a source's placeholder such as `us-west-2_EXAMPLE`), else a value it accepts.
 * The member was sent; its format is unknown, so it must not break a model rule.
 */
function placeholderFor(member: string, masked: unknown): unknown {
  if (meetsModel(member, masked)) return masked;
  const min = requestMembers[member]?.length?.min ?? 1;
  return PLACEHOLDERS(min).find((p) => meetsModel(member, p));
}

function exchangeOf(record: RecordedExchange, request: Json, body: unknown): Exchange {
  const r = record.response;
  const parsed = r.rawBody !== undefined || body === null ? undefined : body;
  const headers = r.headers ?? {};
  const exchange: Exchange = {
    operation: record.operation,
    input: request,
    status: r.status,
    headers,
    body: parsed,
    rawBody: r.rawBody ?? (parsed === undefined ? '' : JSON.stringify(parsed)),
    elapsedMs: record.durationMs ?? 0,
    layer: record.layer ?? 'server',
  };
  if (!isSuccessStatus(r.status)) {
    const { errorType, errorMessage } = parseAwsJsonError(headers, parsed);
    if (errorType !== undefined) exchange.errorType = errorType;
    if (errorMessage !== undefined) exchange.errorMessage = errorMessage;
  }
  return exchange;
}

export function recordView(record: RecordedExchange): RecordView {
  const root = { request: clone(record.request), response: clone(record.response) };
  const blindRoot = { request: root.request, response: clone(record.response) };
  const blind = new Set<string>();
  for (const path of record.redacted ?? []) {
    const segs = path.split('.');
    const value = getAt(root, segs);
    if (value === undefined) continue;
    const standIn = standInFor(value);
    if (standIn !== undefined) {
      setAt(root, segs, standIn);
      setAt(blindRoot, segs, standIn);
      continue;
    }
    const member = memberOfRedactedPath(path);
    blind.add(member);
    if (segs[0] === 'request') {
      const placeholder = segs.length === 2 ? placeholderFor(member, value) : undefined;
      if (placeholder !== undefined) setAt(root, segs, placeholder);
    } else deleteAt(blindRoot, segs);
  }
  return {
    exchange: exchangeOf(record, root.request, root.response.body),
    blindExchange: exchangeOf(record, root.request, blindRoot.response.body),
    blind,
    request: root.request,
  };
}
