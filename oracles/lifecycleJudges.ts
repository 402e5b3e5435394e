import type { LifecycleJudge } from './lifecycleJudge.js';
import { deletedGoneJudge } from './deletedGoneJudge.js';
import { lifecycleDatesJudge } from './lifecycleDatesJudge.js';
import { listCompleteJudge } from './listCompleteJudge.js';
import { listingShapeJudge } from './listingShapeJudge.js';
import { listMaxResultsJudge } from './listMaxResultsJudge.js';
import { secretStableJudge } from './secretStableJudge.js';
import { unknownClientJudge } from './unknownClientJudge.js';
import { updateAnswerIsDescribeJudge } from './updateAnswerIsDescribeJudge.js';
import { updateKeepsNameJudge } from './updateKeepsNameJudge.js';
import { updateReplacesJudge } from './updateReplacesJudge.js';
import { updateValidatedJudge } from './updateValidatedJudge.js';

/** Every lifecycle judge, for the live lifecycle runner and for `judge` of recordings alike. */
export const lifecycleJudges: readonly LifecycleJudge[] = [
  updateReplacesJudge,
  updateKeepsNameJudge,
  updateAnswerIsDescribeJudge,
  lifecycleDatesJudge,
  updateValidatedJudge,
  deletedGoneJudge,
  listCompleteJudge,
  listMaxResultsJudge,
  secretStableJudge,
  unknownClientJudge,
  listingShapeJudge,
];

/** The judges of one rule. */
export function lifecycleJudgesFor(ruleId: string): LifecycleJudge[] {
  return lifecycleJudges.filter((j) => j.rules.includes(ruleId));
}
