import fc from 'fast-check';

/**
 * fast-check's check of an async predicate (it throws to fail), with shrinking that leaps first.
 *
 * fast-check shrinks greedily: from a failing value it tries the first shrink candidate, keeps it
 * if it fails too, and starts again from there, until a value has no failing candidate. Each try is
 * a request here (several, with Describe, List and Delete), and one after the other: against a
 * target that fails a rule for any input of the rule's kind (an emulator that checks nothing), the
 * whole walk is 25–700 sequential requests per rule, which dominated the run (issue 10: 4,120 shrink
 * steps for 618 cases against cognito-local).
 *
 * When every candidate on the way fails, the walk takes candidate 0 each time and ends at the
 * leaf, the value with no shrink candidate at all — and that walk needs no target: it is the shrink
 * of an always-failing predicate, computed locally. So, after the first failing case:
 * 1. compute that leaf (path `k:0:0:…:0`) without sending anything;
 * 2. send the leaf alone: if it fails, it is exactly the counterexample fast-check would have
 *    ended at had every step failed, and the smallest its shrinker can make — reported with its
 *    path, so the printed replay command still replays it;
 * 3. if it passes, shrink as fast-check always did, from the first failing case (not sent again:
 *    its failure is reused), so the result is the very one plain fc.check gives.
 * Either way the counterexample is never larger than plain shrinking's, and the verdict is the same;
 * what is saved is every intermediate step when the leaf fails.
 */
export interface LeapingCheckParams {
  seed: number;
  numRuns: number;
  /** Replay: check only the value at this path (what `--replay-path` gives). */
  path?: string;
  /** Wall-clock cap on the whole check, shrinking included. */
  timeLimitMs?: number;
}

/** The part of fast-check's RunDetails a caller reads, with `numRuns` the cases up to the first failure. */
export interface LeapingCheckDetails<T> {
  failed: boolean;
  interrupted: boolean;
  numRuns: number;
  counterexample: [T] | null;
  counterexamplePath: string | null;
  errorInstance: unknown;
  /** How the counterexample was reached: the leap's leaf, fast-check's own shrink, or no shrink (replay, no candidate). */
  shrunkBy: 'leap' | 'fast-check' | 'none';
}

function detailsOf<T>(d: fc.RunDetails<[T]>, numRuns: number, shrunkBy: LeapingCheckDetails<T>['shrunkBy']): LeapingCheckDetails<T> {
  return {
    failed: d.failed,
    interrupted: d.interrupted,
    numRuns,
    counterexample: d.counterexample,
    counterexamplePath: d.counterexamplePath,
    errorInstance: d.failed ? d.errorInstance : undefined,
    shrunkBy,
  };
}

export async function leapingCheck<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, params: LeapingCheckParams): Promise<LeapingCheckDetails<T>> {
  const deadline = params.timeLimitMs === undefined ? undefined : Date.now() + params.timeLimitMs;
  const limit = () => (deadline === undefined ? {} : { interruptAfterTimeLimit: Math.max(1, deadline - Date.now()) });
  const base = { seed: params.seed, numRuns: params.numRuns };

  if (params.path !== undefined) {
    const replay = await fc.check(fc.asyncProperty(arbitrary, predicate), { ...base, ...limit(), path: params.path, endOnFailure: true });
    return detailsOf(replay, replay.numRuns, 'none');
  }

  const first = await fc.check(fc.asyncProperty(arbitrary, predicate), { ...base, ...limit(), endOnFailure: true });
  if (!first.failed || first.counterexamplePath === null) return detailsOf(first, first.numRuns, 'none');
  const runs = first.numRuns;
  const firstPath = first.counterexamplePath;

  // 1. The leaf, locally: the shrink of a predicate that always fails, from the same first case.
  const walk = fc.check(fc.property(arbitrary, (_value: T) => false), { ...base, path: firstPath });
  const leafPath = walk.counterexamplePath;
  if (!walk.failed || leafPath === null || walk.counterexample === null || leafPath === firstPath) {
    // The first failing case has no shrink candidate: it is already the smallest.
    return detailsOf(first, runs, 'none');
  }

  // 2. The leaf alone, against the target.
  const leaf = walk.counterexample[0];
  try {
    await predicate(leaf);
  } catch (errorInstance) {
    return { failed: true, interrupted: false, numRuns: runs, counterexample: [leaf], counterexamplePath: leafPath, errorInstance, shrunkBy: 'leap' };
  }

  // 3. fast-check's own shrink from the first failing case, whose failure is reused, not resent.
  let reused = false;
  const resumed = async (value: T): Promise<void> => {
    if (!reused) {
      reused = true;
      throw first.errorInstance;
    }
    await predicate(value);
  };
  const shrunk = await fc.check(fc.asyncProperty(arbitrary, resumed), { ...base, ...limit(), path: firstPath });
  // Interrupted (time limit) before it even took up the first case: that failure stands, unshrunk.
  if (!shrunk.failed) return detailsOf(first, runs, 'none');
  return detailsOf(shrunk, runs, 'fast-check');
}
