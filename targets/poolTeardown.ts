import type { Target } from './exchange.js';
import { fixtureFailure, sendOk } from './fixtureCall.js';
import { isSuccessStatus } from './isSuccessStatus.js';
import { HarnessError } from './harnessError.js';

/**
 * Removing a user pool completely. Clients are deleted one by one before the pool because
 * cognito-local's DeleteUserPool leaves the pool's clients in its store
 * (shared/reference/cognito-local.md); on AWS DeleteUserPool would take them along anyway.
 */
export interface TeardownOptions {
  /** ListUserPoolClients/ListUserPools page size (the API allows 1–60). */
  pageSize?: number;
  /**
   * Deletes in flight at once, 1 by default: cognito-local rewrites its store with overlapping
   * fs.writeFile calls when writes run in parallel, which can leave the file on disk garbled, and
   * on AWS one request at a time already exceeds the 5 requests per second a pool allows.
   */
  concurrency?: number;
}

const MAX_PAGE = 60;
// A target that keeps handing out tokens would otherwise page forever.
const MAX_PAGES = 1_000;

export async function listClientIds(target: Target, userPoolId: string, options: TeardownOptions = {}): Promise<string[]> {
  const ids: string[] = [];
  await paginate(target, 'ListUserPoolClients', { UserPoolId: userPoolId }, options, (body) => {
    const list = Array.isArray(body.UserPoolClients) ? body.UserPoolClients : [];
    for (const c of list) {
      const id = (c as { ClientId?: unknown }).ClientId;
      if (typeof id === 'string') ids.push(id);
    }
  });
  return ids;
}

/** Deletes every client of the pool; a client already gone is fine. Returns how many were deleted. */
export async function deleteAllClients(target: Target, userPoolId: string, options: TeardownOptions = {}): Promise<number> {
  const ids = await listClientIds(target, userPoolId, options);
  let deleted = 0;
  await eachLimited(ids, options.concurrency ?? 1, async (ClientId) => {
    if (await deleteTolerant(target, 'DeleteUserPoolClient', { UserPoolId: userPoolId, ClientId })) deleted++;
  });
  return deleted;
}

/** Clients first, then the pool. A pool already gone is fine. */
export async function deleteUserPoolCompletely(target: Target, userPoolId: string, options: TeardownOptions = {}): Promise<void> {
  await deleteAllClients(target, userPoolId, options);
  await deleteTolerant(target, 'DeleteUserPool', { UserPoolId: userPoolId });
}

/** True when deleted now, false when it was already gone; anything else is E_FIXTURE. */
export async function deleteTolerant(target: Target, operation: string, input: Readonly<Record<string, unknown>>): Promise<boolean> {
  const exchange = await target.send(operation, input);
  if (isSuccessStatus(exchange.status)) return true;
  if (exchange.errorType === 'ResourceNotFoundException') return false;
  throw fixtureFailure(target, exchange);
}

export async function paginate(
  target: Target,
  operation: string,
  input: Readonly<Record<string, unknown>>,
  options: TeardownOptions,
  onPage: (body: Record<string, unknown>) => void,
): Promise<void> {
  const MaxResults = Math.min(MAX_PAGE, Math.max(1, options.pageSize ?? MAX_PAGE));
  const seen = new Set<string>();
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await sendOk(target, operation, NextToken === undefined ? { ...input, MaxResults } : { ...input, MaxResults, NextToken });
    onPage(body);
    const next = body.NextToken;
    if (typeof next !== 'string' || next === '') return;
    if (seen.has(next)) throw new HarnessError('E_FIXTURE', `${operation} on ${target.info.name} repeats a NextToken: pagination would not end`);
    seen.add(next);
    NextToken = next;
  }
  throw new HarnessError('E_FIXTURE', `${operation} on ${target.info.name} returned more than ${MAX_PAGES} pages`);
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}
