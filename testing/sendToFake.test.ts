import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from './fakeCognito.js';
import { sendToFake } from './sendToFake.js';

describe('sendToFake', () => {
  let fake: FakeCognito;
  beforeAll(async () => {
    fake = await startFakeCognito({ faults: new Set(['error-type-suffixed', 'error-message-capitalized']) });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('normalizes an error as targets/exchange.ts says: sanitized type, message, lower-case headers', async () => {
    const e = await sendToFake(fake.endpoint, 'DescribeUserPoolClient', { UserPoolId: 'us-east-1_Missing1', ClientId: 'x' });
    expect(e).toMatchObject({ operation: 'DescribeUserPoolClient', status: 400, errorType: 'ResourceNotFoundException', errorMessage: 'User pool us-east-1_Missing1 does not exist.', layer: 'server' });
    expect((e.body as { __type: string }).__type).toContain(':http://');
    expect(Object.keys(e.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(e.rawBody).toContain('__type');
  });
});
