/**
 * Sequences a lifecycle rule runs for `--runs N`: one sequence is up to eight steps and a listing
 * may take several pages, about ten to twenty requests where a Create rule's case takes one to
 * four, so a fifth of the runs (at least two) keeps a lifecycle rule's requests near a Create
 * rule's. `--runs 25` (the default) gives five sequences.
 */
export const LIFECYCLE_RUNS_DIVISOR = 5;
export const MIN_LIFECYCLE_RUNS = 2;

export function lifecycleRuns(runs: number): number {
  return Math.max(MIN_LIFECYCLE_RUNS, Math.ceil(runs / LIFECYCLE_RUNS_DIVISOR));
}
