import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import type { RuleKind } from '../contract/rule.js';
import { contract } from '../contract/contract.js';
import type { Target } from '../targets/exchange.js';
import { targetFromSettings } from '../targets/targetSettings.js';
import { selectRules } from '../runner/selectRules.js';
import { checkRule, type RuleEnv } from '../runner/checkRule.js';
import { openOtherRegionTarget } from '../targets/aws/otherRegionTarget.js';
import { ruleEnvOf } from '../runner/ruleEnv.js';
import { runsAlone } from '../runner/sequentialKinds.js';

/** Rule statuses become test outcomes: a failed rule fails its test; its details are in the report. */
class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}
class HarnessFailure extends Error {
  override name = 'HarnessFailure';
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/**
 * The plain-vitest runner (`vitest run -c suites/vitest.config.ts [--shard i/n]`, for CI sharding):
 * registers one vitest test per rule of the given kinds, each the same seeded property the CLI's
 * in-process runner (runRules) runs. Kinds that must run alone (SEQUENTIAL_KINDS) run one test at a
 * time; vitest runs one suite file at a time (suites/vitest.config.ts).
 */
export function defineRuleTests(title: string, kinds: readonly RuleKind[]): void {
  const ctx = inject('conformance');
  const rules = selectRules(contract.rules, kinds, ctx.rules);
  // CONFORMANCE_RULES may select nothing of this file; vitest counts an empty suite as an error.
  if (rules.length === 0) return;
  const earlierClientIds = new Set<string>();
  let target: Target | undefined;
  let otherRegion: RuleEnv['otherRegion'];
  beforeAll(async () => {
    target = await targetFromSettings(ctx.target);
    // The region rules' second region, as the CLI's runner opens it (runner/prepareRun.ts).
    const other = ctx.otherRegion ?? { skipped: 'the run has no second region' };
    otherRegion = 'skipped' in other ? other : { region: other.settings.region, target: await openOtherRegionTarget(other.settings) };
  });
  afterAll(async () => {
    if (otherRegion !== undefined && 'target' in otherRegion) await otherRegion.target.close();
    await target?.close();
  });

  describe(title, { concurrent: !kinds.some(runsAlone) }, () => {
    for (const rule of rules) {
      test(rule.id, async ({ task, skip }) => {
        const result = await checkRule(rule, ruleEnvOf(ctx, target as Target, earlierClientIds, undefined, otherRegion));
        task.meta.conformance = result;
        if (result.status === 'skipped') skip(result.reason);
        if (result.status === 'failed') throw new ConformanceFailure(`${rule.id}: ${result.reason ?? 'failed'}`);
        if (result.status === 'error') throw new HarnessFailure(`${rule.id}: ${result.reason ?? 'harness error'}`, result.errorCode ?? 'E_INTERNAL');
      });
    }
  });
}
