import type { Exchange, Target } from '../exchange.js';
import { fixtureFailure, sendOk } from './fixtureCall.js';
import { isSuccessStatus } from '../isSuccessStatus.js';
import { HarnessError } from '../harnessError.js';
import { isUnsupportedOperation } from '../transports/unsupportedOperation.js';
import { persistentTarget } from '../pacing/persistentTarget.js';

/**
 * Removing a user pool completely. Clients are deleted one by one before the pool because
 * cognito-local's DeleteUserPool leaves the pool's clients in its store (docs/evidence.md,
 * "cognito-local"); on AWS DeleteUserPool would take them along anyway.
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

/** Clients first, then the pool. A pool already gone is fine. Throttling is waited out (persistentTarget.ts). */
export async function deleteUserPoolCompletely(runTarget: Target, userPoolId: string, options: TeardownOptions = {}): Promise<void> {
  const target = persistentTarget(runTarget);
  await deleteAllClients(target, userPoolId, options);
  await deleteTolerant(target, 'DeleteUserPool', { UserPoolId: userPoolId });
}

/** What a run put into its pool besides clients, deleted before the pool. */
export interface PoolContents {
  userPoolId: string;
  /** For messages: the pool's name. */
  poolName: string;
  resourceServerIdentifier?: string;
  identityProviderName?: string;
}

/**
 * Removes a run's pool with everything in it: clients, the resource server, the identity provider,
 * then the pool. Returns notes; throws E_FIXTURE when something may be left behind.
 *
 * A target that cannot delete a resource server or identity provider (moto 5.0.1 has no
 * DeleteResourceServer and answers HTTP 500) leaves nothing behind when DeleteUserPool then
 * removes the pool: those live only inside their pool. When DescribeUserPool confirms the pool is
 * gone (ResourceNotFoundException), such a delete is a note for the report, not a harness error.
 * Clients are not excused this way: cognito-local keeps a deleted pool's clients. Throttling is
 * never a reason to leave something behind: it is waited out (persistentTarget.ts).
 */
export async function removePoolContents(runTarget: Target, pool: PoolContents): Promise<string[]> {
  // Every request below goes through the run's limiter with its full retry budget, and throttling
  // that outlasts the budget is waited out rather than leaving the pool behind.
  const target = persistentTarget(runTarget);
  const { userPoolId } = pool;
  const failures: string[] = [];
  const excusable: Exchange[] = [];
  const step = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  };
  const child = (operation: string, input: Record<string, unknown>) =>
    step(async () => {
      const exchange = await target.send(operation, { UserPoolId: userPoolId, ...input });
      if (isSuccessStatus(exchange.status) || exchange.errorType === 'ResourceNotFoundException') return;
      if (isUnsupportedOperation(exchange) || exchange.status >= 500) excusable.push(exchange);
      else throw fixtureFailure(target, exchange);
    });
  await step(() => deleteAllClients(target, userPoolId));
  if (pool.resourceServerIdentifier !== undefined) await child('DeleteResourceServer', { Identifier: pool.resourceServerIdentifier });
  if (pool.identityProviderName !== undefined) await child('DeleteIdentityProvider', { ProviderName: pool.identityProviderName });
  await step(() => deleteTolerant(target, 'DeleteUserPool', { UserPoolId: userPoolId }));
  const notes: string[] = [];
  if (excusable.length > 0) {
    if (failures.length === 0 && (await poolIsGone(target, userPoolId))) {
      for (const exchange of excusable) {
        notes.push(`${fixtureFailure(target, exchange).message}; DeleteUserPool then removed ${pool.poolName} (DescribeUserPool: ResourceNotFoundException), and what it held with it`);
      }
    } else {
      failures.push(...excusable.map((exchange) => fixtureFailure(target, exchange).message));
    }
  }
  if (failures.length > 0) {
    throw new HarnessError('E_FIXTURE', `cleanup of ${pool.poolName} left something behind (${failures.length} step(s) failed): ${failures[0]}`);
  }
  return notes;
}

/** True only when DescribeUserPool says the pool does not exist. */
async function poolIsGone(target: Target, userPoolId: string): Promise<boolean> {
  try {
    return (await target.send('DescribeUserPool', { UserPoolId: userPoolId })).errorType === 'ResourceNotFoundException';
  } catch {
    return false;
  }
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
