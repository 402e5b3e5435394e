import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leapingCheck } from './leapingCheck.js';

/** Records a request: an object like the suite's cases, with a list and a number to shrink. */
const arbitrary = fc.record({
  name: fc.string({ minLength: 1, maxLength: 30 }),
  urls: fc.array(fc.webUrl(), { minLength: 2, maxLength: 12 }),
  validity: fc.integer({ min: 1, max: 1_000 }),
});
type Value = typeof arbitrary extends fc.Arbitrary<infer T> ? T : never;

const SEED = 42;
const RUNS = 25;

/** A predicate that fails when `fails` says so, counting calls (each would be a request). */
function counted(fails: (v: Value) => boolean): { predicate: (v: Value) => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    predicate: async (v) => {
      calls++;
      await Promise.resolve();
      if (fails(v)) throw new Error(`fails: ${JSON.stringify(v)}`);
    },
    calls: () => calls,
  };
}

/** Plain fast-check, as the runner did before: the reference result. */
async function plain(fails: (v: Value) => boolean): Promise<{ path: string | null; value: Value | undefined; numRuns: number; calls: number }> {
  const c = counted(fails);
  const d = await fc.check(fc.asyncProperty(arbitrary, c.predicate), { seed: SEED, numRuns: RUNS });
  return { path: d.counterexamplePath, value: d.counterexample?.[0], numRuns: d.numRuns, calls: c.calls() };
}

describe('leapingCheck', () => {
  it('when every candidate fails, ends where fast-check ends (same path, same value) after two calls instead of the whole walk', async () => {
    const always = () => true;
    const reference = await plain(always);
    const c = counted(always);
    const d = await leapingCheck(arbitrary, c.predicate, { seed: SEED, numRuns: RUNS });
    expect(d.failed).toBe(true);
    expect(d.shrunkBy).toBe('leap');
    expect(d.counterexamplePath).toBe(reference.path);
    expect(d.counterexample?.[0]).toEqual(reference.value);
    expect(d.numRuns).toBe(reference.numRuns);
    expect(c.calls()).toBe(2);
    expect(reference.calls).toBeGreaterThan(10);
  });

  it('when the leaf passes, gives exactly fast-check\'s own shrink, without sending the first failing case again', async () => {
    // Fails only with a long enough list and a large validity: the leaf (empty list, validity 1) passes.
    const some = (v: Value) => v.urls.length >= 2 && v.validity > 300;
    const reference = await plain(some);
    expect(reference.path).not.toBeNull();
    const c = counted(some);
    const d = await leapingCheck(arbitrary, c.predicate, { seed: SEED, numRuns: RUNS });
    expect(d.shrunkBy).toBe('fast-check');
    expect(d.counterexamplePath).toBe(reference.path);
    expect(d.counterexample?.[0]).toEqual(reference.value);
    expect(d.numRuns).toBe(reference.numRuns);
    // One call more (the leaf); the first failing case is not sent again.
    expect(c.calls()).toBe(reference.calls + 1);
  });

  it('prints a path that plain fast-check replays to the same counterexample (the replay command)', async () => {
    const fails = (v: Value) => v.validity > 10;
    const d = await leapingCheck(arbitrary, counted(fails).predicate, { seed: SEED, numRuns: RUNS });
    const path = d.counterexamplePath ?? '';
    const replay = await fc.check(fc.asyncProperty(arbitrary, counted(fails).predicate), { seed: SEED, numRuns: RUNS, path, endOnFailure: true });
    expect(replay.failed).toBe(true);
    expect(replay.counterexample?.[0]).toEqual(d.counterexample?.[0]);
    // And leapingCheck's own replay mode checks that one value only.
    const c = counted(fails);
    const again = await leapingCheck(arbitrary, c.predicate, { seed: SEED, numRuns: RUNS, path });
    expect(again.counterexample?.[0]).toEqual(d.counterexample?.[0]);
    expect(c.calls()).toBe(1);
  });

  it('passes as fast-check does when nothing fails', async () => {
    const c = counted(() => false);
    const d = await leapingCheck(arbitrary, c.predicate, { seed: SEED, numRuns: RUNS });
    expect(d).toMatchObject({ failed: false, numRuns: RUNS, counterexample: null });
    expect(c.calls()).toBe(RUNS);
  });

  it('keeps the first failure when the predicate stops failing afterwards (a stopped run sends nothing and passes)', async () => {
    let stopped = false;
    const c = counted((v) => {
      if (stopped) return false;
      if (v.validity > 0) {
        stopped = true;
        return true;
      }
      return false;
    });
    const d = await leapingCheck(arbitrary, c.predicate, { seed: SEED, numRuns: RUNS });
    expect(d.failed).toBe(true);
    expect(d.counterexamplePath).toBe('0');
    expect(String(d.errorInstance)).toContain('fails:');
  });
});
