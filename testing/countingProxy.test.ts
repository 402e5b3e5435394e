import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountingProxy, type CountingProxy } from './countingProxy.js';
import { startFakeCognito, type FakeCognito } from './fakeCognito.js';
import { sendToFake } from './sendToFake.js';

/** One request with a chunked body (no Content-Length), split over two writes. */
function sendChunked(endpoint: string, operation: string, body: string): Promise<{ status: number; text: string }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, path: '/', method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`, 'transfer-encoding': 'chunked' },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    req.end(body.slice(half));
  });
}

describe('countingProxy', () => {
  let fake: FakeCognito;
  let proxy: CountingProxy;
  beforeAll(async () => {
    fake = await startFakeCognito();
    proxy = await startCountingProxy(`${fake.endpoint}/`, { keepBodies: (op) => op === 'CreateUserPoolClient' });
  });
  afterAll(async () => {
    await proxy.close();
    await fake.close();
  });

  it('passes answers through untouched and counts requests by operation, keeping the bodies asked for', async () => {
    const base = proxy.endpoint.replace(/\/$/, '');
    const pool = await sendToFake(base, 'CreateUserPool', { PoolName: 'proxied' });
    expect(pool.status).toBe(200);
    const userPoolId = (pool.body as { UserPool: { Id: string } }).UserPool.Id;
    const created = await sendToFake(base, 'CreateUserPoolClient', { UserPoolId: userPoolId, ClientName: 'a' });
    expect(created.status).toBe(200);
    const clientId = (created.body as { UserPoolClient: { ClientId: string } }).UserPoolClient.ClientId;
    const missing = await sendToFake(base, 'DescribeUserPoolClient', { UserPoolId: userPoolId, ClientId: 'nope' });
    expect(missing.errorType).toBe('ResourceNotFoundException');
    const chunked = await sendChunked(proxy.endpoint, 'CreateUserPoolClient', JSON.stringify({ UserPoolId: userPoolId, ClientName: 'chunked-body' }));
    expect(chunked.status).toBe(200);
    expect(chunked.text).toContain('"ClientName":"chunked-body"');
    await sendToFake(base, 'DeleteUserPoolClient', { UserPoolId: userPoolId, ClientId: clientId });

    expect(proxy.counts()).toEqual({ CreateUserPool: 1, CreateUserPoolClient: 2, DescribeUserPoolClient: 1, DeleteUserPoolClient: 1 });
    const log = proxy.requests();
    expect(log.map((r) => r.operation)).toEqual(['CreateUserPool', 'CreateUserPoolClient', 'DescribeUserPoolClient', 'CreateUserPoolClient', 'DeleteUserPoolClient']);
    expect(log[1].body).toBe(JSON.stringify({ UserPoolId: userPoolId, ClientName: 'a' }));
    expect(JSON.parse(log[3].body ?? '')).toEqual({ UserPoolId: userPoolId, ClientName: 'chunked-body' });
    expect(log[0].body).toBeUndefined();
    expect(log.every((r, i) => i === 0 || r.at >= log[i - 1].at)).toBe(true);

    proxy.reset();
    expect(proxy.counts()).toEqual({});
    expect(proxy.requests()).toEqual([]);
  });
});
