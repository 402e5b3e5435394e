import { isJsonObject } from './jsonObject.js';

/** The value at a dotted member path (`TokenValidityUnits.RefreshToken`), or undefined. */
export function memberAt(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (!isJsonObject(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}
