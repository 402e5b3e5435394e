/**
 * The members of `from` that `to` lacks, as dotted paths (`RefreshTokenRotation`,
 * `UserPoolClient.RefreshTokenRotation`): what the SDK did not serialize of a request as built, or
 * did not keep of an answer the server sent, because its model lacks the member (an SDK older than
 * the member). Only object members are followed: a member missing whole is named once, not its
 * children; list items are not compared (the SDK's handling of them is in the body it sent).
 * A member whose value is null or undefined in `from` counts as absent there.
 */
export function missingMembers(from: unknown, to: unknown, path = ''): string[] {
  if (!isPlainObject(from)) return [];
  const other = isPlainObject(to) ? to : {};
  const missing: string[] = [];
  for (const [key, value] of Object.entries(from)) {
    if (value === null || value === undefined) continue;
    const here = path ? `${path}.${key}` : key;
    const there = other[key];
    if (there === null || there === undefined) missing.push(here);
    else missing.push(...missingMembers(value, there, here));
  }
  return missing;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
