import type { Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { deleteAllClients, deleteTolerant, paginate, type TeardownOptions } from './poolTeardown.js';
import { RUN_ID_ROOT } from './runIdPrefix.js';

/**
 * Finds, and with `delete: true` removes, the user pools that interrupted or crashed runs left
 * behind. A pool is a leftover only when all of these hold, so that a sweep cannot touch what a
 * run did not create:
 * - its name is a run's pool name exactly (`cc-<yyyymmdd>t<hhmmss>-<4 hex>-<n>`, newRunIdPrefix
 *   plus the fixture's index), not merely something that starts with `cc-`;
 * - it starts with the given prefix (RUN_ID_ROOT for every run, or one run's id);
 * - its CreationDate is at least `olderThanMs` ago (2 hours by default: longer than a run takes,
 *   so a sweep next to a running job leaves that job's pool alone). A pool without a readable
 *   CreationDate is left alone too.
 * Clients are deleted first, then the pool; resource servers and identity providers live inside
 * the pool and go with it on AWS.
 */
export const DEFAULT_OLDER_THAN_MS = 2 * 60 * 60 * 1000;

/** newRunIdPrefix (`cc-20261126t063310-3f9a`) plus createPoolFixture's `-<index>`. */
export const RUN_POOL_NAME = new RegExp(`^${RUN_ID_ROOT}\\d{8}t\\d{6}-[0-9a-f]{4}-\\d+$`);

export interface SweepOptions extends TeardownOptions {
  /** Default RUN_ID_ROOT; must start with it. */
  prefix?: string;
  /** Default DEFAULT_OLDER_THAN_MS. */
  olderThanMs?: number;
  /** Delete the leftovers; without it the sweep only lists them. */
  delete?: boolean;
  /** The time ages are measured from, ms since the epoch (tests); now by default. */
  now?: number;
}

export interface SweptPool {
  id: string;
  name: string;
  /** From the pool's CreationDate, when the target gave one. */
  createdAt?: string;
  ageMs?: number;
}

export interface SweepReport {
  /** True when nothing was deleted because `delete` was not asked for. */
  dryRun: boolean;
  olderThanMs: number;
  /** Leftovers old enough: deleted, or (dry run) what would be. */
  leftovers: SweptPool[];
  /** The leftovers actually deleted. */
  deleted: SweptPool[];
  clientsDeleted: number;
  /** Run pools left alone because they are younger than olderThanMs or have no CreationDate. */
  tooYoung: SweptPool[];
  /** Pools that are not a run's (or not of the prefix): never touched, only counted. */
  othersUntouched: number;
  failures: (SweptPool & { message: string })[];
}

export async function sweepLeftovers(target: Target, options: SweepOptions = {}): Promise<SweepReport> {
  const prefix = options.prefix ?? RUN_ID_ROOT;
  if (!prefix.startsWith(RUN_ID_ROOT)) {
    throw new HarnessError('E_USAGE', `sweep prefix ${JSON.stringify(prefix.slice(0, 60))} must start with ${RUN_ID_ROOT}: sweep removes only pools that runs created`);
  }
  const olderThanMs = options.olderThanMs ?? DEFAULT_OLDER_THAN_MS;
  if (!(olderThanMs >= 0)) throw new HarnessError('E_USAGE', `sweep age must be 0 or more, got ${olderThanMs}`);
  const now = options.now ?? Date.now();
  const report: SweepReport = {
    dryRun: options.delete !== true, olderThanMs, leftovers: [], deleted: [], clientsDeleted: 0, tooYoung: [], othersUntouched: 0, failures: [],
  };

  await paginate(target, 'ListUserPools', {}, options, (body) => {
    for (const p of Array.isArray(body.UserPools) ? body.UserPools : []) {
      const { Id, Name, CreationDate } = p as { Id?: unknown; Name?: unknown; CreationDate?: unknown };
      if (typeof Id !== 'string' || typeof Name !== 'string' || !RUN_POOL_NAME.test(Name) || !Name.startsWith(prefix)) {
        report.othersUntouched++;
        continue;
      }
      const created = creationTime(CreationDate);
      const pool: SweptPool = { id: Id, name: Name };
      if (created !== undefined) {
        pool.createdAt = new Date(created).toISOString();
        pool.ageMs = now - created;
      }
      if (pool.ageMs !== undefined && pool.ageMs >= olderThanMs) report.leftovers.push(pool);
      else report.tooYoung.push(pool);
    }
  });
  if (report.dryRun) return report;

  for (const pool of report.leftovers) {
    try {
      report.clientsDeleted += await deleteAllClients(target, pool.id, options);
      await deleteTolerant(target, 'DeleteUserPool', { UserPoolId: pool.id });
      report.deleted.push(pool);
    } catch (err) {
      report.failures.push({ ...pool, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}

/** awsJson1_1 sends timestamps as epoch seconds; some emulators send ISO-8601 text. */
function creationTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}
