import { afterEach, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from '../../testing/fakeCognito.js';
import { sendToFake } from '../../testing/sendToFake.js';
import { createCleanupRegistry } from './cleanupRegistry.js';
import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { createPoolFixture } from './poolFixture.js';
import { removePoolContents } from './poolTeardown.js';

const quietRegistry = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });

let fake: FakeCognito | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** The fake Cognito over real loopback HTTP, as a Target that records the operations it sends. */
async function fakeTarget(failing: string[]): Promise<{ target: Target; sent: string[] }> {
  fake = await startFakeCognito({ failing: new Set(failing) });
  const endpoint = fake.endpoint;
  const sent: string[] = [];
  const target: Target = {
    info: { name: 'moto-like', endpoint, region: 'us-east-1', transport: 'http' },
    send: (operation, input) => {
      sent.push(operation);
      return sendToFake(endpoint, operation, input);
    },
    close: async () => undefined,
  };
  return { target, sent };
}

async function fixtureWithClient(target: Target) {
  const fixture = await createPoolFixture(target, { runIdPrefix: 'cc-teardown', registry: quietRegistry() });
  expect(fixture.capabilities).toMatchObject({ resourceServer: true, identityProvider: true });
  const client = await target.send('CreateUserPoolClient', { UserPoolId: fixture.context.userPoolId, ClientName: 'c' });
  expect(client.status).toBe(200);
  return fixture;
}

describe('pool teardown against a target that cannot delete a resource server (moto 5.0.1)', () => {
  it('DeleteResourceServer answering 500 is a note once DeleteUserPool removed the pool and DescribeUserPool says so', async () => {
    const { target, sent } = await fakeTarget(['DeleteResourceServer']);
    const fixture = await fixtureWithClient(target);
    sent.length = 0;
    await fixture.cleanup();
    expect(sent).toEqual(['ListUserPoolClients', 'DeleteUserPoolClient', 'DeleteResourceServer', 'DeleteIdentityProvider', 'DeleteUserPool', 'DescribeUserPool']);
    expect(fixture.notes).toEqual([
      `DeleteResourceServer failed on moto-like at ${target.info.endpoint}: HTTP 500 InternalErrorException: Internal error.; DeleteUserPool then removed cc-teardown-1 (DescribeUserPool: ResourceNotFoundException), and what it held with it`,
    ]);
    const gone = await target.send('DescribeUserPool', { UserPoolId: fixture.context.userPoolId });
    expect(gone.errorType).toBe('ResourceNotFoundException');
  });

  it('a clean target leaves no note and asks nothing more', async () => {
    const { target, sent } = await fakeTarget([]);
    const fixture = await fixtureWithClient(target);
    sent.length = 0;
    await fixture.cleanup();
    expect(fixture.notes).toEqual([]);
    expect(sent).not.toContain('DescribeUserPool');
  });

  it('stays a harness error when the pool survives: DeleteUserPool failing too', async () => {
    const { target } = await fakeTarget(['DeleteResourceServer', 'DeleteUserPool']);
    const fixture = await fixtureWithClient(target);
    const err = await fixture.cleanup().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HarnessError);
    expect((err as HarnessError).code).toBe('E_FIXTURE');
    expect((err as Error).message).toMatch(/^cleanup of cc-teardown-1 left something behind \(2 step\(s\) failed\): DeleteUserPool failed on moto-like .*HTTP 500/);
    expect(fixture.notes).toEqual([]);
  });

  it('stays a harness error when DescribeUserPool cannot confirm the pool is gone', async () => {
    const { target } = await fakeTarget(['DeleteResourceServer', 'DescribeUserPool']);
    const fixture = await fixtureWithClient(target);
    await expect(fixture.cleanup()).rejects.toThrow(/left something behind \(1 step\(s\) failed\): DeleteResourceServer failed on moto-like .*HTTP 500 InternalErrorException/);
  });

  it('a client delete that fails is never excused: cognito-local keeps a deleted pool\'s clients', async () => {
    const { target } = await fakeTarget(['DeleteUserPoolClient']);
    const fixture = await fixtureWithClient(target);
    await expect(fixture.cleanup()).rejects.toThrow(/left something behind \(1 step\(s\) failed\): DeleteUserPoolClient failed/);
  });
});

describe('removePoolContents with a refusal that is not "cannot"', () => {
  it('a 4xx answer to a child delete stays a harness error even though the pool is gone', async () => {
    const answers: Record<string, Pick<Exchange, 'status' | 'errorType'>> = {
      ListUserPoolClients: { status: 200 },
      DeleteIdentityProvider: { status: 400, errorType: 'NotAuthorizedException' },
      DeleteUserPool: { status: 200 },
      DescribeUserPool: { status: 400, errorType: 'ResourceNotFoundException' },
    };
    const target: Target = {
      info: { name: 'table', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
      send: async (operation, input) => {
        const a = answers[operation] ?? { status: 200 };
        return { operation, input, headers: {}, body: {}, rawBody: '{}', elapsedMs: 1, ...a };
      },
      close: async () => undefined,
    };
    await expect(removePoolContents(target, { userPoolId: 'us-east-1_X', poolName: 'p', identityProviderName: 'idp' }))
      .rejects.toThrow(/^cleanup of p left something behind \(1 step\(s\) failed\): DeleteIdentityProvider failed on table at http:\/\/127\.0\.0\.1:1\/: HTTP 400 NotAuthorizedException$/);
  });
});
