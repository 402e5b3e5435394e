import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY_CREDENTIALS } from '../aws/credentialSource.js';
import { DEFAULT_TRANSPORT, isTransportName, TRANSPORT_NAMES, TRANSPORTS } from './transports.js';

describe('the transport registry', () => {
  let server: Server;
  let endpoint: string;
  let signed = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (String(req.headers.authorization).startsWith('AWS4-HMAC-SHA256 ')) signed++;
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end('{"__type":"ResourceNotFoundException","message":"no such pool"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('knows its names, and the default is one of them', () => {
    expect(TRANSPORT_NAMES).toEqual(Object.keys(TRANSPORTS));
    expect(isTransportName(DEFAULT_TRANSPORT)).toBe(true);
    expect(isTransportName('nope')).toBe(false);
    expect(isTransportName('toString')).toBe(false);
  });

  it.each(TRANSPORT_NAMES)('%s opens a Target that signs, names itself after its key and normalizes the answer', async (name) => {
    const before = signed;
    const target = await TRANSPORTS[name].open({ name: 'fake', endpoint, region: 'us-east-1', credentials: async () => DUMMY_CREDENTIALS, retry: { connectBaseDelayMs: 1 } });
    try {
      expect(target.info.transport).toBe(name);
      const ex = await target.send('DescribeUserPool', { UserPoolId: 'us-east-1_nope' });
      expect(ex).toMatchObject({ status: 400, errorType: 'ResourceNotFoundException', layer: 'server', attempts: 1 });
      expect(signed).toBe(before + 1);
    } finally {
      await target.close();
    }
  });
});
