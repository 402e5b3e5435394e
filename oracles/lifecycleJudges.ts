import type { LifecycleJudge } from './lifecycleJudge.js';

/** Every lifecycle judge, for the live lifecycle runner and for `judge` of recordings alike. */
export const lifecycleJudges: readonly LifecycleJudge[] = [];
