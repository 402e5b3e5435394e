import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PoolContext } from '../../contract/poolContext.js';
import type { Exchange, SendOptions, Target, TargetInfo } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import type { RecordedExchange, RecordedOperation, RecordedPool } from './recordedExchange.js';
import { maskSecret } from './secretMask.js';
import { isSecretMember, SECRET_HEADERS } from './sensitiveMembers.js';
import { MIN_SCRUBBED_FRAGMENT } from './scrubSecrets.js';

/**
 * `run --record DIR`: a Target wrapper that writes every exchange it sees as one line of a JSON
 * Lines recording (recordedExchange.schema.json), so the run can be judged again later without the
 * target (`judge DIR`), and a run against AWS becomes evidence.
 *
 * Which case sent an exchange is told by the caller through `recordContext`: the runner runs each
 * case inside `recordContext.run({ rule, case }, …)` (AsyncLocalStorage carries the tag through
 * every await). Exchanges sent outside any rule (the pool fixture, teardown) are marked
 * `fixture: true`. Without a `case` tag, `judge` splits a rule's exchanges into cases by their order
 * (a rule's cases run one after another).
 *
 * Secrets never reach the file: ClientSecret values (and other credential-like members, e.g. an
 * OIDC provider's client_secret) are masked wherever they occur and their paths listed in
 * `redacted`; the values are also scrubbed from any text that quotes them (an error message);
 * signing and credential headers are masked the same way. Requests carry no credentials at all:
 * SigV4 signs headers, which are not recorded.
 */
export interface RecordTag {
  /** The rule whose case sends the exchange. */
  rule?: string;
  /** The case within the rule; exchanges of one case share it. */
  case?: string;
  /** Set up or tear down, not a case (the default for an exchange outside any rule). */
  fixture?: boolean;
}

const tags = new AsyncLocalStorage<RecordTag>();
/**
 * Whether any recording exists in this process. Until one does, tags are not kept: on Node 20 the
 * first AsyncLocalStorage.run turns on promise hooks for every promise of the process, which a run
 * that records nothing should not pay for (issue 10).
 */
let recording = false;

/** Tags the exchanges sent while `fn` runs (nested calls add to the outer tag). */
export const recordContext = {
  run<T>(tag: RecordTag, fn: () => T): T {
    return recording ? tags.run({ ...tags.getStore(), ...tag }, fn) : fn();
  },
  current(): RecordTag | undefined {
    return tags.getStore();
  },
};

export interface RecordingOptions {
  /** File name inside the directory; default `<time>-<target name>.jsonl`. */
  fileName?: string;
  /** Prefix of record ids (`<prefix>-<n>`); default the file name without `.jsonl`. */
  idPrefix?: string;
  /** The pool the cases run against, written into each case's records (existence rules need it). */
  pool?: PoolContext;
  /** What made the recording, for `source.title`; default `cognito-conformance run`. */
  title?: string;
}

export interface RecordingTarget extends Target {
  /** The recording's path. */
  readonly file: string;
  /** Exchanges written so far. */
  readonly count: number;
  /** The pool fixture, once created: written into the records of every case sent afterwards. */
  setPool(pool: PoolContext): void;
}

/**
 * Keys whose values are credentials wherever they occur: the model's secret members
 * (isSecretMember, from the `sensitive` trait: ClientSecret) and these credential names.
 */
const SECRET_KEYS = /^(clientsecret|client_secret|secretaccesskey|secret_access_key|sessiontoken|session_token|password|temporarypassword)$/i;

interface Masked {
  value: unknown;
  paths: string[];
  secrets: string[];
}

/** Masks secret members anywhere in `value`, listing their dotted paths under `root`. */
/** The recording's number for a secret value (see RecordMeta.identities); undefined without a table. */
function identityIn(identities: Map<string, number> | undefined, secret: unknown): number | undefined {
  if (identities === undefined || typeof secret !== 'string') return undefined;
  let n = identities.get(secret);
  if (n === undefined) {
    n = identities.size + 1;
    identities.set(secret, n);
  }
  return n;
}

function maskMembers(value: unknown, root: string, identities?: Map<string, number>): Masked {
  const paths: string[] = [];
  const secrets: string[] = [];
  const walk = (v: unknown, at: string): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${at}.${i}`));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if ((SECRET_KEYS.test(k) || isSecretMember(k)) && child !== undefined && child !== null) {
          out[k] = maskSecret(child, identityIn(identities, child));
          paths.push(`${at}.${k}`);
          if (typeof child === 'string') secrets.push(child);
        } else out[k] = walk(child, `${at}.${k}`);
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, root), paths, secrets };
}

/** Replaces every known secret quoted inside a string (an error message) by its mask. */
function scrub(value: unknown, secrets: readonly string[], identities?: Map<string, number>): unknown {
  const known = secrets.filter((s) => s.length >= MIN_SCRUBBED_FRAGMENT).sort((a, b) => b.length - a.length);
  if (!known.length) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return known.reduce((text, s) => text.split(s).join(maskSecret(s, identityIn(identities, s))), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, c]) => [k, walk(c)]));
    return v;
  };
  return walk(value);
}

function poolRecord(pool: PoolContext): RecordedPool {
  return {
    userPoolId: pool.userPoolId,
    customAttributes: pool.customAttributes.map((a) => ({ name: a.name, mutable: a.mutable, ...(a.required === undefined ? {} : { required: a.required }) })),
    requiredAttributes: [...(pool.requiredAttributes ?? [])],
    resourceServerScopes: [...pool.resourceServerScopes],
    identityProviders: [...pool.identityProviders],
  };
}

export interface RecordMeta {
  id: string;
  info: TargetInfo;
  sentAt: number;
  receivedAt: number;
  tag?: RecordTag;
  pool?: PoolContext;
  title: string;
  /**
   * The recording's numbers of the secrets masked so far (filled as new ones appear): each mask
   * carries its value's number, so that judge sees which masked secrets were equal (a Describe
   * that returned another secret than its Create) without seeing any. Absent: masks without one.
   */
  identities?: Map<string, number>;
}

/** The record of one exchange, secrets masked. Pure: exported for tests and other writers. */
export function recordOf(exchange: Exchange, meta: RecordMeta): RecordedExchange {
  const ids = meta.identities;
  const request = maskMembers(exchange.input, 'request', ids);
  const body = maskMembers(exchange.body ?? null, 'response.body', ids);
  const secrets = [...request.secrets, ...body.secrets];
  const headers: Record<string, string> = {};
  const headerPaths: string[] = [];
  for (const [name, value] of Object.entries(exchange.headers)) {
    const key = name.toLowerCase();
    if (SECRET_HEADERS.includes(key)) {
      headers[key] = maskSecret(value);
      headerPaths.push(`response.headers.${key}`);
    } else headers[key] = value;
  }
  const rawBody = exchange.body === undefined && exchange.rawBody !== '' ? (scrub(exchange.rawBody, secrets, ids) as string) : undefined;
  const redacted = [...request.paths, ...body.paths, ...headerPaths];
  const tag = meta.tag ?? {};
  const isCase = tag.rule !== undefined && tag.fixture !== true;
  return {
    id: meta.id,
    operation: exchange.operation as RecordedOperation,
    request: scrub(request.value, secrets, ids) as Record<string, unknown>,
    response: {
      status: exchange.status,
      headers: scrub(headers, secrets, ids) as Record<string, string>,
      body: scrub(body.value, secrets, ids),
      ...(rawBody === undefined ? {} : { rawBody }),
    },
    recordedAt: new Date(meta.sentAt).toISOString(),
    durationMs: Math.max(0, meta.receivedAt - meta.sentAt),
    region: meta.info.region,
    ...(exchange.layer === 'sdk-client' ? { layer: 'sdk-client' as const } : {}),
    target: { name: meta.info.name, endpoint: meta.info.endpoint, transport: meta.info.transport },
    source: { kind: 'run', title: meta.title },
    ...(redacted.length ? { redacted } : {}),
    ...(isCase && meta.pool ? { pool: poolRecord(meta.pool) } : {}),
    ...(isCase ? { rule: tag.rule } : { fixture: true }),
    ...(isCase && tag.case !== undefined ? { case: tag.case } : {}),
  };
}

function timeStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Wraps `target` so that every exchange is appended to `<dir>/<fileName>` as it completes. A
 * request that never got an answer (a harness error) leaves no record. Writes are synchronous, so
 * a run that is interrupted keeps every exchange answered before.
 */
export function withRecording(target: Target, dir: string, options: RecordingOptions = {}): RecordingTarget {
  recording = true;
  const fileName = options.fileName ?? `${timeStamp(new Date())}-${target.info.name.replace(/[^\w.-]+/g, '_')}.jsonl`;
  const file = join(dir, fileName);
  const idPrefix = options.idPrefix ?? fileName.replace(/\.jsonl$/, '');
  const title = options.title ?? 'cognito-conformance run';
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new HarnessError('E_CONFIG', `--record ${dir}: cannot create the directory (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let pool = options.pool;
  let count = 0;
  const identities = new Map<string, number>();
  return {
    info: target.info,
    file,
    get count() {
      return count;
    },
    setPool(p: PoolContext) {
      pool = p;
    },
    async send(operation: string, input: Readonly<Record<string, unknown>>, sendOptions?: SendOptions): Promise<Exchange> {
      const tag = tags.getStore();
      const sentAt = Date.now();
      const exchange = await target.send(operation, input, sendOptions);
      const receivedAt = Date.now();
      count++;
      const record = recordOf(exchange, { id: `${idPrefix}-${count}`, info: target.info, sentAt, receivedAt, ...(tag ? { tag } : {}), ...(pool ? { pool } : {}), title, identities });
      try {
        appendFileSync(file, JSON.stringify(record) + '\n');
      } catch (err) {
        throw new HarnessError('E_CONFIG', `--record: cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
      return exchange;
    },
    close: () => target.close(),
  };
}
