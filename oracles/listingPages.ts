import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { isJsonObject } from './jsonObject.js';
import { accepted, poolIdOf } from './lifecycleExchange.js';

/** One accepted ListUserPoolClients page of a history. */
export interface ListingPage {
  /** Its index in the history. */
  index: number;
  exchange: RecordedExchange;
  clientIds: string[];
  items: unknown[];
  /** The NextToken it answered; undefined on the last page. */
  next: string | undefined;
  maxResults: unknown;
}

/** A ListUserPoolClients answer as a page, or undefined when it failed or is not `{UserPoolClients: [...]}`. */
export function listingPage(e: RecordedExchange, index: number): ListingPage | undefined {
  if (e.operation !== 'ListUserPoolClients' || !accepted(e) || !isJsonObject(e.response.body)) return undefined;
  const items = e.response.body.UserPoolClients;
  if (!Array.isArray(items)) return undefined;
  const clientIds = items.flatMap((c) => (isJsonObject(c) && typeof c.ClientId === 'string' ? [c.ClientId] : []));
  const next = e.response.body.NextToken;
  return { index, exchange: e, clientIds, items, next: typeof next === 'string' && next !== '' ? next : undefined, maxResults: e.request.MaxResults };
}

/**
 * The listing the last exchange of a history belongs to: the pages from a ListUserPoolClients
 * without NextToken up to the last exchange, each sending the NextToken the one before answered
 * (consecutive exchanges: a pager follows its tokens one after the other). Undefined when the last
 * exchange is no accepted page, or its listing's first page is not in the history.
 */
export function listingPages(history: readonly RecordedExchange[]): ListingPage[] | undefined {
  const lastIndex = history.length - 1;
  const last = history[lastIndex];
  const page = last && listingPage(last, lastIndex);
  if (!page) return undefined;
  const pages = [page];
  while (typeof pages[0]?.exchange.request.NextToken === 'string') {
    const first = pages[0];
    const prev = first.index > 0 ? history[first.index - 1] : undefined;
    const before = prev && listingPage(prev, first.index - 1);
    if (!before || before.next !== first.exchange.request.NextToken || poolIdOf(before.exchange) !== poolIdOf(first.exchange)) return undefined;
    pages.unshift(before);
  }
  return pages;
}
