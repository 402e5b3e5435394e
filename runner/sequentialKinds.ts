import type { RuleKind } from '../contract/rule.js';

/**
 * Rule kinds whose cases must not interleave with other creates in the pool: a side-effect rule
 * compares the pool's client list before and after each rejected create, so a client another rule
 * creates meanwhile would read as a side effect. Both runners run them one at a time, alone.
 */
export const SEQUENTIAL_KINDS: readonly RuleKind[] = ['side-effect'];

export function runsAlone(kind: RuleKind): boolean {
  return SEQUENTIAL_KINDS.includes(kind);
}
