import { connect, createServer, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of one target that counts the awsJson1_1 requests passing through
 * it, by operation, and keeps the bodies of the operations asked for: what the suite really put on
 * the wire, counted outside the suite (bench/overhead.ts). Bytes are piped untouched both ways;
 * only the request side is parsed (HTTP/1.1 heads, Content-Length or chunked bodies), so the
 * proxy costs the run a copy, not a re-serialization.
 */
export interface ProxiedRequest {
  /** The X-Amz-Target operation (`CreateUserPoolClient`), or `?` when the header is absent. */
  operation: string;
  /** performance.now() when the head was complete. */
  at: number;
  /** The body as text, for operations in `keepBodies`. */
  body?: string;
}

export interface CountingProxy {
  /** `http://127.0.0.1:<port>/` */
  readonly endpoint: string;
  /** Requests by operation, so far. */
  counts(): Record<string, number>;
  /** Every request so far, in arrival order (bodies only where asked for). */
  requests(): readonly ProxiedRequest[];
  /** Forget what was counted (between two phases of a bench). */
  reset(): void;
  close(): Promise<void>;
}

export interface CountingProxyOptions {
  /** Operations whose request bodies are kept (all when absent). */
  keepBodies?: (operation: string) => boolean;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');
const TARGET_HEADER = /^x-amz-target:\s*(?:[^.\r\n]*\.)?([^\s]+)\s*$/im;
const LENGTH_HEADER = /^content-length:\s*(\d+)\s*$/im;
const CHUNKED_HEADER = /^transfer-encoding:[^\r\n]*chunked/im;

/** Incremental parser of one connection's requests; calls `done` once per complete request. */
class RequestParser {
  private buffered: Buffer = Buffer.alloc(0);
  private state: 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'trailer' = 'head';
  private remaining = 0;
  private current: ProxiedRequest | undefined;
  private body: Buffer[] = [];

  constructor(private readonly keep: (operation: string) => boolean, private readonly done: (r: ProxiedRequest) => void) {}

  push(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      if (!this.step()) return;
    }
  }

  /** One state transition; false when more bytes are needed. */
  private step(): boolean {
    switch (this.state) {
      case 'head': {
        const end = this.buffered.indexOf(HEAD_END);
        if (end < 0) return false;
        const head = this.buffered.subarray(0, end).toString('latin1');
        this.buffered = this.buffered.subarray(end + HEAD_END.length);
        const operation = TARGET_HEADER.exec(head)?.[1] ?? '?';
        this.current = { operation, at: performance.now() };
        this.body = [];
        if (CHUNKED_HEADER.test(head)) {
          this.state = 'chunk-size';
        } else {
          this.remaining = Number(LENGTH_HEADER.exec(head)?.[1] ?? 0);
          this.state = 'length';
        }
        return true;
      }
      case 'length': {
        const take = Math.min(this.remaining, this.buffered.length);
        this.collect(this.buffered.subarray(0, take));
        this.buffered = this.buffered.subarray(take);
        this.remaining -= take;
        if (this.remaining > 0) return false;
        this.finish();
        return true;
      }
      case 'chunk-size': {
        const end = this.buffered.indexOf(CRLF);
        if (end < 0) return false;
        const size = parseInt(this.buffered.subarray(0, end).toString('latin1').split(';')[0], 16);
        this.buffered = this.buffered.subarray(end + CRLF.length);
        if (size === 0) {
          this.state = 'trailer';
        } else {
          this.remaining = size;
          this.state = 'chunk-data';
        }
        return true;
      }
      case 'chunk-data': {
        // The chunk's bytes, then its CRLF.
        if (this.remaining > 0) {
          const take = Math.min(this.remaining, this.buffered.length);
          this.collect(this.buffered.subarray(0, take));
          this.buffered = this.buffered.subarray(take);
          this.remaining -= take;
          if (this.remaining > 0) return false;
        }
        if (this.buffered.length < CRLF.length) return false;
        this.buffered = this.buffered.subarray(CRLF.length);
        this.state = 'chunk-size';
        return true;
      }
      case 'trailer': {
        // Trailer fields (rare) end with an empty line, like a head.
        const end = this.buffered.indexOf(CRLF);
        if (end < 0) return false;
        this.buffered = this.buffered.subarray(end + CRLF.length);
        if (end === 0) this.finish();
        return true;
      }
    }
  }

  private collect(part: Buffer): void {
    if (part.length > 0 && this.current && this.keep(this.current.operation)) this.body.push(Buffer.from(part));
  }

  private finish(): void {
    const request = this.current as ProxiedRequest;
    if (this.keep(request.operation)) request.body = Buffer.concat(this.body).toString('utf8');
    this.body = [];
    this.current = undefined;
    this.state = 'head';
    this.done(request);
  }
}

/** Starts the proxy on a free loopback port in front of `upstream` (`http://host:port/`). */
export async function startCountingProxy(upstream: string, options: CountingProxyOptions = {}): Promise<CountingProxy> {
  const url = new URL(upstream);
  const port = Number(url.port || 80);
  const keep = options.keepBodies ?? (() => true);
  let log: ProxiedRequest[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const server = connect({ host: url.hostname, port });
    for (const s of [client, server]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        server.destroy();
      });
    }
    const parser = new RequestParser(keep, (r) => {
      log.push(r);
      counts.set(r.operation, (counts.get(r.operation) ?? 0) + 1);
    });
    client.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      server.write(chunk);
    });
    client.on('end', () => server.end());
    server.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('countingProxy: no port');

  return {
    endpoint: `http://127.0.0.1:${address.port}/`,
    counts: () => Object.fromEntries(counts),
    requests: () => log,
    reset() {
      log = [];
      counts.clear();
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
