import type { Target } from '../targets/exchange.js';
import type { RuleEnv } from './checkRule.js';
import { replayCommand } from './replayCommand.js';
import type { RunContext } from './runContext.js';

/**
 * What checkRule needs from a prepared run, built the same way by both runners (runRules in the
 * CLI, defineRuleTests under plain vitest), so that a seed gives the same cases either way.
 * `earlierClientIds` collects the ClientIds the rules sharing it have seen (output.client-id.unique).
 */
export function ruleEnvOf(ctx: RunContext, target: Target, earlierClientIds: Set<string>, signal?: AbortSignal, otherRegion?: RuleEnv['otherRegion']): RuleEnv {
  return {
    target,
    ...(otherRegion === undefined ? {} : { otherRegion }),
    pool: ctx.pool,
    capabilities: ctx.capabilities,
    runSeed: ctx.seed,
    runs: ctx.runs,
    ...(ctx.replayPath === undefined ? {} : { replayPath: ctx.replayPath }),
    earlierClientIds,
    replayCommand: (id, path) => replayCommand(ctx, id, path),
    timeLimitMs: ctx.ruleTimeLimitMs,
    ...(signal === undefined ? {} : { signal }),
  };
}
