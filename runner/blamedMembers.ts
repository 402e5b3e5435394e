import { requestMembers } from '../contract/requestMembers.js';

/**
 * The request members a real error message blames, so that "AWS rejected this" can be held
 * against "the contract rejects it for this rule". Read off the message text, in three ways:
 *
 * 1. a model-validation message names the member path in lowerCamelCase:
 *    `Value '[code, token]' at 'allowedOAuthFlows' failed to satisfy constraint` (docs/evidence.md §5 X0);
 * 2. a message that spells a member's wire name (`CallbackUrls can not be empty…`,
 *    `AllowedOAuthFlows and AllowedOAuthScopes are required…`), compared ignoring case;
 * 3. the messages real AWS sends without a member name (docs/evidence.md §5; quoted in contract/sources.ts), by their wording:
 *    "Invalid range for token validity.", "REFRESH_TOKEN_AUTH should always be allowed.",
 *    "client_credentials flow can not be selected…", "Invalid scope requested: …",
 *    "The provider Google does not exist for User Pool …", "Invalid read/write attributes specified…",
 *    "User pool … does not exist.", "openid is not supported with client_credentials flow".
 *
 * An empty set means the message blames nothing we can read; the caller then falls back to the
 * rule the request judge finds.
 */
const MEMBERS = Object.keys(requestMembers);
const BY_LOWER = new Map(MEMBERS.map((m) => [m.toLowerCase(), m]));

const WORDING: ReadonlyArray<{ test: RegExp; members: readonly string[] }> = [
  { test: /token validity/i, members: ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits'] },
  { test: /\b(ALLOW_)?[A-Z_]*_AUTH\b|auth(entication)? flows?\b/, members: ['ExplicitAuthFlows'] },
  { test: /client_credentials|code flow|implicit flow|oauth flows?/i, members: ['AllowedOAuthFlows'] },
  { test: /\bscopes?\b|openid/i, members: ['AllowedOAuthScopes'] },
  { test: /provider .* does not exist|identity provider/i, members: ['SupportedIdentityProviders'] },
  { test: /read attributes/i, members: ['ReadAttributes'] },
  { test: /write attributes/i, members: ['WriteAttributes'] },
  { test: /user pool \S+ does not exist|user pool .*not found/i, members: ['UserPoolId'] },
  { test: /client secret/i, members: ['GenerateSecret', 'ClientSecret'] },
  { test: /callback/i, members: ['CallbackURLs'] },
  { test: /logout|sign-?out url/i, members: ['LogoutURLs'] },
  { test: /default redirect/i, members: ['DefaultRedirectURI'] },
  { test: /analytics|pinpoint/i, members: ['AnalyticsConfiguration'] },
  { test: /user context data/i, members: ['EnablePropagateAdditionalUserContextData'] },
];

/** `tokenValidityUnits.accessToken` → TokenValidityUnits; `callbackURLs.member.1` → CallbackURLs. */
function memberOfPath(path: string): string | undefined {
  return BY_LOWER.get(path.split(/[.[]/)[0].toLowerCase());
}

export function blamedMembers(message: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!message) return out;
  for (const m of message.matchAll(/\bat '([^']+)'/g)) {
    const member = memberOfPath(m[1]);
    if (member) out.add(member);
  }
  for (const word of message.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []) {
    const member = BY_LOWER.get(word.toLowerCase());
    // Short common words (`ClientName` never collides, but guard anyway) must look like a name.
    if (member && /[A-Z]/.test(word.slice(1))) out.add(member);
  }
  if (out.size === 0) for (const w of WORDING) if (w.test.test(message)) w.members.forEach((m) => out.add(m));
  return out;
}

/** A message as compared with a rule's known one: case, surrounding space and a final period do not count. */
export function sameMessage(a: string | undefined, b: string | undefined): boolean {
  const normal = (m: string) => m.trim().replace(/\.$/, '').toLowerCase();
  return a !== undefined && b !== undefined && normal(a) === normal(b);
}

/** The top-level request members a rule is about (`CallbackURLs[]` → CallbackURLs). */
export function ruleTopMembers(members: readonly string[]): Set<string> {
  return new Set(members.map((m) => m.split(/[.[]/)[0]));
}
