import type { PoolContext } from '../contract/poolContext.js';
import type { FixtureCapabilities } from '../targets/pool/fixtureCapabilities.js';
import type { TargetSettings } from '../targets/targetSettings.js';

/**
 * What a prepared run hands to whatever runs its rules: the in-process runner (runRules) or the
 * plain-vitest suite files (through `provide`/`inject`). Plain data; it holds no secret: each
 * process builds its own credentials from the standard chain.
 */
export interface RunContext {
  runId: string;
  seed: number;
  runs: number;
  target: TargetSettings;
  pool: PoolContext;
  /**
   * Every pool of the run, `pool` first, when it has more than one (runner/runPlan.ts: as many as
   * the quotas make worth it); the in-process runner spreads the rules over them.
   */
  pools?: readonly PoolContext[];
  /** What the pool fixture could create; rules needing the rest are skipped with the reason. */
  capabilities: FixtureCapabilities;
  startedAt: string;
  /** The flags that select the target, for replay commands. */
  targetArgs: string[];
  replayPath?: string;
  /** `--rules` patterns. */
  rules?: string;
  /** Wall-clock cap on one rule's property, shrinking included. */
  ruleTimeLimitMs: number;
  /**
   * The settings of the same target in the second region of the region rules (runner/otherRegionTarget.ts),
   * or why the run has none; absent: a run prepared without it (its region rules are skipped).
   */
  otherRegion?: { settings: TargetSettings } | { skipped: string };
}
