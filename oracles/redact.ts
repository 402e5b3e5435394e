/**
 * Secret safety for everything the oracles and reporters print. The secret members are the ones
 * the model marks `sensitive` (targets/recording/sensitiveMembers.ts derives them from the contract: today
 * ClientSecret): a verdict, a report or a log line never carries their values, only
 * `<redacted:52 chars>`.
 *
 * ClientId is also `sensitive` in the model but is not redacted: KEPT_SENSITIVE_MEMBERS in
 * targets/recording/sensitiveMembers.ts says why. Only secrets are redacted.
 */
import { isSecretMember, SECRET_MEMBER_PATTERN } from '../targets/recording/sensitiveMembers.js';
import { MIN_SCRUBBED_FRAGMENT } from '../targets/recording/scrubSecrets.js';
import { isJsonObject } from './jsonObject.js';


// `"ClientSecret": "…"` (any secret member) inside text, e.g. a raw JSON body kept as a string.
const SECRET_IN_JSON_TEXT = new RegExp(`("(?:${SECRET_MEMBER_PATTERN})"\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)"`, 'gi');

const LABEL = /^<redacted:[^>]*>$/;

/**
 * What stands in for a secret: its length, never its value; with `n`, the secret's number among
 * those of one failure (`<redacted:52 chars #2>`). A label stays as it is (idempotent).
 */
export function redactedLabel(value: unknown, n?: number): string {
  if (typeof value === 'string' && LABEL.test(value)) return value;
  const tail = n === undefined ? '' : ` #${n}`;
  return typeof value === 'string' ? `<redacted:${[...value].length} chars${tail}>` : `<redacted:${value === null ? 'null' : typeof value}${tail}>`;
}

/**
 * The labels of one redaction: when the known secrets are several, each is numbered in the order
 * given, so that two different secrets of the same length (a Describe that returned another
 * secret than its Create) do not read as the same mask. One secret, or none known: no number.
 */
function labeler(known: readonly string[]): (value: unknown) => string {
  if (known.length < 2) return (v) => redactedLabel(v);
  const numbers = new Map(known.map((k, i) => [k, i + 1]));
  return (v) => redactedLabel(v, typeof v === 'string' ? numbers.get(v) : undefined);
}

/** Every string value under a secret member's key (`ClientSecret`) anywhere in the given values. */
export function secretsIn(...values: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isJsonObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (isSecretMember(k) && typeof child === 'string') out.add(child);
        else walk(child);
      }
    }
  };
  values.forEach(walk);
  return [...out];
}

function jsonStringValue(escaped: string): string {
  try {
    return JSON.parse(`"${escaped}"`) as string;
  } catch {
    return escaped;
  }
}

function scrubText(text: string, known: readonly string[], label: (value: unknown) => string = (v) => redactedLabel(v)): string {
  let out = text.replace(SECRET_IN_JSON_TEXT, (_m, head: string, value: string) => `${head}"${label(jsonStringValue(value))}"`);
  // Most strings quote no secret: the label is built only for one that does.
  for (const s of known) if (out.includes(s)) out = out.split(s).join(label(s));
  return out;
}

/**
 * A deep copy of `value` with every `ClientSecret` member replaced by its label, and with the
 * `knownSecrets` values (and `"ClientSecret":"…"` fragments of JSON text) scrubbed from every
 * string, so a secret echoed inside an error message or a raw body does not leak either.
 */
export function redactSecrets<T>(value: T, knownSecrets: Iterable<string> = []): T {
  const distinct = [...new Set(knownSecrets)];
  const label = labeler(distinct);
  const known = distinct.filter((s) => s.length >= MIN_SCRUBBED_FRAGMENT).sort((a, b) => b.length - a.length);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v, known, label);
    if (Array.isArray(v)) return v.map(walk);
    if (isJsonObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[k] = isSecretMember(k) && child !== undefined ? label(child) : walk(child);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** The model's shortest ClientSecret (ClientSecretType, length 24–64): shorter text under a secret key is not a secret. */
const MIN_SECRET_LENGTH = 24;
/** The model's ClientSecret alphabet (`[\w+]+`): text with other characters (`^`, `{`, `$`) is a pattern, not a secret. */
const SECRET_ALPHABET = /^[\w+]+$/;

/**
 * Redaction of what a verdict EXPECTED, which describes a secret but holds none of its own: a
 * pattern (`{ "ClientSecret": { "pattern": "^[0-9a-v]{51,52}$" } }`), a word (`"present"`), or
 * the secret of another answer (Describe must return the secret Create did). redactSecrets would
 * mask all of them by their key and print `{"ClientSecret":"<redacted:object>"}`, hiding the
 * expectation a maintainer needs. Here secret VALUES are masked, not keys: every known secret
 * wherever it occurs, and under a secret key any text that could be a secret (24 or more
 * characters of the model's alphabet); descriptions of a secret stay readable.
 */
export function redactExpectation<T>(value: T, knownSecrets: Iterable<string> = []): T {
  const distinct = [...new Set(knownSecrets)];
  const label = labeler(distinct);
  const known = distinct.filter((s) => s.length >= MIN_SCRUBBED_FRAGMENT).sort((a, b) => b.length - a.length);
  const couldBeSecret = (v: string) => LABEL.test(v) || ([...v].length >= MIN_SECRET_LENGTH && SECRET_ALPHABET.test(v));
  const walk = (v: unknown, underSecret: boolean): unknown => {
    if (typeof v === 'string') return underSecret && (couldBeSecret(v) || distinct.includes(v)) ? label(v) : scrubText(v, known, label);
    if (Array.isArray(v)) return v.map((x) => walk(x, underSecret));
    if (isJsonObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[k] = walk(child, underSecret || isSecretMember(k));
      return out;
    }
    return v;
  };
  return walk(value, false) as T;
}
