/**
 * One difference between two values already made comparable (reports/stableTokens.ts): a member
 * only in A (`after` absent), only in B (`before` absent), or with another value; for a list (lists
 * are multisets there), the items only in A and only in B.
 */
export interface ValueChange {
  /** Dotted member path (`UserPoolClient.RefreshTokenRotation`); empty for the value itself. */
  path: string;
  before?: unknown;
  after?: unknown;
  /** The change is to a list: `before` and `after` hold only the items each side lacks of the other. */
  list?: true;
}

/**
 * Where two values differ, member by member, so that a diff can say "UserPoolClient.X: only in A"
 * instead of printing two long JSON lines that differ somewhere.
 */
export function valueChanges(before: unknown, after: unknown, path = ''): ValueChange[] {
  if (same(before, after)) return [];
  if (before === undefined) return [{ path, after }];
  if (after === undefined) return [{ path, before }];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const here = path ? `${path}.${k}` : k;
      if (!(k in after)) return [{ path: here, before: before[k] }];
      if (!(k in before)) return [{ path: here, after: after[k] }];
      return valueChanges(before[k], after[k], here);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return [{ path, before: lacking(before, after), after: lacking(after, before), list: true }];
  }
  return [{ path, before, after }];
}

/** The items of `a` that `b` does not hold, counting repeats. */
function lacking(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const left = b.map((x) => JSON.stringify(x));
  return a.filter((x) => {
    const i = left.indexOf(JSON.stringify(x));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
