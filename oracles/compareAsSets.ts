import { deepEqual } from './deepEqual.js';

export interface SetComparison {
  equal: boolean;
  /** Elements sent that did not come back. */
  missing: unknown[];
  /** Elements that came back without having been sent. */
  extra: unknown[];
}

/**
 * Lists as sets: AWS returns list members in its own order (docs/evidence.md §7 "lists",
 * rule output.lists-as-sets) and a set holds each element once, so order and repeats do not count.
 */
export function compareAsSets(sent: readonly unknown[], got: readonly unknown[]): SetComparison {
  const missing = sent.filter((x, i) => sent.findIndex((y) => deepEqual(x, y)) === i && !got.some((y) => deepEqual(x, y)));
  const extra = got.filter((x, i) => got.findIndex((y) => deepEqual(x, y)) === i && !sent.some((y) => deepEqual(x, y)));
  return { equal: missing.length === 0 && extra.length === 0, missing, extra };
}
