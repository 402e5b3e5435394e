/**
 * Secret scrubbing for the free text a transport produces (error messages of the SDK and of the
 * harness). Reporters redact structured values later (oracles/redact.ts); this is for text built
 * here, before it leaves targets/, because some of it is made from response bytes: V8's JSON
 * errors quote a piece of the text they failed on (`Unexpected token 'b', "…" is not valid JSON`),
 * so a malformed body holding a ClientSecret can put part of the secret into an SDK error message.
 */

import { SECRET_MEMBER_PATTERN } from './sensitiveMembers.js';

/** What stands in for a secret or a piece of one. */
export const SCRUBBED = '<redacted>';

/**
 * A run of at least this many characters that occurs inside a known secret is scrubbed even when
 * it is only part of it (V8 quotes about ten characters either side of the failure). Shorter runs
 * are left alone: scrubbing them would mangle ordinary words, and they reveal too little.
 */
export const MIN_SCRUBBED_FRAGMENT = 8;

// The characters of the secrets we know: ClientSecret (base32-like), access key ids, secret keys
// and session tokens (base64: `+`, `/`, `=`).
const TOKEN = /[A-Za-z0-9+/=_-]+/g;

// `"ClientSecret": "…"` (any secret member of sensitiveMembers.ts) in JSON text, even when the text
// as a whole does not parse, and the unquoted `"ClientSecret": …` of a broken body (the very thing
// V8 then quotes in its message).
const CLIENT_SECRET_IN_TEXT = new RegExp(`"(?:${SECRET_MEMBER_PATTERN})"\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s",}\\]]+))`, 'gi');

/** Every secret member's value (`ClientSecret`) written in `text`, found without parsing it as a whole. */
export function clientSecretsInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CLIENT_SECRET_IN_TEXT)) {
    const value = m[1] ?? m[2];
    if (value !== undefined && value !== '') out.push(value);
  }
  return out;
}

/**
 * `text` with every known secret replaced by SCRUBBED, and so is every run of secret-alphabet
 * characters that shares MIN_SCRUBBED_FRAGMENT consecutive characters with one (a quoted piece of
 * a secret, possibly glued to characters that are not part of it).
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  const known = [...new Set(secrets)].filter((s) => s.length >= MIN_SCRUBBED_FRAGMENT).sort((a, b) => b.length - a.length);
  if (known.length === 0) return text;
  let out = text;
  for (const s of known) out = out.split(s).join(SCRUBBED);
  return out.replace(TOKEN, (token) => (known.some((s) => sharesFragment(token, s)) ? SCRUBBED : token));
}

function sharesFragment(token: string, secret: string): boolean {
  for (let i = 0; i + MIN_SCRUBBED_FRAGMENT <= token.length; i++) {
    if (secret.includes(token.slice(i, i + MIN_SCRUBBED_FRAGMENT))) return true;
  }
  return false;
}
