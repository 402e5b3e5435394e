import { oneLine } from './oneLine.js';
import type { ValueChange } from './valueChanges.js';

/** Values in a change line are cut to this: the line names the member, the value only shows it. */
const VALUE_WIDTH = 80;

/**
 * One ValueChange as a line of a diff: `<root>.<path>: only in A (…)`, `… only in B (…)`,
 * `…: <A value> in A, <B value> in B`, and for a list the items each side lacks.
 */
export function valueChangeLine(c: ValueChange, root: string): string {
  const name = root && c.path ? `${root}.${c.path}` : c.path || root;
  const v = (x: unknown) => oneLine(x, VALUE_WIDTH);
  if (c.list) {
    const onlyA = c.before as unknown[];
    const onlyB = c.after as unknown[];
    return `${name}: ${[...(onlyA.length ? [`only in A ${v(onlyA)}`] : []), ...(onlyB.length ? [`only in B ${v(onlyB)}`] : [])].join('; ')}`;
  }
  if (!('after' in c)) return `${name}: only in A (${v(c.before)})`;
  if (!('before' in c)) return `${name}: only in B (${v(c.after)})`;
  return `${name}: ${v(c.before)} in A, ${v(c.after)} in B`;
}
