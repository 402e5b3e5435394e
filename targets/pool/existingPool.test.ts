import { afterEach, describe, expect, it } from 'vitest';
import { WRITABLE_STANDARD_ATTRIBUTES } from '../../contract/poolContext.js';
import { ruleById } from '../../contract/contract.js';
import { startFakeCognito, type FakeCognito, type FakeCognitoOptions, type FakePoolSeed } from '../../testing/fakeCognito.js';
import { sendToFake } from '../../testing/sendToFake.js';
import type { Target } from '../exchange.js';
import { useExistingPool } from './existingPool.js';
import { unmetNeed } from './fixtureCapabilities.js';

const POOL: FakePoolSeed = {
  id: 'us-east-1_Owned1234',
  name: 'my-app-users',
  requiredAttributes: ['email'],
  customAttributes: [{ name: 'custom:plan', mutable: true }, { name: 'custom:org', mutable: false }],
  scopes: ['https://api.example/read', 'https://api.example/write', 'orders/admin'],
  providers: ['Okta', 'Google'],
};

const fakes: FakeCognito[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fakeWith(options: FakeCognitoOptions): Promise<{ fake: FakeCognito; target: Target }> {
  const fake = await startFakeCognito(options);
  fakes.push(fake);
  const target: Target = {
    info: { name: 'fake', endpoint: fake.endpoint, region: 'us-east-1', transport: 'http' },
    send: (operation, input) => sendToFake(fake.endpoint, operation, input),
    close: async () => undefined,
  };
  return { fake, target };
}

const use = (target: Target, userPoolId = POOL.id) => useExistingPool(target, { userPoolId, runIdPrefix: 'cc-20260101t000000-abcd', syntheticAnalytics: true });

describe('useExistingPool', () => {
  it('reads the schema, the scopes and the providers, and changes nothing', async () => {
    const { target } = await fakeWith({ pools: [POOL], lacking: new Set(['CreateUserPool']) });
    const pool = await use(target);
    expect(pool.name).toBe('my-app-users');
    expect(pool.context).toMatchObject({
      userPoolId: POOL.id,
      customAttributes: POOL.customAttributes,
      requiredAttributes: ['email'],
      resourceServerScopes: POOL.scopes,
      identityProviders: POOL.providers,
    });
    expect(pool.capabilities).toEqual({ resourceServer: true, identityProvider: true, analytics: true, reasons: {} });
  });

  it('a pool without resource servers or providers: the rules needing them are skipped, saying the run does not create them there', async () => {
    const { target } = await fakeWith({ pools: [{ id: POOL.id, name: 'bare' }] });
    const pool = await use(target);
    expect(unmetNeed(pool.capabilities, ruleById('oauth.client-credentials.no-openid').needs))
      .toBe(`pool ${POOL.id} has no resource server with scopes (a run does not create one in a pool it did not create)`);
    expect(unmetNeed(pool.capabilities, ruleById('oauth.scopes.exist').needs)).toBeUndefined();
  });

  it('reads the target cannot answer leave that part unknown: the rules depending on it are skipped with the answer', async () => {
    const { target } = await fakeWith({ pools: [POOL], lacking: new Set(['ListResourceServers']), failing: new Set(['ListIdentityProviders', 'DescribeUserPool']) });
    const pool = await use(target);
    expect(unmetNeed(pool.capabilities, ruleById('oauth.scopes.exist').needs)).toBe('target lacks ListResourceServers (HTTP 400 UnknownOperationException: Unknown operation ListResourceServers.)');
    expect(unmetNeed(pool.capabilities, ruleById('supported-identity-providers.exist').needs)).toBe('ListIdentityProviders answered HTTP 500 InternalErrorException: Internal error.');
    expect(unmetNeed(pool.capabilities, ruleById('write-attributes.exist-and-writable').needs)).toBe('DescribeUserPool answered HTTP 500 InternalErrorException: Internal error.');
    // Unknown schema: no custom attribute is named, and valid WriteAttributes lists hold every writable standard attribute.
    expect(pool.context.customAttributes).toEqual([]);
    expect(pool.context.requiredAttributes).toEqual([...WRITABLE_STANDARD_ATTRIBUTES]);
    expect(pool.context.resourceServerScopes).toEqual([]);
  });

  it('a pool that does not exist is a harness error naming it', async () => {
    const { target } = await fakeWith({});
    await expect(use(target, 'us-east-1_Missing99')).rejects.toMatchObject({
      code: 'E_FIXTURE', message: expect.stringMatching(/^--user-pool-id us-east-1_Missing99: no such pool on fake at http:\/\/127\.0\.0\.1:\d+ \(DescribeUserPool: HTTP 400 ResourceNotFoundException/),
    });
    const noDescribe = await fakeWith({ lacking: new Set(['DescribeUserPool']) });
    await expect(use(noDescribe.target, 'us-east-1_Missing99')).rejects.toMatchObject({ code: 'E_FIXTURE', message: expect.stringContaining('(ListUserPoolClients: HTTP 400 ResourceNotFoundException') });
  });

  it('refuses a pool named as runs name theirs: sweep would delete it', async () => {
    const { target } = await fakeWith({ pools: [{ id: POOL.id, name: 'cc-20260101t000000-abcd-1' }] });
    await expect(use(target)).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('`sweep` would delete it') });
  });

  it('cleanup deletes the clients the run created and left, and nothing else', async () => {
    const { fake, target } = await fakeWith({ pools: [POOL] });
    const owners = await sendToFake(fake.endpoint, 'CreateUserPoolClient', { UserPoolId: POOL.id, ClientName: 'owner-web' });
    const pool = await use(target);
    const create = (name: string) => pool.target.send('CreateUserPoolClient', { UserPoolId: POOL.id, ClientName: name });
    const judged = await create('case-1');
    await pool.target.send('DeleteUserPoolClient', { UserPoolId: POOL.id, ClientId: (judged.body as { UserPoolClient: { ClientId: string } }).UserPoolClient.ClientId });
    const cutShort = await create('case-2');
    await pool.cleanup();
    await pool.cleanup();
    const listed = await sendToFake(fake.endpoint, 'ListUserPoolClients', { UserPoolId: POOL.id, MaxResults: 60 });
    const ids = (listed.body as { UserPoolClients: { ClientId: string }[] }).UserPoolClients.map((c) => c.ClientId);
    expect(ids).toEqual([(owners.body as { UserPoolClient: { ClientId: string } }).UserPoolClient.ClientId]);
    expect(ids).not.toContain((cutShort.body as { UserPoolClient: { ClientId: string } }).UserPoolClient.ClientId);
    expect((await sendToFake(fake.endpoint, 'DescribeUserPool', { UserPoolId: POOL.id })).status).toBe(200);
  });
});
