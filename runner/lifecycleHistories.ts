import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';

/**
 * The histories the lifecycle judges read (oracles/lifecycleJudge.ts), built from recorded
 * exchanges: the client operations on one pool, in the order they were answered.
 *
 * Which records make one history:
 * - a recording made by a run or by another tool (records with no source, or `source.kind: run`):
 *   every client operation of one file on one pool (`request.UserPoolId`), fixture exchanges
 *   included (a teardown Delete is an exchange on the pool as much as a case's is), in file order
 *   (`run --record` appends each exchange when its answer is complete);
 * - a record transcribed from a public source (the evidence corpus): only the records of its file
 *   that name the same `sequence` and pool, in file order; a transcribed record without a
 *   `sequence` is a history of its own. A pool id such as `us-west-2_EXAMPLE` or
 *   `region-unknown_EXAMPLE` is a placeholder many unrelated sources share, not one pool, so
 *   records are never joined by their pool id alone.
 *
 * The creation and deletion of the pool itself are in its history too (CreateUserPool, put in
 * the history of the pool its answer names): a history that begins with the pool's creation is
 * complete, so a judge may read a ClientId it never saw created as one that does not exist; any
 * other history (an evidence sequence, a run against an existing pool) begins mid-life, and a
 * client it has not seen created is unknown, not absent.
 *
 * Left out of every history, because they are not something the target answered in full: an
 * exchange the SDK answered without sending it (`layer: sdk-client`), and a record whose response
 * body is shown only in part (`partial: ["response.body"]`: an acceptance whose answer the source
 * did not show). Operations on other resources (resource servers, identity providers) are not in them.
 */
export interface LifecycleHistory {
  /** The file the records come from. */
  file: string;
  /** The pool's id as the requests name it (a placeholder in some evidence records). */
  pool: string;
  /** The evidence sequence's name, or undefined for a recording's whole pool. */
  sequence?: string;
  records: LoadedRecord[];
  /** Records of the group left out, with why (what the judges cannot read) and how many kept records precede each. */
  left: Array<{ record: LoadedRecord; reason: string; after: number }>;
}

/** The client operations the lifecycle rules are about. */
export const CLIENT_OPERATIONS: ReadonlySet<string> = new Set([
  'CreateUserPoolClient', 'DescribeUserPoolClient', 'UpdateUserPoolClient', 'ListUserPoolClients', 'DeleteUserPoolClient',
]);

/** The pool's own creation and deletion: where its history begins and ends. */
const POOL_OPERATIONS: ReadonlySet<string> = new Set(['CreateUserPool', 'DeleteUserPool']);

function poolOf(record: RecordedExchange): string {
  const named = record.request.UserPoolId;
  if (typeof named === 'string') return named;
  const body = record.response.body as { UserPoolClient?: { UserPoolId?: unknown }; UserPool?: { Id?: unknown } } | null;
  const answered = body?.UserPoolClient?.UserPoolId ?? body?.UserPool?.Id;
  return typeof answered === 'string' ? answered : '';
}

/** Whether the record was transcribed from a public source rather than written by a recorder. */
function isTranscribed(record: RecordedExchange): boolean {
  return record.source !== undefined && record.source.kind !== 'run';
}

function covers(parts: readonly string[] | undefined, part: string): boolean {
  return (parts ?? []).some((p) => p === part || part.startsWith(`${p}.`));
}

/** Why the judges cannot read the record, or undefined when they can. */
export function unreadable(record: RecordedExchange): string | undefined {
  if (record.layer === 'sdk-client') return 'the SDK answered without sending the request';
  if (covers(record.partial, 'response.body')) return 'the record does not show the response body';
  return undefined;
}

/** Every history in the records, in the order their first records appear. */
export function lifecycleHistories(records: readonly LoadedRecord[]): LifecycleHistory[] {
  const groups = new Map<string, LifecycleHistory>();
  for (const r of records) {
    const record = r.record;
    const pool = poolOf(record);
    if (!CLIENT_OPERATIONS.has(record.operation) && !(POOL_OPERATIONS.has(record.operation) && pool !== '')) continue;
    const sequence = record.sequence;
    const key = isTranscribed(record)
      ? JSON.stringify([r.file, sequence === undefined ? ['record', r.key] : ['sequence', sequence], pool])
      : JSON.stringify([r.file, ['pool'], pool]);
    let group = groups.get(key);
    if (!group) {
      group = { file: r.file, pool, ...(isTranscribed(record) && sequence !== undefined ? { sequence } : {}), records: [], left: [] };
      groups.set(key, group);
    }
    const reason = unreadable(record);
    if (reason) group.left.push({ record: r, reason, after: group.records.length });
    else group.records.push(r);
  }
  return [...groups.values()];
}
