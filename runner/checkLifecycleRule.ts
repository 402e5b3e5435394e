import type { Rule } from '../contract/rule.js';
import { LAST_CREATED, lifecycleSequence, type LifecycleStep } from '../generators/lifecycleSequence.js';
import { lifecycleJudgesFor } from '../oracles/lifecycleJudges.js';
import { listingPageBound } from '../oracles/listCompleteJudge.js';
import { redactExpectation, redactSecrets, secretsIn } from '../oracles/redact.js';
import type { Verdict } from '../oracles/verdict.js';
import type { RuleResult } from '../reports/ruleResult.js';
import type { Exchange } from '../targets/exchange.js';
import { isHarnessError } from '../targets/harnessError.js';
import { persistentTarget } from '../targets/pacing/persistentTarget.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { recordContext } from '../targets/recording/recordingTarget.js';
import type { RuleEnv } from './checkRule.js';
import { leapingCheck } from './leapingCheck.js';
import { lifecycleRuns } from './lifecycleRuns.js';
import { recordedExchangeOf } from './recordedExchangeOf.js';
import { ruleSeed } from './ruleSeed.js';

/**
 * A lifecycle rule (contract/lifecycleRules.ts) as a model-based property (issue 17): random
 * sequences of Create, Describe, Update, List and Delete on clients in the run's pool, each exchange
 * appended to the sequence's history and judged at once by the rule's judges
 * (oracles/lifecycleJudges.ts), which compute what the client should be from the history (the
 * model: oracles/lifecycleModel.ts). A failing sequence is shrunk and reported with its replay.
 *
 * Why a plain array of steps and not fc.commands + fc.asyncModelRun: the model is the judges' own
 * fold of the history (the same one `judge` applies to recordings), so no second model is kept per
 * command; and a fast-check commands value replays only with its `replayPath` besides seed and path
 * (its shrinker depends on which commands ran), which the one-line `--seed … --replay-path …`
 * replay (runner/replayCommand.ts) cannot carry. An array of data steps shrinks as fast-check shrinks
 * arrays (fewer steps first, then simpler steps), and replays from seed and path alone. A step that
 * names a client takes it modulo the clients created so far, so every shrunk sequence still runs.
 */
class LifecycleViolation extends Error {
  constructor(readonly verdict: Verdict, readonly history: readonly RecordedExchange[], readonly stepsRun: number) {
    super(verdict.message);
  }
}

/**
 * A hard stop for a listing whose pages keep showing new clients (a target inventing them): the
 * page bound grows with the clients shown, so it alone would not end such a listing. As many pages
 * as the pool teardown follows (targets/pool/poolTeardown.ts); the rule's time limit bounds it too.
 */
const MAX_PAGES_FOLLOWED = 1000;

type Base = Pick<RuleResult, 'id' | 'kind' | 'members' | 'evidence' | 'basis' | 'confirmed' | 'statement'>;

function clientName(pick: number): string {
  return pick === LAST_CREATED ? 'the client created last' : `client #${pick} (modulo the clients created)`;
}

/** How a report shows one step (requests in full: they are the counterexample; secrets masked later). */
function shownStep(step: LifecycleStep): unknown {
  switch (step.op) {
    case 'create':
      return { CreateUserPoolClient: step.request };
    case 'describe':
      return { DescribeUserPoolClient: clientName(step.pick) };
    case 'update':
      return { UpdateUserPoolClient: clientName(step.pick), request: step.request, ...(step.invalid ? { breaks: step.invalid } : {}) };
    case 'list':
      return { ListUserPoolClients: { MaxResults: step.maxResults }, pages: 'until NextToken is absent' };
    case 'delete':
      return { DeleteUserPoolClient: clientName(step.pick) };
  }
}

/** The last exchange of a failing history, as the report's observation. */
function shownExchange(e: RecordedExchange | undefined): unknown {
  if (!e) return undefined;
  return { operation: e.operation, request: e.request, status: e.response.status, body: e.response.body };
}

export async function checkLifecycleRule(rule: Rule, env: RuleEnv, base: Base, started: number): Promise<RuleResult> {
  const judges = lifecycleJudgesFor(rule.id);
  if (!judges.length) return { ...base, status: 'skipped', cases: 0, reason: `no lifecycle judge enforces ${rule.id}` };
  const pool = env.pool;
  let shrinking = false;
  const target = env.effort ? env.effort.counting(env.target, rule.id, () => shrinking) : env.target;
  const cleanup = persistentTarget(target);
  let sequences = 0;
  let judged = 0;
  let stopped = false;
  let harness: unknown;

  const runSequence = async (steps: LifecycleStep[]): Promise<void> => {
    if (harness) throw harness;
    if (env.signal?.aborted || (env.budget !== undefined && !env.budget.beginCase(rule))) {
      stopped = true;
      return;
    }
    env.effort?.step(rule.id, shrinking);
    sequences++;
    const history: RecordedExchange[] = [];
    const created: string[] = [];
    const live = new Set<string>();
    const send = async (operation: string, input: Record<string, unknown>): Promise<Exchange> => {
      const sentAt = Date.now();
      let e: Exchange;
      try {
        e = await target.send(operation, input);
      } catch (err) {
        harness = err;
        throw err;
      }
      history.push(recordedExchangeOf(e, sentAt, pool));
      const verdicts = judges.flatMap((j) => j.judge(history)).filter((v) => v.ruleId === rule.id);
      if (verdicts.length) judged++;
      const bad = verdicts.find((v) => !v.ok);
      if (bad) {
        shrinking = true;
        throw new LifecycleViolation(bad, [...history], stepsRun);
      }
      return e;
    };
    const client = (pick: number) => (pick === LAST_CREATED ? created.at(-1) : created[pick % created.length]);
    let stepsRun = 0;
    // The whole sequence, its cleanup included, is one case of `run --record` (judge regroups it).
    await recordContext.run({ case: String(sequences) }, async () => {
      try {
          for (const step of steps) {
            stepsRun++;
            if (step.op === 'create') {
              const e = await send('CreateUserPoolClient', { ...step.request, UserPoolId: pool.userPoolId });
              const id = (e.body as { UserPoolClient?: { ClientId?: unknown } } | undefined)?.UserPoolClient?.ClientId;
              if (e.status >= 200 && e.status < 300 && typeof id === 'string') {
                created.push(id);
                live.add(id);
                env.earlierClientIds.add(id);
              }
            } else if (step.op === 'list') {
              await listAll(step.maxResults);
            } else {
              const id = client(step.pick);
              if (id === undefined) continue;
              const ids = { UserPoolId: pool.userPoolId, ClientId: id };
              if (step.op === 'describe') await send('DescribeUserPoolClient', ids);
              else if (step.op === 'update') await send('UpdateUserPoolClient', { ...step.request, ...ids });
              else {
                const e = await send('DeleteUserPoolClient', ids);
                if (e.status >= 200 && e.status < 300) live.delete(id);
              }
            }
          }
      } finally {
        // Everything the sequence made is removed, a failing one's too (not judged, not in the history).
        for (const id of live) {
          await cleanup.send('DeleteUserPoolClient', { UserPoolId: pool.userPoolId, ClientId: id }).catch(() => undefined);
        }
      }
    });

    async function listAll(maxResults: number): Promise<void> {
      let token: string | undefined;
      const seen = new Set<string>();
      for (let page = 1; ; page++) {
        const e = await send('ListUserPoolClients', { UserPoolId: pool.userPoolId, MaxResults: maxResults, ...(token === undefined ? {} : { NextToken: token }) });
        const body = e.body as { UserPoolClients?: unknown; NextToken?: unknown } | undefined;
        if (Array.isArray(body?.UserPoolClients)) for (const c of body.UserPoolClients) if (typeof (c as { ClientId?: unknown }).ClientId === 'string') seen.add((c as { ClientId: string }).ClientId);
        if (typeof body?.NextToken !== 'string' || body.NextToken === '') return;
        // A listing that does not end is lifecycle.list-complete's failure; every other rule stops
        // following it one page past that rule's bound, so no rule hangs on it.
        if (page > listingPageBound(seen.size, Math.max(1, Math.min(maxResults, 60))) || page >= MAX_PAGES_FOLLOWED) return;
        token = body.NextToken;
      }
    }
  };

  const details = await leapingCheck(lifecycleSequence(rule, pool), runSequence, {
    seed: ruleSeed(env.runSeed, rule.id),
    numRuns: lifecycleRuns(env.runs),
    ...(env.replayPath ? { path: env.replayPath } : {}),
    ...(env.timeLimitMs ? { timeLimitMs: env.timeLimitMs } : {}),
  });
  const durationMs = Date.now() - started;
  if (details.failed) {
    const err = details.errorInstance;
    if (err instanceof LifecycleViolation) {
      const path = details.counterexamplePath ?? '';
      // The steps up to the one that failed: the rest of the shrunk sequence was never sent.
      const steps = (details.counterexample?.[0] ?? []).slice(0, err.stepsRun);
      const known = secretsIn(...err.history.flatMap((e) => [e.request, e.response.body]));
      return {
        ...base, status: 'failed', cases: details.numRuns, durationMs, seed: env.runSeed, path, oracle: err.verdict.oracle,
        reason: redactSecrets(err.verdict.message, known),
        counterexample: redactSecrets({ steps: steps.map(shownStep), exchanges: err.history.length }, known),
        expected: redactExpectation(err.verdict.expected, known),
        observed: redactSecrets(err.verdict.observed ?? shownExchange(err.history.at(-1)), known),
        replay: env.replayCommand(rule.id, path),
      };
    }
    return { ...base, status: 'error', cases: sequences, durationMs, errorCode: isHarnessError(err) ? err.code : 'E_INTERNAL', reason: err instanceof Error ? err.message : String(err) };
  }
  if (stopped) {
    const why = env.budget?.reason() ?? 'the run was stopped';
    return { ...base, status: 'incomplete', cases: sequences, durationMs, reason: sequences === 0 ? `not run: ${why}` : `stopped after ${sequences} sequences: ${why}` };
  }
  if (judged === 0) return { ...base, status: 'skipped', cases: sequences, durationMs, reason: `none of ${sequences} sequences made an exchange this rule judges` };
  return { ...base, status: 'passed', cases: details.numRuns, durationMs, ...(details.interrupted ? { reason: `stopped after ${details.numRuns} sequences (time limit)` } : {}) };
}
