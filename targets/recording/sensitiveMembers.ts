import { contract } from '../../contract/contract.js';
import type { MemberNode } from '../../contract/memberNode.js';

/**
 * Which values must never appear in a log, report, recording or replay command, derived from the
 * contract instead of listed by hand: every member the model marks `@sensitive` (MemberNode
 * `sensitive`, from the shape's `smithy.api#sensitive` trait) in the request or the response, at
 * any depth, except the explicit, documented exceptions below. A model update that marks another
 * member sensitive makes it secret here with no other change. Credentials and the request headers
 * that carry them are secret too (SECRET_HEADERS); the transports never put request headers into
 * an Exchange, and anything that records them must use redactHeaders.
 */

/**
 * Sensitive in the model, kept on purpose. ClientId (ClientIdType is `@sensitive`) is a public
 * identifier: it is sent by browsers in hosted-UI and token URLs (OAuth 2.0 `client_id`, RFC 6749
 * section 2.2 calls it "not a secret"), a failure cannot be replayed or debugged without it, and
 * every client a run creates is deleted after it has been judged.
 */
export const KEPT_SENSITIVE_MEMBERS: Readonly<Record<string, string>> = Object.freeze({
  ClientId: 'a public identifier (OAuth client_id), needed to replay and debug a failure; every client a run creates is deleted',
});

/** Headers that carry credentials: SigV4's signature, the session token, and cookies. */
export const SECRET_HEADERS: readonly string[] = ['authorization', 'x-amz-security-token', 'cookie', 'set-cookie'];

/** Names of the members marked sensitive anywhere under `members` (structure members and list items included). */
export function sensitiveMemberNames(members: Readonly<Record<string, MemberNode>>): string[] {
  const out = new Set<string>();
  const walk = (name: string, node: MemberNode): void => {
    if (node.sensitive === true) out.add(name);
    if (node.items !== undefined) walk(name, node.items);
    for (const [child, sub] of Object.entries(node.members ?? {})) walk(child, sub);
  };
  for (const [name, node] of Object.entries(members)) walk(name, node);
  return [...out].sort();
}

/** The secret members: sensitive in the request or response of the contract, less the kept ones. */
export const SECRET_MEMBERS: readonly string[] = Object.freeze(
  [...new Set([...sensitiveMemberNames(contract.input), ...sensitiveMemberNames(contract.output)])]
    .filter((name) => !Object.hasOwn(KEPT_SENSITIVE_MEMBERS, name))
    .sort(),
);

const SECRET_KEYS = new Set(SECRET_MEMBERS.map((m) => m.toLowerCase()));

/** True for a JSON key that names a secret member (case-insensitive: some emulators change case). */
export function isSecretMember(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/** A regular-expression alternative matching the secret member names, for finding them in text. */
export const SECRET_MEMBER_PATTERN = SECRET_MEMBERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** A copy of request headers with the credential-bearing ones replaced by `<redacted>`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? '<redacted>' : value;
  return out;
}
