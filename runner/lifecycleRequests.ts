import type { Rule } from '../contract/rule.js';
import { focusOperations, lifecycleStepWeights, MAX_RANDOM_STEPS, MAX_STEPS } from '../generators/lifecycleSequence.js';
import { LISTING_SLACK_PAGES } from '../oracles/listCompleteJudge.js';
import type { RequestCount } from './runPlan.js';

/**
 * Requests one lifecycle sequence sends, by operation (`run --plan`): a Create, random steps
 * (fast-check's arrays of up to MAX_RANDOM_STEPS average about half that), shared out by the
 * rule's step weights (generators/lifecycleSequence.ts), then the rule's focus steps; a listing is expected to take one page
 * (the pool holds the sequence's few clients), at most as many as the page bound allows with every
 * step a Create at MaxResults 1; clients still there at the end are deleted. "At most" assumes
 * every random step is that operation.
 */
const EXPECTED_RANDOM_STEPS = MAX_RANDOM_STEPS / 2;

export function requestsPerSequence(rule: Rule): Record<string, RequestCount> {
  const w = lifecycleStepWeights(rule);
  const focus = (op: string) => focusOperations(rule).filter((o) => o === op).length;
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  const share = (n: number) => (EXPECTED_RANDOM_STEPS * n) / total;
  const random = MAX_STEPS - 1;
  const creates = 1 + share(w.create) + focus('create');
  const deletes = share(w.delete);
  const maxPages = MAX_STEPS + LISTING_SLACK_PAGES + 1;
  const out: Record<string, RequestCount> = {
    CreateUserPoolClient: { expected: creates, atMost: MAX_STEPS },
    DescribeUserPoolClient: { expected: share(w.describe) + focus('describe'), atMost: random },
    UpdateUserPoolClient: { expected: share(w.update + w.invalidUpdate) + focus('update'), atMost: random },
    ListUserPoolClients: { expected: share(w.list + w.badList) + focus('list'), atMost: random * maxPages },
    DeleteUserPoolClient: { expected: Math.max(creates, deletes + focus('delete')), atMost: random + MAX_STEPS },
  };
  return out;
}
