import { afterAll, describe, inject, test } from 'vitest';
import type { RuleKind } from '../contract/rule.js';
import { contract } from '../contract/contract.js';
import { selectRules } from './selectRules.js';
import { checkRule } from './checkRule.js';
import { targetFromSettings } from './targetFromSettings.js';
import { replayCommand } from './replayCommand.js';

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
 * Registers one vitest test per rule of the given kinds, each a seeded fast-check property against
 * the run's target. `sequential` is for rules whose observations must not interleave with other
 * creates in the pool (side effects read the pool's client list before and after).
 */
export function defineRuleTests(title: string, kinds: readonly RuleKind[], options: { sequential?: boolean } = {}): void {
  const ctx = inject('conformance');
  const rules = selectRules(contract.rules, kinds, ctx.rules);
  const target = targetFromSettings(ctx.target);
  const earlierClientIds = new Set<string>();
  afterAll(() => target.close());

  describe(title, { concurrent: !options.sequential }, () => {
    for (const rule of rules) {
      test(rule.id, async ({ task, skip }) => {
        const result = await checkRule(rule, {
          target,
          pool: ctx.pool,
          capabilities: ctx.capabilities,
          runSeed: ctx.seed,
          runs: ctx.runs,
          replayPath: ctx.replayPath,
          earlierClientIds,
          replayCommand: (id, path) => replayCommand(ctx, id, path),
          timeLimitMs: 60_000,
        });
        task.meta.conformance = result;
        if (result.status === 'skipped') skip(result.reason);
        if (result.status === 'failed') throw new ConformanceFailure(`${rule.id}: ${result.reason ?? 'failed'}`);
        if (result.status === 'error') throw new HarnessFailure(`${rule.id}: ${result.reason ?? 'harness error'}`, result.errorCode ?? 'E_INTERNAL');
      });
    }
  });
}
