import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { quotaCategoryOf } from '../targets/pacing/cognitoQuotaCategory.js';
import { startFakeCognito, type FakeCognito } from './fakeCognito.js';
import { listenOnLoopback } from './loopbackHttpServer.js';

/**
 * A loopback Cognito that throttles as real Cognito does: a proxy in front of the fake Cognito
 * (or any loopback endpoint) with token buckets per account and category and per user pool and
 * operation, as the Developer Guide's quotas page documents them
 * (targets/pacing/cognitoQuotaCategory.ts: UserPoolClientUpdate, UserPoolClientRead, UserPoolUpdate, …
 * 15 per second per account by default; 5 per second per operation in one pool for the categories
 * with the page's per-pool note). A request over a limit is answered HTTP 400
 * `{"__type":"TooManyRequestsException","message":"Rate exceeded"}` (the status and message real
 * AWS sends, docs/evidence.md §8) and is NOT passed on: like AWS, a throttled create creates nothing.
 *
 * Buckets hold `burstSeconds` worth of tokens and refill continuously. `perPool: 'category'`
 * counts all operations of a category in a pool together instead (a stricter reading, the one
 * this fake had before). Operations outside the table are not throttled.
 */
export interface ThrottlingOptions {
  poolWritesPerSecond?: number;
  accountWritesPerSecond?: number;
  poolReadsPerSecond?: number;
  accountReadsPerSecond?: number;
  /** Bucket size in seconds of its rate (default 1: a full second's worth may come at once). */
  burstSeconds?: number;
  /** Where admitted requests go; absent: a clean fake Cognito started (and closed) with the proxy. */
  upstream?: string;
  /** What one pool's limit counts: each operation (documented, the default) or the whole category. */
  perPool?: 'operation' | 'category';
}

export interface ThrottleStats {
  /** Admitted / throttled requests per operation. */
  admitted: Record<string, number>;
  throttled: Record<string, number>;
  /** Admitted CreateUserPoolClient requests per ClientName: more than one for a name the caller sent once is a duplicate. */
  createsByName: ReadonlyMap<string, number>;
  /** Admitted client writes (UserPoolClientUpdate) per user pool. */
  writesByPool: ReadonlyMap<string, number>;
  /** Admitted requests per `<pool> <operation>`, for operations that name a pool. */
  admittedByPoolOperation: ReadonlyMap<string, number>;
}

export interface ThrottlingCognito {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** The fake behind the proxy, when the proxy started it. */
  fake?: FakeCognito;
  stats(): ThrottleStats;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const THROTTLED_BODY = JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' });

interface TokenBucket {
  tokens: number;
  last: number;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export async function startThrottlingCognito(options: ThrottlingOptions = {}): Promise<ThrottlingCognito> {
  const limits = {
    pool: { write: options.poolWritesPerSecond ?? 5, read: options.poolReadsPerSecond ?? 5 },
    account: { write: options.accountWritesPerSecond ?? 15, read: options.accountReadsPerSecond ?? 15 },
  };
  const burstSeconds = options.burstSeconds ?? 1;
  const perPool = options.perPool ?? 'operation';
  const fake = options.upstream === undefined ? await startFakeCognito() : undefined;
  const upstream = new URL(options.upstream ?? (fake as FakeCognito).endpoint);
  const buckets = new Map<string, TokenBucket>();
  const admitted = new Map<string, number>();
  const throttled = new Map<string, number>();
  const createsByName = new Map<string, number>();
  const writesByPool = new Map<string, number>();
  const admittedByPoolOperation = new Map<string, number>();

  const refill = (key: string, rate: number, t: number): TokenBucket => {
    const cap = rate * burstSeconds;
    let b = buckets.get(key);
    if (b === undefined) {
      b = { tokens: cap, last: t };
      buckets.set(key, b);
    }
    b.tokens = Math.min(cap, b.tokens + ((t - b.last) * rate) / 1000);
    b.last = t;
    return b;
  };

  /** Takes a token from the account's bucket of the category and the pool's bucket of the operation, or from neither. */
  const admit = (operation: string, pool: string | undefined): boolean => {
    const t = performance.now();
    const category = quotaCategoryOf(operation);
    const kind = category.kind;
    const used = [refill(`account:${category.name}`, limits.account[kind], t)];
    if (pool !== undefined && category.perPoolOperation) {
      used.push(refill(`pool:${pool}:${perPool === 'operation' ? operation : category.name}`, limits.pool[kind], t));
    }
    if (used.some((b) => b.tokens < 1)) return false;
    for (const b of used) b.tokens -= 1;
    return true;
  };

  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    out.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = req.headers['x-amz-target'];
    const operation = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const category = quotaCategoryOf(operation);
    if (category.name !== 'Other') {
      let input: { UserPoolId?: unknown; ClientName?: unknown } = {};
      try {
        input = JSON.parse(body.toString('utf8')) as typeof input;
      } catch {
        // Not JSON: the fake answers SerializationException; it still costs a token.
      }
      const pool = typeof input.UserPoolId === 'string' ? input.UserPoolId : undefined;
      if (!admit(operation, pool)) {
        bump(throttled, operation);
        res.writeHead(400, {
          'Content-Type': 'application/x-amz-json-1.1',
          'Content-Length': String(Buffer.byteLength(THROTTLED_BODY)),
          'x-amzn-RequestId': randomUUID(),
          'x-amzn-ErrorType': 'TooManyRequestsException',
        }).end(THROTTLED_BODY);
        return;
      }
      if (operation === 'CreateUserPoolClient') bump(createsByName, String(input.ClientName));
      if (category.name === 'UserPoolClientUpdate' && pool !== undefined) bump(writesByPool, pool);
      if (pool !== undefined) bump(admittedByPoolOperation, `${pool} ${operation}`);
    }
    bump(admitted, operation);
    forward(req, body, res);
  }

  const server = await listenOnLoopback(handle);
  const proxy: ThrottlingCognito = {
    endpoint: server.endpoint,
    stats: () => ({
      admitted: Object.fromEntries(admitted),
      throttled: Object.fromEntries(throttled),
      createsByName: new Map(createsByName),
      writesByPool: new Map(writesByPool),
      admittedByPoolOperation: new Map(admittedByPoolOperation),
    }),
    close: async () => {
      await server.close();
      await fake?.close();
    },
  };
  if (fake !== undefined) proxy.fake = fake;
  return proxy;
}
