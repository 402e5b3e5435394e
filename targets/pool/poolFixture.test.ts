import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCleanupRegistry } from './cleanupRegistry.js';
import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { openTarget, type OpenedTarget } from '../openTarget.js';
import { createPoolFixture } from './poolFixture.js';
import { listClientIds } from './poolTeardown.js';
import { newRunIdPrefix } from './runIdPrefix.js';
import { sweepLeftovers } from './sweepLeftovers.js';
import { resolveTargetConfig } from '../targetConfig.js';

type Answer = { status: number; body?: unknown; errorType?: string };

/** An in-process target that answers from a table and records every call. */
function fakeTarget(answers: Record<string, Answer | ((input: Record<string, unknown>) => Answer)>) {
  const calls: { operation: string; input: Record<string, unknown> }[] = [];
  const target: Target = {
    info: { name: 'fake', endpoint: 'http://127.0.0.1:1/', region: 'eu-west-1', transport: 'http' },
    async send(operation, input) {
      calls.push({ operation, input: input as Record<string, unknown> });
      const a = answers[operation];
      const answer = typeof a === 'function' ? a(input as Record<string, unknown>) : (a ?? { status: 200, body: {} });
      const ex: Exchange = {
        operation, input, status: answer.status, headers: {}, body: answer.body, rawBody: JSON.stringify(answer.body ?? {}), elapsedMs: 1,
      };
      if (answer.errorType !== undefined) ex.errorType = answer.errorType;
      return ex;
    },
    async close() {},
  };
  return { target, calls };
}

const quietRegistry = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
const createdPool = { status: 200, body: { UserPool: { Id: 'eu-west-1_Fake12345' } } };

describe('createPoolFixture with a target that has every operation', () => {
  it('creates the resource server and the SAML provider, and removes them in order', async () => {
    const prefix = 'cc-20261126t063310-3f9a';
    const { target, calls } = fakeTarget({
      CreateUserPool: createdPool,
      ListUserPoolClients: (input) =>
        input.NextToken === undefined
          ? { status: 200, body: { UserPoolClients: [{ ClientId: 'a' }], NextToken: 't1' } }
          : { status: 200, body: { UserPoolClients: [{ ClientId: 'b' }] } },
      DeleteIdentityProvider: { status: 400, errorType: 'ResourceNotFoundException' },
    });
    const registry = quietRegistry();
    const f = await createPoolFixture(target, { runIdPrefix: prefix, index: 3, registry });

    expect(f.capabilities).toEqual({ resourceServer: true, identityProvider: true, analytics: false, reasons: { analytics: 'no Pinpoint project configured for this run' } });
    expect(f.context).toEqual({
      userPoolId: 'eu-west-1_Fake12345',
      customAttributes: [{ name: 'custom:tier', mutable: true }, { name: 'custom:tenant', mutable: false }],
      requiredAttributes: ['email'],
      resourceServerScopes: [`https://${prefix}.example/read`, `https://${prefix}.example/write`],
      identityProviders: [`${prefix}-saml`],
    });
    expect(f.context.analytics).toBeUndefined();
    const pool = calls.find((c) => c.operation === 'CreateUserPool')!.input;
    expect(pool.PoolName).toBe(`${prefix}-3`);
    expect(pool.Schema).toContainEqual({ Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true });
    const idp = calls.find((c) => c.operation === 'CreateIdentityProvider')!.input as { ProviderName: string; ProviderType: string; ProviderDetails: { MetadataFile: string } };
    expect(idp.ProviderName.length).toBeLessThanOrEqual(32);
    expect(idp.ProviderType).toBe('SAML');
    expect(idp.ProviderDetails.MetadataFile).toContain('<ds:X509Certificate>MII');

    calls.length = 0;
    await f.cleanup();
    expect(calls.map((c) => c.operation)).toEqual([
      'ListUserPoolClients', 'ListUserPoolClients', 'DeleteUserPoolClient', 'DeleteUserPoolClient',
      'DeleteResourceServer', 'DeleteIdentityProvider', 'DeleteUserPool',
    ]);
    expect(registry.pending).toBe(0);
  });

  it('reads required attributes from the schema the target reports: writable ones only, none when it did not take email', async () => {
    const schema = (email: boolean) => ({
      status: 200,
      body: { UserPool: { Id: 'eu-west-1_Fake12345', SchemaAttributes: [
        { Name: 'sub', Required: true }, { Name: 'email', Required: email }, { Name: 'custom:tier', Mutable: true, Required: false },
      ] } },
    });
    for (const [email, required] of [[true, ['email']], [false, []]] as const) {
      const { target } = fakeTarget({ CreateUserPool: schema(email) });
      const f = await createPoolFixture(target, { runIdPrefix: 'cc-x', registry: quietRegistry() });
      expect(f.context.requiredAttributes).toEqual(required);
      expect(f.context.customAttributes).toEqual([{ name: 'custom:tier', mutable: true }]);
    }
  });

  it('uses given analytics over synthetic ones', async () => {
    const { target } = fakeTarget({ CreateUserPool: createdPool });
    const analytics = { applicationId: 'ab', applicationArn: 'arn:aws:mobiletargeting:eu-west-1:111122223333:apps/ab', roleArn: 'arn:aws:iam::111122223333:role/r', externalId: 'e' };
    const f = await createPoolFixture(target, { runIdPrefix: 'cc-x', analytics, syntheticAnalytics: true, registry: quietRegistry() });
    expect(f.context.analytics).toBe(analytics);
    expect(f.capabilities.analytics).toBe(true);
  });
});

describe('createPoolFixture when a fixture call is refused', () => {
  it('an optional fixture refused with any answer is a skip reason naming the call and the answer; the run goes on', async () => {
    const { target, calls } = fakeTarget({
      CreateUserPool: createdPool,
      CreateResourceServer: { status: 400, errorType: 'InvalidParameterException', body: { message: 'bad identifier' } },
      CreateIdentityProvider: { status: 500, body: '<html>oops</html>' },
      ListUserPoolClients: { status: 200, body: { UserPoolClients: [] } },
    });
    const registry = quietRegistry();
    const f = await createPoolFixture(target, { runIdPrefix: 'cc-x', registry });
    expect(f.capabilities).toMatchObject({ resourceServer: false, identityProvider: false });
    expect(f.capabilities.reasons['resource-server']).toBe('CreateResourceServer answered HTTP 400 InvalidParameterException');
    expect(f.capabilities.reasons['identity-provider']).toBe('CreateIdentityProvider answered HTTP 500: "<html>oops</html>"');
    expect(f.context).toMatchObject({ resourceServerScopes: [], identityProviders: [] });
    calls.length = 0;
    await f.cleanup();
    // A refusal (4xx) created nothing; a server error may have come after the provider was stored.
    expect(calls.map((c) => c.operation)).toEqual(['ListUserPoolClients', 'DeleteIdentityProvider', 'DeleteUserPool']);
    expect(registry.pending).toBe(0);
  });

  it('an optional fixture that gets no answer at all is a skip reason too', async () => {
    const { target } = fakeTarget({ CreateUserPool: createdPool, ListUserPoolClients: { status: 200, body: { UserPoolClients: [] } } });
    const flaky: Target = {
      ...target,
      send: async (operation, input) => {
        if (operation === 'CreateResourceServer') throw new HarnessError('E_TARGET_UNREACHABLE', 'socket hang up');
        return target.send(operation, input);
      },
    };
    const f = await createPoolFixture(flaky, { runIdPrefix: 'cc-x', registry: quietRegistry() });
    expect(f.capabilities.reasons['resource-server']).toBe('CreateResourceServer got no answer: socket hang up');
    expect(f.capabilities.identityProvider).toBe(true);
    await f.cleanup();
  });

  it('a pool that cannot be created is E_FIXTURE suggesting --user-pool-id, and leaves nothing registered', async () => {
    const { target } = fakeTarget({ CreateUserPool: { status: 400, errorType: 'LimitExceededException' } });
    const registry = quietRegistry();
    await expect(createPoolFixture(target, { runIdPrefix: 'cc-x', registry })).rejects.toMatchObject({
      code: 'E_FIXTURE',
      message: expect.stringMatching(/^CreateUserPool failed on fake at http:\/\/127\.0\.0\.1:1\/: HTTP 400 LimitExceededException\. This target could not create the run's user pool; .*--user-pool-id ID$/),
    });
    expect(registry.pending).toBe(0);
  });
});

// End to end against the real cognito-local, started by the test on a free loopback port.
describe('pool fixture on the embedded cognito-local', () => {
  const registry = quietRegistry();
  let opened: OpenedTarget;
  let target: Target;

  beforeAll(async () => {
    opened = await openTarget(resolveTargetConfig({ target: 'cognito-local' }, { env: {} }), { registry, env: {} });
    target = opened.target;
  });

  afterAll(async () => {
    const dataDir = opened?.emulator?.dataDir;
    await opened?.close();
    if (dataDir !== undefined) expect(existsSync(dataDir)).toBe(false);
  });

  async function poolNames(): Promise<string[]> {
    const ex = await target.send('ListUserPools', { MaxResults: 60 });
    return ((ex.body as { UserPools?: { Name: string }[] }).UserPools ?? []).map((p) => p.Name);
  }

  /**
   * Clients the target still lists for a pool. cognito-local keeps listing the clients of a deleted
   * pool (its DeleteUserPool leaves them in the store), so an empty list here means they were deleted.
   */
  async function remainingClients(userPoolId: string): Promise<unknown[]> {
    const ex = await target.send('ListUserPoolClients', { UserPoolId: userPoolId, MaxResults: 60 });
    if (ex.errorType === 'ResourceNotFoundException') return [];
    expect(ex.status).toBe(200);
    return (ex.body as { UserPoolClients?: unknown[] }).UserPoolClients ?? [];
  }

  it('creates a pool with custom attributes, records what the target lacks, and cleans up completely', async () => {
    expect(opened.config).toMatchObject({ name: 'cognito-local', embedded: true });
    const prefix = newRunIdPrefix();
    const fixture = await createPoolFixture(target, { runIdPrefix: prefix, syntheticAnalytics: true, registry });
    expect(registry.pending).toBe(2);

    expect(fixture.created.poolName).toBe(`${prefix}-1`);
    expect(fixture.context.userPoolId).toMatch(/\S/);
    expect(fixture.context.customAttributes).toEqual([
      { name: 'custom:tier', mutable: true },
      { name: 'custom:tenant', mutable: false },
    ]);
    // cognito-local takes email as required in the schema and reports it so.
    expect(fixture.context.requiredAttributes).toEqual(['email']);
    expect(fixture.capabilities).toMatchObject({ resourceServer: false, identityProvider: false, analytics: true });
    // cognito-local names the missing operation (CognitoLocal#Unsupported, HTTP 500).
    expect(fixture.capabilities.reasons).toEqual({
      'resource-server': expect.stringMatching(/^target lacks CreateResourceServer \(HTTP 500 Unsupported\b/),
      'identity-provider': expect.stringMatching(/^target lacks CreateIdentityProvider \(HTTP 500 Unsupported\b/),
    });
    expect(fixture.context.resourceServerScopes).toEqual([]);
    expect(fixture.context.identityProviders).toEqual([]);
    expect(fixture.context.analytics?.applicationId).toMatch(/^[0-9a-f]{32}$/);
    expect(fixture.context.analytics?.roleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);

    const created = await target.send('CreateUserPoolClient', { UserPoolId: fixture.context.userPoolId, ClientName: `${prefix}-client` });
    expect(created.status).toBe(200);
    await target.send('CreateUserPoolClient', { UserPoolId: fixture.context.userPoolId, ClientName: `${prefix}-client-2` });
    expect(await listClientIds(target, fixture.context.userPoolId)).toHaveLength(2);
    expect(await poolNames()).toContain(`${prefix}-1`);

    await fixture.cleanup();
    await fixture.cleanup();
    expect(registry.pending).toBe(1);
    expect((await poolNames()).filter((n) => n.startsWith(prefix))).toEqual([]);
    expect(await remainingClients(fixture.context.userPoolId)).toEqual([]);
  });

  it('sweepLeftovers removes an abandoned run: its pools and their clients, page by page', async () => {
    const prefix = newRunIdPrefix();
    const keep = await createPoolFixture(target, { runIdPrefix: newRunIdPrefix(), registry });
    const lost = [];
    for (const index of [1, 2]) {
      const f = await createPoolFixture(target, { runIdPrefix: prefix, index, registry });
      for (let i = 0; i < 3; i++) await target.send('CreateUserPoolClient', { UserPoolId: f.context.userPoolId, ClientName: `c${i}` });
      lost.push(f);
    }

    // Age 0: the pools were made a moment ago; a real sweep waits for them to be two hours old.
    const report = await sweepLeftovers(target, { prefix, olderThanMs: 0, delete: true, pageSize: 2 });
    expect(report.failures).toEqual([]);
    expect(report.deleted.map((p) => p.name).sort()).toEqual([`${prefix}-1`, `${prefix}-2`]);
    expect(report.clientsDeleted).toBe(6);
    expect((await poolNames()).filter((n) => n.startsWith(prefix))).toEqual([]);
    for (const f of lost) expect(await remainingClients(f.context.userPoolId)).toEqual([]);
    expect(await poolNames()).toContain(keep.created.poolName);

    // The swept fixtures' own cleanups now find nothing and do not fail.
    for (const f of lost) await f.cleanup();
    await keep.cleanup();
    expect(await poolNames()).toEqual([]);
    // Only the emulator is left to stop.
    expect(registry.pending).toBe(1);
  });

  it('refuses a sweep prefix that would match other runs by accident', async () => {
    await expect(sweepLeftovers(target, { prefix: 'c' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
