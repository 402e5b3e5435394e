import type { Rule } from '../contract/rule.js';
import type { Target } from '../targets/exchange.js';
import type { RuleResult } from '../reports/ruleResult.js';
import type { RunEffort } from '../reports/runEffort.js';
import { recordContext } from '../targets/recording/recordingTarget.js';
import { checkRule, type RuleEnv } from './checkRule.js';
import { openOtherRegionTarget } from '../targets/aws/otherRegionTarget.js';
import type { RunBudget } from './runBudget.js';
import type { RunContext } from './runContext.js';
import { ruleEnvOf } from './ruleEnv.js';
import { runsAlone } from './sequentialKinds.js';

/** Result events of an in-process run, as they happen (progress output, recorders, budgets). */
export interface RunListener {
  onRuleStart?(rule: Rule): void;
  onRuleResult?(result: RuleResult): void;
  /** Where this listener wants the run's cases, shrink steps and requests counted (progress). */
  readonly effort?: RunEffort;
}

export interface RunRulesOptions {
  target: Target;
  context: RunContext;
  listener?: RunListener;
  /** Aborting it stops the run: no new rule and no new case starts; each rule ends with what it has. */
  signal?: AbortSignal;
  /**
   * `--max-requests` / `--time-budget`: asked before every case; once spent no new case starts,
   * cases in flight finish, and rules that did not get all their cases end `incomplete`.
   */
  budget?: RunBudget;
  /**
   * The target in the run's second region (region rules), or why there is none; absent: opened
   * here from `context.otherRegion` for the rules' time (prepareRun's has the recording around it).
   */
  otherRegion?: RuleEnv['otherRegion'];
}

export interface RulesOutcome {
  results: RuleResult[];
  /** Errors outside any rule's own result (a bug in the runner): the rule has no result then. */
  harnessErrors: { code: string; message: string }[];
}

/**
 * Runs rules in this process, without a test framework: each rule is a seeded fast-check property
 * (checkRule) and the rules share one work queue, so the target stays busy with
 * `context.target.concurrency` rules in flight until the last one ends (a rule sends one request
 * at a time). Rules that must run alone (SEQUENTIAL_KINDS) run first, one after the other, before
 * the others start. Same cases, same statuses as the plain-vitest suite files for the same seed.
 *
 * With several pools (context.pools: the quotas allow each operation 5 requests per second in
 * every pool, runPlan.ts) a rule runs all its cases in one pool, the one with the fewest rules in
 * flight when it starts; the rules that must run alone take the first pool to themselves and run
 * there while the others fill the remaining pools, which they join once those are done. Which
 * pool a rule gets changes no case: the pools are alike but for their id.
 */
export async function runRules(rules: readonly Rule[], options: RunRulesOptions): Promise<RulesOutcome> {
  const { context } = options;
  const earlierClientIds = new Set<string>();
  const needsOther = options.otherRegion === undefined && rules.some((r) => r.via === 'other-region');
  const own = needsOther ? await openedOtherRegion(context) : undefined;
  try {
    return await runAll(rules, options, own ?? options.otherRegion, earlierClientIds);
  } finally {
    if (own !== undefined && 'target' in own) await own.target.close();
  }
}

async function openedOtherRegion(context: RunContext): Promise<NonNullable<RuleEnv['otherRegion']>> {
  const other = context.otherRegion ?? { skipped: 'the run has no second region' };
  return 'skipped' in other ? other : { region: other.settings.region, target: await openOtherRegionTarget(other.settings) };
}

async function runAll(rules: readonly Rule[], options: RunRulesOptions, otherRegion: RuleEnv['otherRegion'], earlierClientIds: Set<string>): Promise<RulesOutcome> {
  const { context, listener, signal } = options;
  const env = {
    ...ruleEnvOf(context, options.target, earlierClientIds, signal, otherRegion),
    ...(listener?.effort ? { effort: listener.effort } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  };
  const results: RuleResult[] = [];
  const harnessErrors: RulesOutcome['harnessErrors'] = [];
  const pools = context.pools !== undefined && context.pools.length > 1 ? context.pools : [context.pool];
  const inFlight = pools.map(() => 0);

  async function runOne(rule: Rule, poolIndex: number): Promise<void> {
    // A stopped run still goes through checkRule, which sends nothing then and says why.
    listener?.onRuleStart?.(rule);
    let result: RuleResult;
    inFlight[poolIndex] = (inFlight[poolIndex] ?? 0) + 1;
    try {
      // `run --record`: every exchange the rule's cases send is tagged with the rule.
      result = await recordContext.run({ rule: rule.id }, () => checkRule(rule, { ...env, pool: pools[poolIndex] ?? context.pool }));
    } catch (err) {
      harnessErrors.push({ code: 'E_INTERNAL', message: `${rule.id}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` });
      return;
    } finally {
      inFlight[poolIndex] = (inFlight[poolIndex] ?? 1) - 1;
    }
    results.push(result);
    listener?.onRuleResult?.(result);
  }

  const aloneRules = rules.filter((r) => runsAlone(r.kind));
  const queue = rules.filter((r) => !runsAlone(r.kind));
  // With one pool the rules that run alone finish before any other starts; with more, the first
  // pool is theirs until they are done.
  let firstPoolTaken = pools.length > 1 && aloneRules.length > 0;
  const leastBusyPool = (): number => {
    let best = firstPoolTaken ? 1 : 0;
    for (let i = best + 1; i < pools.length; i++) if ((inFlight[i] ?? 0) < (inFlight[best] ?? 0)) best = i;
    return best;
  };
  const drain = async (): Promise<void> => {
    for (let rule = queue.shift(); rule !== undefined; rule = queue.shift()) await runOne(rule, leastBusyPool());
  };
  const workers = Math.max(1, Math.min(context.target.concurrency, queue.length));
  if (pools.length === 1) {
    for (const rule of aloneRules) await runOne(rule, 0);
    await Promise.all(Array.from({ length: workers }, drain));
  } else {
    // One worker runs the rules that run alone, then joins the others on the queue.
    const alone = (async () => {
      for (const rule of aloneRules) await runOne(rule, 0);
      firstPoolTaken = false;
      await drain();
    })();
    await Promise.all([alone, ...Array.from({ length: Math.max(1, workers - (aloneRules.length > 0 ? 1 : 0)) }, drain)]);
  }
  return { results, harnessErrors };
}
