import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCleanupRegistry } from './pool/cleanupRegistry.js';
import { openTarget } from './openTarget.js';
import { SDK_FLOOR } from './sdk/sdkFloor.js';
import { resolveTargetConfig } from './targetConfig.js';

const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });

describe('openTarget: one way from a configuration to a Target', () => {
  let server: Server;
  let endpoint: string;
  let serverHeader: string | undefined;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', ...(serverHeader === undefined ? {} : { server: serverHeader }) });
      res.end('{"UserPools":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function nameAfterOneAnswer(options: { name?: string; transport?: 'http' | 'sdk' } = {}, flags: { target?: string } = {}): Promise<{ before: string; after: string; server?: string }> {
    const config = resolveTargetConfig(flags.target ? { target: flags.target, endpoint } : { endpoint }, { env: {} });
    const opened = await openTarget(config, { registry: quiet(), env: {}, ...options });
    try {
      const before = opened.settings.name;
      await opened.target.send('ListUserPools', { MaxResults: 1 });
      return { before, after: opened.settings.name, ...(opened.server === undefined ? {} : { server: opened.server }) };
    } finally {
      await opened.close();
    }
  }

  it('names a bare --endpoint after its host:port, before and after it answers; the Server header is information only', async () => {
    serverHeader = 'Werkzeug/3.0.1 Python/3.11.8';
    const host = new URL(endpoint).host;
    expect(await nameAfterOneAnswer()).toEqual({ before: host, after: host, server: 'Werkzeug/3.0.1 Python/3.11.8' });
    expect(await nameAfterOneAnswer({ transport: 'sdk' })).toEqual({ before: host, after: host, server: 'Werkzeug/3.0.1 Python/3.11.8' });
  });

  it('has no server information when the answer has no Server header', async () => {
    serverHeader = undefined;
    expect(await nameAfterOneAnswer()).toEqual({ before: new URL(endpoint).host, after: new URL(endpoint).host });
  });

  it('keeps a preset\'s name, and --name wins over everything', async () => {
    serverHeader = 'hypercorn-h11';
    expect((await nameAfterOneAnswer({}, { target: 'localstack' })).after).toBe('localstack');
    expect(await nameAfterOneAnswer({ name: 'my-emulator' })).toEqual({ before: 'my-emulator', after: 'my-emulator', server: 'hypercorn-h11' });
  });

  it('builds the settings a worker process needs: transport, limits, credentials kind', async () => {
    const config = resolveTargetConfig({ endpoint }, { env: {} });
    const opened = await openTarget(config, { registry: quiet(), env: {}, transport: 'sdk', concurrency: 3 });
    try {
      expect(opened.settings).toEqual({ name: new URL(endpoint).host, kind: 'emulator', endpoint, region: 'us-east-1', transport: 'sdk', credentials: 'local', concurrency: 3 });
      expect(opened.target.info.transport).toBe('sdk');
    } finally {
      await opened.close();
    }
  });

  it('--sdk-from goes into the settings workers build from, and the target names the SDK and where it came from', async () => {
    const config = resolveTargetConfig({ endpoint }, { env: {} });
    const sdkFrom = { dir: fileURLToPath(new URL('../node_modules/aws-sdk-cognito-floor', import.meta.url)), label: '--sdk-from' };
    const opened = await openTarget(config, { registry: quiet(), env: {}, transport: 'sdk', sdkFrom });
    try {
      expect(opened.settings.sdkFrom).toEqual(sdkFrom);
      expect(opened.target.info).toMatchObject({ sdkVersion: SDK_FLOOR, sdkOrigin: expect.stringMatching(/aws-sdk-cognito-floor \(--sdk-from\)$/) });
    } finally {
      await opened.close();
    }
  });

  it('an unusable --sdk-from stops before the embedded emulator is started', async () => {
    const inner = quiet();
    const registered: string[] = [];
    // The emulator registers its stop with the registry as it starts: nothing may be registered.
    const registry = { ...inner, register: (name: string, fn: () => Promise<void>) => (registered.push(name), inner.register(name, fn)), get pending() { return inner.pending; } };
    const err = await openTarget(resolveTargetConfig({}, { env: {} }), { registry, env: {}, transport: 'sdk', sdkFrom: { dir: 'no-such-dir', label: '--sdk-from' } }).then(() => undefined, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_CONFIG', message: '--sdk-from no-such-dir: no such directory' });
    expect(registered).toEqual([]);
  });
});
