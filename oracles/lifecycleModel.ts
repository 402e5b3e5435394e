import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import type { JsonObject } from './jsonObject.js';
import { accepted, answeredClient, clientIdOf, clientKey, poolIdOf, sentAtMs } from './lifecycleExchange.js';

/** What the history says one client is, after every exchange folded so far. */
export interface ModelClient {
  poolId: string | undefined;
  clientId: string;
  /** The Create answer. */
  created: JsonObject;
  /** The last accepted write's request (Create or Update): the configuration the client holds. */
  request: Record<string, unknown>;
  /** The last accepted write's answer (Create or Update): what a Describe now shows. */
  answer: JsonObject;
  /** When the last accepted write was sent (ms). */
  writtenAt: number;
  /** Whether the client has a secret: it got one at Create and keeps it (an Update cannot change it). */
  secret: unknown;
  /** The name it holds: Create's, or the last Update that named one (an Update without it keeps it). */
  name: unknown;
  deleted: boolean;
  /** The last Describe answer since the last accepted write, if any. */
  described?: JsonObject;
  /** The last write sent for it was refused: what a Describe shows is still `answer`. */
  lastWriteRefused: boolean;
  /**
   * Known from a Describe or Update answer, not from its Create: a history that begins mid-life
   * (an evidence sequence, a recording in a pool made elsewhere). `created` is then that answer,
   * whose CreationDate is still the client's.
   */
  learned?: boolean;
}

export interface LifecycleModel {
  clients: ReadonlyMap<string, ModelClient>;
  /** Pools in which the history itself created a client: a sequence of ours, not a lone recording. */
  poolsWithCreates: ReadonlySet<string>;
}

/**
 * The model of issue 17: a pure fold of a history of exchanges on one pool into the clients it
 * made, each as its last accepted write left it. Update replaces the configuration
 * (docs/lifecycle.md L1: the expected members after it are the Update's request over the contract's Create
 * defaults, which the judges read from the `default` rules), keeps the name when it names none (L4)
 * and the secret always (L9); Delete removes the client (L12). Refused writes change nothing.
 */
export function lifecycleModel(history: readonly RecordedExchange[]): LifecycleModel {
  const clients = new Map<string, ModelClient>();
  const poolsWithCreates = new Set<string>();
  for (const e of history) {
    const poolId = poolIdOf(e);
    const id = clientIdOf(e);
    if (id === undefined) continue;
    const key = clientKey(poolId, id);
    const known = clients.get(key);
    if (e.operation === 'CreateUserPoolClient') {
      const client = answeredClient(e);
      if (!client) continue;
      poolsWithCreates.add(poolId ?? '');
      clients.set(key, {
        poolId, clientId: id, created: client, request: e.request, answer: client, writtenAt: sentAtMs(e),
        secret: client.ClientSecret, name: client.ClientName, deleted: false, lastWriteRefused: false,
      });
    } else if (!known && (e.operation === 'DescribeUserPoolClient' || e.operation === 'UpdateUserPoolClient') && !poolsWithCreates.has(poolId ?? '')) {
      // A history that made no client in this pool begins mid-life: the first answer about a client
      // is what it was then. (Where the history made clients, it is whole, and a client it never made
      // is unknown: the probe rules judge that answer.)
      const client = answeredClient(e);
      if (!client) continue;
      clients.set(key, {
        poolId, clientId: id, created: client, request: e.request, answer: client, writtenAt: sentAtMs(e),
        secret: client.ClientSecret, name: client.ClientName, deleted: false, lastWriteRefused: false, learned: true,
        ...(e.operation === 'DescribeUserPoolClient' ? { described: client } : {}),
      });
    } else if (e.operation === 'UpdateUserPoolClient' && known && !known.deleted) {
      const client = answeredClient(e);
      if (!client) {
        known.lastWriteRefused = true;
        continue;
      }
      known.request = e.request;
      known.answer = client;
      known.writtenAt = sentAtMs(e);
      known.lastWriteRefused = false;
      delete known.described;
      if (e.request.ClientName !== undefined) known.name = e.request.ClientName;
    } else if (e.operation === 'DescribeUserPoolClient' && known && !known.deleted) {
      const client = answeredClient(e);
      if (client) known.described = client;
    } else if (e.operation === 'DeleteUserPoolClient' && known && accepted(e)) {
      known.deleted = true;
    }
  }
  return { clients, poolsWithCreates };
}

/** The client the last exchange of a history is about, as everything before it left it. */
export function priorClient(history: readonly RecordedExchange[]): { last: RecordedExchange; before: ModelClient | undefined; model: LifecycleModel } | undefined {
  const last = history.at(-1);
  if (!last) return undefined;
  const model = lifecycleModel(history.slice(0, -1));
  const id = typeof last.request.ClientId === 'string' ? last.request.ClientId : undefined;
  return { last, before: id === undefined ? undefined : model.clients.get(clientKey(poolIdOf(last), id)), model };
}
