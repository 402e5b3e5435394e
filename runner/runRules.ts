import type { Rule } from '../contract/rule.js';
import type { Target } from '../targets/exchange.js';
import type { RuleResult } from '../reports/ruleResult.js';
import type { RunEffort } from '../reports/runEffort.js';
import { recordContext } from '../targets/recordingTarget.js';
import { checkRule, type RuleEnv } from './checkRule.js';
import { openOtherRegionTarget } from '../targets/otherRegionTarget.js';
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

  async function runOne(rule: Rule): Promise<void> {
    // A stopped run still goes through checkRule, which sends nothing then and says why.
    listener?.onRuleStart?.(rule);
    let result: RuleResult;
    try {
      // `run --record`: every exchange the rule's cases send is tagged with the rule.
      result = await recordContext.run({ rule: rule.id }, () => checkRule(rule, env));
    } catch (err) {
      harnessErrors.push({ code: 'E_INTERNAL', message: `${rule.id}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` });
      return;
    }
    results.push(result);
    listener?.onRuleResult?.(result);
  }

  for (const rule of rules.filter((r) => runsAlone(r.kind))) await runOne(rule);
  const queue = rules.filter((r) => !runsAlone(r.kind));
  const workers = Math.max(1, Math.min(context.target.concurrency, queue.length));
  await Promise.all(Array.from({ length: workers }, async () => {
    for (let rule = queue.shift(); rule !== undefined; rule = queue.shift()) await runOne(rule);
  }));
  return { results, harnessErrors };
}
