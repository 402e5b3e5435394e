import type fc from 'fast-check';
import type { RequestBody } from './testCase.js';

/** One faulty request and the member path its fault sits at (WhyInvalid.path). */
export interface Fault {
  request: RequestBody;
  path: string;
}

/** How to break one rule alone against a pool, or why it cannot be done there. */
export type BreakerPlan = { ok: true; faults: fc.Arbitrary<Fault> } | { ok: false; reason: string };

export function cannotBreak(reason: string): BreakerPlan {
  return { ok: false, reason };
}

/**
 * `list` with `item` inserted at `pos` (modulo), at most `max` long: when full, another element
 * than the item and `keep` goes, so that the list's size never becomes a second fault.
 */
export function withItem<T>(list: readonly T[] | undefined, item: T, pos: number, max = Infinity, keep?: unknown): T[] {
  const xs = [...(list ?? [])];
  const k = pos % (xs.length + 1);
  xs.splice(k, 0, item);
  if (xs.length > max) {
    let drop = xs.length - 1;
    while (drop >= 0 && (drop === k || xs[drop] === keep)) drop--;
    xs.splice(drop, 1);
  }
  return xs;
}
