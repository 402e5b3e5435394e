import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { poolIdOf } from './lifecycleExchange.js';
import { lifecycleModel } from './lifecycleModel.js';
import { listingPages } from './listingPages.js';

export const LIST_COMPLETE_RULE_ID = 'lifecycle.list-complete';

/**
 * Pages a listing may take beyond what the clients it has shown fill (ceil(clients / MaxResults)):
 * room for a short page or an empty last page with a token, which paginated AWS APIs may send.
 * A listing that has not ended after more pages than that fails: a NextToken that never ends
 * must not hang a run.
 */
export const LISTING_SLACK_PAGES = 2;

/** The page bound of a listing that has shown `distinct` clients at `maxResults` a page. */
export function listingPageBound(distinct: number, maxResults: number): number {
  return Math.ceil(distinct / Math.max(1, maxResults)) + LISTING_SLACK_PAGES;
}

/**
 * Paging ListUserPoolClients ends and lists each client once (docs/lifecycle.md L13, L14; the model
 * marks the operation paginated). Judged on every page: a client repeated across pages, a
 * NextToken the listing already sent, or more pages than its clients fill fail at once; on the
 * last page, every client the history made in the pool and has not deleted must have been listed.
 * Clients other rules create meanwhile are not the history's: only repeats are judged for them.
 */
function judge(history: readonly RecordedExchange[]): Judgement[] {
  const pages = listingPages(history);
  const first = pages?.[0];
  const last = pages?.at(-1);
  if (!pages || !first || !last) return [];
  const fail = (message: string, expected: unknown, observed: unknown): Judgement[] => [{ ruleId: LIST_COMPLETE_RULE_ID, ok: false, message, expected, observed }];
  const seen = new Map<string, number>();
  for (const [n, p] of pages.entries()) {
    for (const id of p.clientIds) {
      const at = seen.get(id);
      if (at !== undefined) return fail(`ListUserPoolClients listed client ${id} twice: on page ${at + 1} and page ${n + 1}`, 'each client on one page', { clientId: id, pages: [at + 1, n + 1] });
      seen.set(id, n);
    }
  }
  const tokens = pages.map((p) => p.exchange.request.NextToken).filter((t): t is string => typeof t === 'string');
  if (last.next !== undefined && tokens.includes(last.next)) {
    return fail(`ListUserPoolClients answered a NextToken it had answered before (page ${pages.length}): the listing loops`, 'a new NextToken or none', { pages: pages.length, repeatedToken: true });
  }
  const max = typeof last.maxResults === 'number' && last.maxResults >= 1 ? last.maxResults : 60;
  const bound = listingPageBound(seen.size, max);
  if (last.next !== undefined && pages.length > bound) {
    return fail(`ListUserPoolClients has not ended after ${pages.length} pages of MaxResults ${max} showing ${seen.size} client(s): the NextToken never ends`, `the last page within ${bound} pages`, { pages: pages.length, clients: seen.size, nextToken: 'present' });
  }
  if (last.next !== undefined) return [];
  const pool = poolIdOf(first.exchange);
  const model = lifecycleModel(history.slice(0, first.index));
  const expected = [...model.clients.values()].filter((c) => c.poolId === pool && !c.deleted).map((c) => c.clientId);
  const missing = expected.filter((id) => !seen.has(id));
  if (missing.length) {
    return fail(`a listing of ${pages.length} page(s) left out ${missing.length} of the ${expected.length} client(s) the sequence made: ${missing.join(', ')}`, { listed: expected }, { missing });
  }
  return [{ ruleId: LIST_COMPLETE_RULE_ID, ok: true, message: `a listing of ${pages.length} page(s) showed each of ${expected.length} known client(s) once` }];
}

export const listCompleteJudge = defineLifecycleJudge({ id: 'list-complete', rules: [LIST_COMPLETE_RULE_ID], judge });
