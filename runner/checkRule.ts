import type { Rule } from '../contract/rule.js';
import type { PoolContext } from '../contract/poolContext.js';
import { isConfirmed } from '../contract/verdictStrength.js';
import { casesFor } from '../generators/casesFor.js';
import { fixedCasesFor, PROBE_PATH_PREFIX } from '../generators/fixedCases.js';
import type { TestCase } from '../generators/testCase.js';
import type { Target } from '../targets/exchange.js';
import { isHarnessError } from '../targets/harnessError.js';
import { unmetNeed, type FixtureCapabilities } from '../targets/pool/fixtureCapabilities.js';
import { oraclesForRule } from '../oracles/oraclesForRule.js';
import type { Observation } from '../oracles/observation.js';
import type { Verdict } from '../oracles/verdict.js';
import { redactSecrets, secretsIn } from '../oracles/redact.js';
import { basisOf, type RuleResult } from '../reports/ruleResult.js';
import type { RunEffort } from '../reports/runEffort.js';
import { recordContext } from '../targets/recording/recordingTarget.js';
import { checkLifecycleRule } from './checkLifecycleRule.js';
import { leapingCheck } from './leapingCheck.js';
import { observeCase } from './observeCase.js';
import { shownFailure } from './shownFailure.js';
import type { RunBudget } from './runBudget.js';
import { ruleSeed } from './ruleSeed.js';
import { sdkSample } from './sdkSample.js';

export interface RuleEnv {
  target: Target;
  pool: PoolContext;
  capabilities: FixtureCapabilities;
  runSeed: number;
  runs: number;
  replayPath?: string;
  earlierClientIds: Set<string>;
  /** Builds the command that replays one case of a rule. */
  replayCommand(ruleId: string, path: string): string;
  /** Wall-clock cap on one rule's property, shrinking included. */
  timeLimitMs?: number;
  /**
   * Once aborted, no further case is sent (a budget or quota ran out): the rule ends with what it
   * has, a failure found so far included, and says why it stopped.
   */
  signal?: AbortSignal;
  /** Where the cases, shrink steps and requests sent are counted as they happen (progress, benches). */
  effort?: RunEffort;
  /**
   * `--max-requests` / `--time-budget` (runBudget.ts): asked before every case and shrink step;
   * once spent, the rule ends with what it has, `incomplete` when it had not finished.
   */
  budget?: Pick<RunBudget, 'beginCase' | 'reason'>;
  /**
   * The target in the run's second region, for rules sent through another region
   * (`via: 'other-region'`), or why there is none: those rules are then skipped with the reason.
   */
  otherRegion?: { region: string; target: Target } | { skipped: string };
}

/** At most this many distinct notes per rule in a report: one per kind of departure is enough. */
const MAX_NOTES = 3;

/** Thrown inside the property when an oracle flags the case; carries what the report shows. */
class RuleViolation extends Error {
  constructor(readonly verdict: Verdict, readonly observation: Observation) {
    super(verdict.message);
  }
}

/**
 * One rule as a fast-check property against the target: every generated case is sent, observed
 * and judged by the oracles that enforce the rule. Seeded per rule; a failure is shrunk and comes
 * back with a replay command.
 */
export async function checkRule(rule: Rule, env: RuleEnv): Promise<RuleResult> {
  const started = Date.now();
  const base = {
    id: rule.id, kind: rule.kind, members: rule.members, evidence: rule.evidence,
    basis: basisOf(rule.evidence), confirmed: isConfirmed(rule), statement: rule.statement,
  };
  const lacking = unmetNeed(env.capabilities, rule.needs);
  if (lacking) return { ...base, status: 'skipped', cases: 0, reason: lacking };
  let via = env.target;
  if (rule.via === 'other-region') {
    const other = env.otherRegion ?? { skipped: 'the run has no second region' };
    if ('skipped' in other) return { ...base, status: 'skipped', cases: 0, reason: other.skipped };
    via = other.target;
  }
  if (rule.kind === 'lifecycle') return checkLifecycleRule(rule, { ...env, target: via }, base, started);
  // Probes the rule sends on every run, before its generated cases (generators/fixedCases.ts);
  // `--replay-path probe:<id>` replays one of them alone, a fast-check path the generated case alone.
  const replayingProbe = env.replayPath?.startsWith(PROBE_PATH_PREFIX) === true;
  const allFixed = fixedCasesFor(rule, env.pool, env.target.info.transport);
  const fixed = env.replayPath === undefined ? allFixed.cases
    : replayingProbe ? allFixed.cases.filter((c) => `${PROBE_PATH_PREFIX}${c.probe}` === env.replayPath) : [];
  const source = replayingProbe ? { ok: false as const, reason: `replaying ${env.replayPath}` } : casesFor(rule, env.pool);
  if (!source.ok && !fixed.length) {
    const reason = allFixed.unsendable.length && !replayingProbe ? `not sent through this transport: ${allFixed.unsendable.join('; ')}` : source.reason;
    return { ...base, status: 'skipped', cases: 0, reason };
  }

  const oracles = oraclesForRule(rule.id);
  let judged = 0;
  let cases = 0;
  let harness: unknown;
  let first: Observation | undefined;
  let stopped = false;
  let caseNumber = 0;
  const notes = new Set<string>();
  // Every property call after the first failure is a shrink step.
  let shrinking = false;
  const target = env.effort ? env.effort.counting(via, rule.id, () => shrinking) : via;
  const judgeOne = (observation: Observation): Verdict | undefined => {
    const verdicts = oracles.flatMap((o) => o.check(observation)).filter((v) => v.ruleId === rule.id);
    if (verdicts.length) judged++;
    for (const v of verdicts) if (v.ok && v.note !== undefined) notes.add(v.note);
    return verdicts.find((v) => !v.ok);
  };
  const withNotes = () => (notes.size ? { notes: [...notes].slice(0, MAX_NOTES) } : {});

  const denied = new Set<string>();
  for (const testCase of fixed) {
    if (env.signal?.aborted || (env.budget !== undefined && !env.budget.beginCase(rule))) {
      stopped = true;
      break;
    }
    env.effort?.step(rule.id, false);
    let observation: Observation;
    try {
      observation = await recordContext.run({ case: `${PROBE_PATH_PREFIX}${testCase.probe ?? ''}` }, () =>
        observeCase(rule, testCase, { target, userPoolId: env.pool.userPoolId, earlierClientIds: env.earlierClientIds }));
    } catch (err) {
      const code = isHarnessError(err) ? err.code : 'E_INTERNAL';
      return { ...base, status: 'error', cases, errorCode: code, reason: err instanceof Error ? err.message : String(err), durationMs: Date.now() - started };
    }
    cases++;
    // A least-privilege role (examples/iam-policy-existing-pool.json) may not touch a pool other
    // than its own: IAM's refusal answers whether the credentials may send the probe, not whether
    // Cognito finds the pool, so the probe is not judged (and the rule says so when none was).
    if (observation.create.errorType === 'AccessDeniedException') {
      denied.add(`${testCase.operation ?? 'CreateUserPoolClient'} (${testCase.probe ?? 'probe'})`);
      continue;
    }
    first ??= observation;
    const bad = judgeOne(observation);
    if (bad) {
      const path = `${PROBE_PATH_PREFIX}${testCase.probe ?? ''}`;
      const sent = { operation: testCase.operation ?? 'CreateUserPoolClient', ...(testCase.rawBody === undefined ? { request: testCase.request } : { rawBody: testCase.rawBody }) };
      return {
        ...base, status: 'failed', cases, durationMs: Date.now() - started, seed: env.runSeed, path, oracle: bad.oracle,
        ...shownFailure(bad, observation),
        reason: `${testCase.probe ?? 'probe'}: ${shownFailure(bad, observation).reason}`,
        counterexample: sent,
        replay: env.replayCommand(rule.id, path),
        ...withNotes(),
      };
    }
  }
  const fixedCases = cases;
  if (!source.ok || stopped) {
    const common = { ...base, durationMs: Date.now() - started, ...withNotes() };
    if (stopped) {
      const why = env.budget?.reason() ?? stopReason(env.signal);
      return { ...common, status: 'incomplete', cases, reason: cases === 0 ? `not run: ${why}` : `stopped after ${cases} probes: ${why}` };
    }
    if (judged === 0 && denied.size) return { ...common, status: 'skipped', cases, reason: `not judged: the run's credentials may not send ${[...denied].join(', ')} (AccessDeniedException)` };
    if (judged === 0) return { ...common, status: 'skipped', cases, reason: `none of ${cases} probes gave an answer this rule judges` };
    return { ...common, status: 'passed', cases, ...(allFixed.unsendable.length ? { reason: `not sent through this transport: ${allFixed.unsendable.join('; ')}` } : {}) };
  }

  const predicate = async (testCase: TestCase): Promise<void> => {
    if (harness) throw harness;
    // Passing without sending: fast-check runs out its remaining runs (or shrink steps) at no cost.
    if (env.signal?.aborted || (env.budget !== undefined && !env.budget.beginCase(rule))) {
      stopped = true;
      return;
    }
    env.effort?.step(rule.id, shrinking);
    let observation: Observation;
    try {
      // `run --record` tags the exchanges of each case (the runner tags the rule), so judge regroups them exactly.
      const tag = { case: String(++caseNumber) };
      observation = await recordContext.run(tag, () => observeCase(rule, testCase, { target, userPoolId: env.pool.userPoolId, earlierClientIds: env.earlierClientIds }));
    } catch (err) {
      harness = err;
      throw err;
    }
    cases++;
    // As for probes: IAM's refusal (a role limited to one pool, and a case naming another) is not Cognito's answer.
    if (observation.create.errorType === 'AccessDeniedException') {
      denied.add(`${testCase.operation ?? 'CreateUserPoolClient'} naming ${String(testCase.request.UserPoolId)}`);
      return;
    }
    first ??= observation;
    const bad = judgeOne(observation);
    if (bad) {
      shrinking = true;
      throw new RuleViolation(bad, observation);
    }
  };
  const seed = ruleSeed(env.runSeed, rule.id);
  // fast-check's check and shrink, leaping to the smallest case first (see leapingCheck).
  const details = await leapingCheck(source.arbitrary, predicate, {
    seed,
    numRuns: env.runs,
    ...(env.replayPath ? { path: env.replayPath } : {}),
    ...(env.timeLimitMs ? { timeLimitMs: env.timeLimitMs } : {}),
  });
  const runsDone = details.numRuns;
  const sample = first ? sdkSample(first) : undefined;
  const common = {
    ...base,
    durationMs: Date.now() - started,
    ...(first && sample ? { sdk: redactSecrets(sample, secretsIn(first.testCase.request, first.create.body)) } : {}),
    ...withNotes(),
  };

  if (details.failed) {
    const err = details.errorInstance;
    if (err instanceof RuleViolation) {
      const path = details.counterexamplePath ?? '';
      return {
        ...common, status: 'failed', cases: runsDone + fixedCases, seed: env.runSeed, path, oracle: err.verdict.oracle,
        ...shownFailure(err.verdict, err.observation),
        replay: env.replayCommand(rule.id, path),
      };
    }
    const code = isHarnessError(err) ? err.code : 'E_INTERNAL';
    const message = err instanceof Error ? err.message : String(err);
    return { ...common, status: 'error', cases, errorCode: code, reason: message };
  }
  if (stopped) {
    // Not finished: what it judged passed, but it did not get all its cases (a budget, or a stop).
    const why = env.budget?.reason() ?? stopReason(env.signal);
    return { ...common, status: 'incomplete', cases, reason: cases === 0 ? `not run: ${why}` : `stopped after ${cases} of ${env.runs + fixedCases} cases: ${why}` };
  }
  if (judged === 0 && cases > 0 && denied.size > 0) {
    return { ...common, status: 'skipped', cases, reason: `not judged: the run's credentials may not send ${[...denied].slice(0, 2).join(', ')}${denied.size > 2 ? ' …' : ''} (AccessDeniedException)` };
  }
  if (judged === 0 && cases > 0) {
    // E.g. no-side-effect judges rejected creates only: a target that rejected none of the invalid
    // cases gives it nothing to judge. Those acceptances fail under the rules the cases break.
    const why = rule.kind === 'message'
      ? 'the target rejected none of them with the error type whose message this rule knows'
      : 'for side effects: the target rejected none of the invalid requests';
    return { ...common, status: 'skipped', cases, reason: `none of ${cases} cases gave an observation this rule's oracles judge (${why})` };
  }
  return { ...common, status: 'passed', cases: runsDone + fixedCases, ...(details.interrupted ? { reason: `stopped after ${runsDone} cases (time limit)` } : {}) };
}

function stopReason(signal: AbortSignal | undefined): string {
  const r: unknown = signal?.reason;
  if (typeof r === 'string') return r;
  if (r instanceof Error && r.name !== 'AbortError') return r.message;
  return 'the run was stopped';
}
