/**
 * Secret safety for everything the oracles and reporters print. The secret members are the ones
 * the model marks `sensitive` (targets/sensitiveMembers.ts derives them from the contract: today
 * ClientSecret): a verdict, a report or a log line never carries their values, only
 * `<redacted:52 chars>`.
 *
 * ClientId is also `sensitive` in the model but is not redacted: KEPT_SENSITIVE_MEMBERS in
 * targets/sensitiveMembers.ts says why. Only secrets are redacted.
 */
import { isSecretMember, SECRET_MEMBER_PATTERN } from '../targets/sensitiveMembers.js';
import { MIN_SCRUBBED_FRAGMENT } from '../targets/scrubSecrets.js';
import { isJsonObject } from './jsonObject.js';


// `"ClientSecret": "…"` (any secret member) inside text, e.g. a raw JSON body kept as a string.
const SECRET_IN_JSON_TEXT = new RegExp(`("(?:${SECRET_MEMBER_PATTERN})"\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)"`, 'gi');

const LABEL = /^<redacted:[^>]*>$/;

/** What stands in for a secret: its length, never its value. A label stays as it is (idempotent). */
export function redactedLabel(value: unknown): string {
  if (typeof value === 'string' && LABEL.test(value)) return value;
  return typeof value === 'string' ? `<redacted:${[...value].length} chars>` : `<redacted:${value === null ? 'null' : typeof value}>`;
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

function scrubText(text: string, known: readonly string[]): string {
  let out = text.replace(SECRET_IN_JSON_TEXT, (_m, head: string, value: string) => `${head}"${redactedLabel(jsonStringValue(value))}"`);
  // Most strings quote no secret: the label is built only for one that does.
  for (const s of known) if (out.includes(s)) out = out.split(s).join(redactedLabel(s));
  return out;
}

/**
 * A deep copy of `value` with every `ClientSecret` member replaced by its label, and with the
 * `knownSecrets` values (and `"ClientSecret":"…"` fragments of JSON text) scrubbed from every
 * string, so a secret echoed inside an error message or a raw body does not leak either.
 */
export function redactSecrets<T>(value: T, knownSecrets: Iterable<string> = []): T {
  const known = [...new Set(knownSecrets)].filter((s) => s.length >= MIN_SCRUBBED_FRAGMENT).sort((a, b) => b.length - a.length);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v, known);
    if (Array.isArray(v)) return v.map(walk);
    if (isJsonObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[k] = isSecretMember(k) && child !== undefined ? redactedLabel(child) : walk(child);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
