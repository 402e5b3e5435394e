import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { errorTypeOf } from './lifecycleExchange.js';
import { listingPage } from './listingPages.js';

export const LIST_MAX_RESULTS_RULE_ID = 'lifecycle.list-max-results';
export const LIST_MAX_RESULTS_RANGE_RULE_ID = 'lifecycle.list-max-results-range';

/** ListUserPoolClientsRequest.MaxResults range in the model (docs/lifecycle.md L14). */
export const MAX_RESULTS_RANGE = { min: 1, max: 60 } as const;

/**
 * A page holds at most the MaxResults it was asked for; a MaxResults outside 1–60 is refused with
 * InvalidParameterException, HTTP 400 (docs/lifecycle.md L14). A listing without MaxResults says
 * nothing here (L15: what AWS does then is unknown).
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const index = history.length - 1;
  const last = history[index];
  if (last?.operation !== 'ListUserPoolClients' || last.layer === 'sdk-client') return [];
  const max = last.request.MaxResults;
  if (typeof max !== 'number') return [];
  if (!Number.isInteger(max) || max < MAX_RESULTS_RANGE.min || max > MAX_RESULTS_RANGE.max) {
    const errorType = errorTypeOf(last);
    if (errorType === 'InvalidParameterException' && last.response.status === 400) {
      return [{ ruleId: LIST_MAX_RESULTS_RANGE_RULE_ID, ok: true, message: `MaxResults ${max} refused` }];
    }
    return [{
      ruleId: LIST_MAX_RESULTS_RANGE_RULE_ID, ok: false,
      message: errorType ? `ListUserPoolClients with MaxResults ${max} was refused with ${errorType} (HTTP ${last.response.status})` : `ListUserPoolClients with MaxResults ${max} was accepted (HTTP ${last.response.status})`,
      expected: { status: 400, errorType: 'InvalidParameterException' },
      observed: { status: last.response.status, ...(errorType ? { errorType } : {}) },
    }];
  }
  const page = listingPage(last, index);
  if (!page) return [];
  if (page.items.length <= max) return [{ ruleId: LIST_MAX_RESULTS_RULE_ID, ok: true, message: `a page of ${page.items.length} for MaxResults ${max}` }];
  return [{
    ruleId: LIST_MAX_RESULTS_RULE_ID, ok: false,
    message: `ListUserPoolClients answered ${page.items.length} clients on a page of MaxResults ${max}`,
    // The count itself stays in the message: how many clients a page that ignores MaxResults shows
    // depends on what other rules hold in the pool at that moment, and two runs of the same cases
    // must not diff on it (issue 16).
    expected: { atMost: max }, observed: { items: `more than ${max}` },
  }];
}

export const listMaxResultsJudge = defineLifecycleJudge({ id: 'list-max-results', rules: [LIST_MAX_RESULTS_RULE_ID, LIST_MAX_RESULTS_RANGE_RULE_ID], judge });
