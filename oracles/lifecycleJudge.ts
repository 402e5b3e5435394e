import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import type { Verdict } from './verdict.js';

/**
 * A judge of lifecycle rules (contract/lifecycleRules.ts, kind `lifecycle`). It reads the history
 * of exchanges on one pool, in the order they were answered (Create, Describe, Update, List,
 * Delete: the recorded form, so that a live run and `judge` of a recording read the same thing),
 * and judges the last exchange given everything before it. It returns no verdict when the last
 * exchange says nothing about its rules (a Describe for a rule about listings), and a verdict per
 * rule when it does. What the client should be is computed from the history itself: the expected
 * state of a client is the fold of its Create and Updates over the contract's defaults.
 */
export interface LifecycleJudge {
  /** Stable id: the same in code, reports and docs. */
  id: string;
  /** The lifecycle rule ids this judge enforces. */
  rules: readonly string[];
  judge(history: readonly RecordedExchange[]): Verdict[];
}
