import fc from 'fast-check';

/**
 * Boundary-weighted arbitraries: a bounded thing hits its minimum and maximum on purpose, not by
 * luck. The first alternative is always the small one and `withCrossShrink` lets a counterexample
 * fall back to it, so a case generated at a boundary still shrinks to a small value.
 */

/** An integer in [min, max], the bounds themselves one time in two. */
export function intWithBoundaries(min: number, max: number): fc.Arbitrary<number> {
  if (min === max) return fc.constant(min);
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.integer({ min, max }), weight: 2 },
    { arbitrary: fc.constant(min), weight: 1 },
    { arbitrary: fc.constant(max), weight: 1 },
  );
}

/**
 * A sub-list of distinct elements of `items` in random order, with `min`..`max` elements (capped by
 * what `items` has): short ones mostly, the shortest and the longest ones on purpose.
 */
export function sizedSubset<T>(items: readonly T[], min: number, max: number): fc.Arbitrary<T[]> {
  const hi = Math.min(max, items.length);
  if (hi < min) throw new Error(`sizedSubset: ${items.length} items cannot make a list of at least ${min}`);
  const pool = [...items];
  const alternatives: fc.WeightedArbitrary<T[]>[] = [
    { arbitrary: fc.shuffledSubarray(pool, { minLength: min, maxLength: Math.min(hi, min + 2) }), weight: 3 },
    { arbitrary: fc.shuffledSubarray(pool, { minLength: hi, maxLength: hi }), weight: 1 },
    { arbitrary: fc.shuffledSubarray(pool, { minLength: min, maxLength: hi }), weight: 1 },
  ];
  if (min === 0) alternatives.push({ arbitrary: fc.constant([] as T[]), weight: 1 });
  return fc.oneof({ withCrossShrink: true }, ...alternatives);
}

/**
 * A list of `min`..`max` generated elements: short ones mostly, empty and full ones on purpose.
 * Full lists are rarer (1 in 15) than in sizedSubset: their elements are generated and can be large.
 */
export function sizedList<T>(item: fc.Arbitrary<T>, min: number, max: number): fc.Arbitrary<T[]> {
  const alternatives: fc.WeightedArbitrary<T[]>[] = [
    { arbitrary: fc.array(item, { minLength: Math.max(min, 1), maxLength: Math.max(min, Math.min(max, 3)) }), weight: 12 },
    { arbitrary: fc.array(item, { minLength: max, maxLength: max }), weight: 1 },
  ];
  if (min === 0) alternatives.push({ arbitrary: fc.constant([] as T[]), weight: 2 });
  return fc.oneof({ withCrossShrink: true }, ...alternatives);
}
