import { Pool } from 'undici';
import type { ProxiedRequest } from '../testing/countingProxy.js';

/**
 * The target's own time for a run's requests: the same CreateUserPoolClient bodies the suite sent
 * (its pool id swapped for this target's), a Delete after each accepted one, and as many Describes
 * and Lists as the suite sent, from a bare undici keep-alive loop at the same concurrency: no
 * generators, oracles, signing, shrinking or reports. What the suite takes beyond this is its own
 * overhead (bench/overhead.ts).
 */
export interface BareWorkload {
  /** Fixture requests (pool, resource server, identity provider) in order, sent before the clock starts. */
  setup: { operation: string; body: string }[];
  /** The suite's CreateUserPoolClient bodies, in the order it sent them. */
  creates: string[];
  lists: number;
  describes: number;
  /** The suite's pool id, replaced by this loop's own in every body. */
  poolId: string;
}

export interface BareResult {
  /** From the first timed request to the last answer. */
  wallMs: number;
  counts: Record<string, number>;
}

const SETUP_OPERATIONS = new Set(['CreateUserPool', 'CreateResourceServer', 'CreateIdentityProvider']);
const LIST_PAGE = 60;

export function workloadFrom(requests: readonly ProxiedRequest[]): BareWorkload {
  const setup: BareWorkload['setup'] = [];
  const creates: string[] = [];
  let lists = 0;
  let describes = 0;
  let poolId: string | undefined;
  for (const r of requests) {
    if (SETUP_OPERATIONS.has(r.operation) && r.body !== undefined) {
      setup.push({ operation: r.operation, body: r.body });
      poolId ??= poolIdIn(r.body);
    } else if (r.operation === 'CreateUserPoolClient' && r.body !== undefined) creates.push(r.body);
    else if (r.operation === 'ListUserPoolClients') lists++;
    else if (r.operation === 'DescribeUserPoolClient') describes++;
  }
  if (poolId === undefined) {
    // A target without resource servers or identity providers: the id the creates name most.
    const tally = new Map<string, number>();
    for (const body of creates) {
      const id = poolIdIn(body);
      if (id !== undefined) tally.set(id, (tally.get(id) ?? 0) + 1);
    }
    poolId = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  }
  return { setup, creates, lists, describes, poolId };
}

function poolIdIn(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { UserPoolId?: unknown }).UserPoolId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export async function runBareLoop(endpoint: string, workload: BareWorkload, concurrency: number): Promise<BareResult> {
  const url = new URL(endpoint);
  const pool = new Pool(url.origin, { connections: concurrency });
  const counts: Record<string, number> = {};
  const send = async (operation: string, body: string): Promise<{ status: number; text: string }> => {
    counts[operation] = (counts[operation] ?? 0) + 1;
    const res = await pool.request({
      method: 'POST',
      path: url.pathname || '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body,
    });
    return { status: res.statusCode, text: await res.body.text() };
  };
  try {
    let poolId = '';
    for (const step of workload.setup) {
      const body = poolId === '' ? step.body : step.body.split(workload.poolId).join(poolId);
      const answer = await send(step.operation, body);
      if (step.operation === 'CreateUserPool') poolId = (JSON.parse(answer.text) as { UserPool: { Id: string } }).UserPool.Id;
    }
    if (poolId === '') throw new Error('bare loop: the workload has no CreateUserPool');
    const creates = workload.creates.map((b) => b.split(workload.poolId).join(poolId));
    const listBody = JSON.stringify({ UserPoolId: poolId, MaxResults: LIST_PAGE });
    for (const k of Object.keys(counts)) delete counts[k];

    let next = 0;
    let done = 0;
    let listsSent = 0;
    let describesSent = 0;
    const worker = async (): Promise<void> => {
      while (next < creates.length) {
        const answer = await send('CreateUserPoolClient', creates[next++]);
        const clientId = answer.status === 200 ? (JSON.parse(answer.text) as { UserPoolClient?: { ClientId?: string } }).UserPoolClient?.ClientId : undefined;
        if (clientId !== undefined) {
          const ids = JSON.stringify({ UserPoolId: poolId, ClientId: clientId });
          if (describesSent < workload.describes) {
            describesSent++;
            await send('DescribeUserPoolClient', ids);
          }
          await send('DeleteUserPoolClient', ids);
        }
        done++;
        // Lists spread evenly over the run, as the suite's side-effect and consistency rules send them.
        while (listsSent < Math.floor((workload.lists * done) / creates.length)) {
          listsSent++;
          await send('ListUserPoolClients', listBody);
        }
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { wallMs: performance.now() - t0, counts };
  } finally {
    await pool.close();
  }
}
