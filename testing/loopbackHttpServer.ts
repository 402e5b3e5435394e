import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test server of ours on a free loopback port (tests never listen beyond loopback). */
export interface LoopbackHttpServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  endpoint: string;
  /** Drop open keep-alive connections and stop listening. */
  close(): Promise<void>;
}

/**
 * Starts `handle` on 127.0.0.1 and a free port. A handler that throws answers 500, so a bug in a
 * fake shows as a server error in the test that hit it rather than as a hung request.
 */
export async function listenOnLoopback(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void): Promise<LoopbackHttpServer> {
  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handle(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
