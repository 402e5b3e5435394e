import type { Target } from './exchange.js';
import { HarnessError } from './harnessError.js';
import { deleteAllClients, deleteTolerant, paginate, type TeardownOptions } from './poolTeardown.js';

/**
 * Removes user pools an interrupted or crashed run left behind: every pool whose name starts with
 * the prefix (a run id prefix, or RUN_ID_ROOT for all runs), its clients first. Resource servers
 * and identity providers live inside the pool and go with it on AWS; cognito-local has neither.
 */
export interface SweepReport {
  pools: { id: string; name: string }[];
  clientsDeleted: number;
  failures: { id: string; name: string; message: string }[];
}

// Short prefixes match other people's pools.
const MIN_PREFIX = 3;

export async function sweepLeftovers(target: Target, prefix: string, options: TeardownOptions = {}): Promise<SweepReport> {
  if (prefix.length < MIN_PREFIX) {
    throw new HarnessError('E_USAGE', `sweep prefix ${JSON.stringify(prefix)} is too short: give at least ${MIN_PREFIX} characters`);
  }
  const matches: { id: string; name: string }[] = [];
  await paginate(target, 'ListUserPools', {}, options, (body) => {
    const pools = Array.isArray(body.UserPools) ? body.UserPools : [];
    for (const p of pools) {
      const { Id, Name } = p as { Id?: unknown; Name?: unknown };
      if (typeof Id === 'string' && typeof Name === 'string' && Name.startsWith(prefix)) matches.push({ id: Id, name: Name });
    }
  });
  const report: SweepReport = { pools: [], clientsDeleted: 0, failures: [] };
  for (const pool of matches) {
    try {
      report.clientsDeleted += await deleteAllClients(target, pool.id, options);
      await deleteTolerant(target, 'DeleteUserPool', { UserPoolId: pool.id });
      report.pools.push(pool);
    } catch (err) {
      report.failures.push({ ...pool, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}
