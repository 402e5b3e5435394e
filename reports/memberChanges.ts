import { stableTokens } from './stableTokens.js';

/** Where two JSON values differ, by member path (`output.UserPoolClient.RefreshTokenRotation`). */
export interface MemberChanges {
  /** Members the earlier value has and the later lacks (what a newer SDK no longer returns or sends). */
  onlyInA: string[];
  /** Members only the later value has (what an older SDK dropped, or a newer one added). */
  onlyInB: string[];
  /** Members in both whose values differ; a list that differs is one change at the list's path. */
  changed: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The members that differ between two views of the same request (the SDK view of one rule in two
 * runs), compared after stable tokens replace generated values as the diff itself does, so that a
 * diff can say which member an SDK upgrade changed instead of showing two long values cut short.
 */
export function memberChanges(before: unknown, after: unknown): MemberChanges {
  const out: MemberChanges = { onlyInA: [], onlyInB: [], changed: [] };
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const p = path === '' ? key : `${path}.${key}`;
        if (a[key] === undefined && b[key] !== undefined) out.onlyInB.push(p);
        else if (b[key] === undefined && a[key] !== undefined) out.onlyInA.push(p);
        else walk(a[key], b[key], p);
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.changed.push(path === '' ? '(the whole value)' : path);
  };
  walk(stableTokens(before), stableTokens(after), '');
  return out;
}
