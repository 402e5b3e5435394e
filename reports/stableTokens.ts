import { syntheticAnalytics } from '../targets/pool/poolFixture.js';
import { RUN_ID_PATTERN } from '../targets/pool/runIdPrefix.js';

/**
 * Values that differ from run to run whatever the target does become stable tokens before two runs
 * are compared (`<ClientId:1>`, `<run-id:1>`, `<CreationDate:1>`), so that a diff shows what changed
 * in behaviour, not new ids and clocks. The habit is LocalStack's snapshot tests: a value found
 * under a known key is replaced, numbered, wherever else it is quoted too ("reference replacement",
 * localstack/testing/snapshots/transformer_utility.py `key_value`), so a pool id inside an ARN or an
 * error message, or a client id in a request body the SDK serialized, goes with it.
 *
 * What is replaced:
 * - server-generated ids (ClientId, UserPoolId), secrets, request ids (`RequestId`,
 *   `x-amzn-RequestId` and the other AWS request-id headers): the value under the key, and every
 *   other occurrence of it. Reports hold secrets as redaction labels (`<redacted:52 chars>`,
 *   oracles/redact.ts); those become tokens too, since real secrets are 51 or 52 characters at
 *   random (docs/evidence.md §7 "ClientSecret") and their format is a rule's business
 *   (output.client-secret.*), not the diff's;
 * - dates: CreationDate and LastModifiedDate (epoch seconds on the wire, ISO-8601 strings in the
 *   SDK's view), an HTTP `date` header, and any ISO-8601 date-time inside a string;
 * - run-scoped names: the run id prefix (targets/pool/runIdPrefix.ts) wherever it is quoted, which covers
 *   the pool name, the resource server identifier and its scopes (`https://cc-….example/read`), the
 *   identity provider (`cc-…-saml`) and client names built from it; and the synthetic Pinpoint
 *   application id derived from it (targets/pool/poolFixture.ts syntheticAnalytics).
 *
 * Lists are compared as multisets: Cognito returns lists as sets in another order than sent
 * (docs/evidence.md §7 "lists"; the oracles compare them so too, oracles/compareAsSets.ts), and
 * ListUserPoolClients orders clients by their random ids. Object keys are sorted. Tokens are
 * numbered in that order, so numbering does not depend on the random values.
 */

/** Keys whose value is a reference: replaced under the key and wherever else it is quoted. Matched case-insensitively. */
const REFERENCE_KEYS: Readonly<Record<string, string>> = {
  clientid: 'ClientId',
  userpoolid: 'UserPoolId',
  clientsecret: 'ClientSecret',
  requestid: 'RequestId',
  'x-amzn-requestid': 'RequestId',
  'x-amz-request-id': 'RequestId',
  'x-amz-id-2': 'RequestId',
  'x-amz-cf-id': 'RequestId',
  extendedrequestid: 'RequestId',
  cfid: 'RequestId',
};

/** Keys whose value is a clock reading: replaced under the key only (a number may well recur elsewhere by chance). */
const DATE_KEYS: Readonly<Record<string, string>> = {
  creationdate: 'CreationDate',
  lastmodifieddate: 'LastModifiedDate',
  date: 'date',
};

/** Shorter values are not replaced where else they occur: they could be part of anything. */
const MIN_REFERENCE_LENGTH = 6;

/** A redaction label (oracles/redact.ts), under the ClientSecret key or quoted in a message. */
const REDACTED = /<redacted:\d+ chars(?: #\d+)?>/g;

const ISO_DATE_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** The values of one run that are replaced wherever they are quoted, with the kind of token each becomes. */
export interface TokenScope {
  references: ReadonlyMap<string, string>;
}

/**
 * Collects, from everything one run produced (a whole report, or one value), the values that are
 * replaced wherever they are quoted: ids under their keys, and what is derived from its run id.
 */
export function tokenScope(value: unknown): TokenScope {
  const references = new Map<string, string>();
  const runIds = new Set<string>();
  const visit = (v: unknown, key?: string): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(RUN_ID_PATTERN)) runIds.add(m[0]);
      const kind = key === undefined ? undefined : REFERENCE_KEYS[key.toLowerCase()];
      if (kind && v.length >= MIN_REFERENCE_LENGTH && !v.startsWith('<redacted:')) references.set(v, kind);
      return;
    }
    if (Array.isArray(v)) for (const item of v) visit(item, key);
    else if (v !== null && typeof v === 'object') for (const [k, child] of Object.entries(v)) visit(child, k);
  };
  visit(value);
  // Runs against emulators give the pool a synthetic Pinpoint project whose id is a hash of the run id.
  for (const prefix of runIds) references.set(syntheticAnalytics(prefix, 'us-east-1').applicationId, 'analytics-application-id');
  return { references };
}

type Replace = (kind: string, raw: string) => string;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for everything a string may quote: references (longest first), redaction labels, run ids, ISO dates. */
function quotedPattern(scope: TokenScope): { pattern: RegExp; kindOf: (match: string) => string } {
  const refs = [...scope.references.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp([...refs, REDACTED.source, RUN_ID_PATTERN.source, ISO_DATE_TIME.source].join('|'), 'g');
  const runId = new RegExp(`^${RUN_ID_PATTERN.source}$`);
  const kindOf = (m: string) => scope.references.get(m) ?? (m.startsWith('<redacted:') ? 'ClientSecret' : runId.test(m) ? 'run-id' : 'date');
  return { pattern, kindOf };
}

function sortedEntries(v: object): [string, unknown][] {
  return Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `value` with every run-to-run value replaced by what `replace` makes of it, keys sorted, lists in the order given. */
function transform(value: unknown, quoted: ReturnType<typeof quotedPattern>, replace: Replace, key?: string): unknown {
  if (typeof value === 'string' || typeof value === 'number') {
    const lower = key?.toLowerCase();
    const keyed = lower === undefined ? undefined : (DATE_KEYS[lower] ?? REFERENCE_KEYS[lower]);
    if (keyed) return replace(keyed, String(value));
    if (typeof value === 'number') return value;
    return value.replace(quoted.pattern, (m) => replace(quoted.kindOf(m), m));
  }
  if (Array.isArray(value)) return value.map((item) => transform(item, quoted, replace, key));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(sortedEntries(value).map(([k, child]) => [k, transform(child, quoted, replace, k)]));
}

/** Every list reordered by what its items are once run-to-run values are masked (unnumbered), innermost first. */
function sortLists(value: unknown, quoted: ReturnType<typeof quotedPattern>, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => sortLists(item, quoted, key));
    const masked = items.map((item) => ({ item, order: JSON.stringify(transform(item, quoted, (kind) => `<${kind}>`, key)) ?? '' }));
    return masked.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map((m) => m.item);
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(sortedEntries(value).map(([k, child]) => [k, sortLists(child, quoted, k)]));
}

/**
 * `value` with run-to-run values replaced by tokens numbered per kind in order of appearance (equal
 * values, equal tokens), lists sorted and object keys sorted. `scope` is the run's (tokenScope of
 * its whole report), so that an id found in one place is recognised in another; by default, the
 * value's own.
 */
export function stableTokens<T>(value: T, scope: TokenScope = tokenScope(value)): T {
  const quoted = quotedPattern(scope);
  const numbers = new Map<string, Map<string, number>>();
  const numbered: Replace = (kind, raw) => {
    let byValue = numbers.get(kind);
    if (!byValue) numbers.set(kind, (byValue = new Map()));
    if (!byValue.has(raw)) byValue.set(raw, byValue.size + 1);
    return `<${kind}:${byValue.get(raw)}>`;
  };
  return transform(sortLists(value, quoted), quoted, numbered) as T;
}
