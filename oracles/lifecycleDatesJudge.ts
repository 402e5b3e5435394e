import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { answeredClient, poolIdOf, sentAtMs } from './lifecycleExchange.js';
import { priorClient } from './lifecycleModel.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';

export const LIFECYCLE_DATES_RULE_ID = 'lifecycle.dates';

/**
 * How long after the previous write an Update must be sent for its LastModifiedDate to be later:
 * two seconds on any target (a clock that counts whole seconds may show the same second sooner),
 * and on a target whose dates carry a millisecond fraction, as AWS's do (docs/lifecycle.md L8),
 * a gap that no millisecond clock can hide.
 */
export const LATER_AFTER_MS = { wholeSeconds: 2000, milliseconds: 20 } as const;

function carriesMilliseconds(date: unknown): boolean {
  return typeof date === 'number' && !Number.isInteger(date);
}

/**
 * CreationDate never changes after Create, LastModifiedDate never goes back, and an Update sent
 * long enough after the previous write moves it (docs/lifecycle.md L8). Judged on every accepted
 * Describe and Update of a client the history made.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const at = priorClient(history);
  if (!at || at.before?.deleted) return [];
  const op = at.last.operation;
  if (op !== 'DescribeUserPoolClient' && op !== 'UpdateUserPoolClient') return [];
  const client = answeredClient(at.last);
  if (!client) return [];
  if (!at.before) {
    // A client the history never showed before (a lone recorded answer; in a history that made
    // clients in the pool, an unknown client is the probe rules'): its dates alone can only say
    // that it was not modified before it was created.
    if (at.model.poolsWithCreates.has(poolIdOf(at.last) ?? '')) return [];
    const { CreationDate: c, LastModifiedDate: m } = client;
    if (typeof c !== 'number' || typeof m !== 'number') return [];
    if (m >= c) return [{ ruleId: LIFECYCLE_DATES_RULE_ID, ok: true, message: 'LastModifiedDate not earlier than CreationDate' }];
    return [{ ruleId: LIFECYCLE_DATES_RULE_ID, ok: false, message: `LastModifiedDate ${m} is before CreationDate ${c}`, expected: { LastModifiedDate: `not earlier than ${c}` }, observed: { CreationDate: c, LastModifiedDate: m } }];
  }
  const problems: string[] = [];
  const created = at.before.created.CreationDate;
  if (created !== undefined && client.CreationDate !== created) problems.push(`CreationDate ${String(client.CreationDate)} is not Create's ${String(created)}`);
  const previous = at.before.answer.LastModifiedDate;
  const now = client.LastModifiedDate;
  if (typeof previous === 'number' && typeof now === 'number') {
    if (now < previous) problems.push(`LastModifiedDate ${now} is before the last write's ${previous}`);
    else if (op === 'UpdateUserPoolClient' && now === previous) {
      const gap = sentAtMs(at.last) - at.before.writtenAt;
      const needed = carriesMilliseconds(previous) ? LATER_AFTER_MS.milliseconds : LATER_AFTER_MS.wholeSeconds;
      if (gap >= needed) problems.push(`LastModifiedDate ${now} did not move on an Update sent ${gap} ms after the last write`);
    }
  }
  if (!problems.length) return [{ ruleId: LIFECYCLE_DATES_RULE_ID, ok: true, message: 'CreationDate as created, LastModifiedDate not earlier than the last write' }];
  return [{
    ruleId: LIFECYCLE_DATES_RULE_ID,
    ok: false,
    message: `${op === 'UpdateUserPoolClient' ? 'UpdateUserPoolClient' : 'DescribeUserPoolClient'}: ${problems.join('; ')}`,
    expected: { CreationDate: created, LastModifiedDate: op === 'UpdateUserPoolClient' ? `later than ${String(previous)}` : `not earlier than ${String(previous)}` },
    observed: { CreationDate: client.CreationDate, LastModifiedDate: now },
  }];
}

export const lifecycleDatesJudge = defineLifecycleJudge({ id: 'lifecycle-dates', rules: [LIFECYCLE_DATES_RULE_ID], judge });
