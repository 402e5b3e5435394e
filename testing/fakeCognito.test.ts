import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import type { PoolContext } from '../contract/poolContext.js';
import { requestViolations } from '../contract/requestViolations.js';
import { BATTERY_OTHER_REGION, batteryCases, setUpBatteryPool } from './fakeBattery.js';
import { startFakeCognito, type FakeCognito } from './fakeCognito.js';
import { sendToFake } from './sendToFake.js';

/** Self-check of the fake: it answers as the contract says real AWS does, so the oracles' clean pass means something. */
describe('fake Cognito', () => {
  let fake: FakeCognito;
  let pool: PoolContext;
  const send = (op: string, input: Record<string, unknown>) => sendToFake(fake.endpoint, op, input);

  beforeAll(async () => {
    fake = await startFakeCognito();
    pool = await setUpBatteryPool(fake.endpoint);
  });
  afterAll(async () => {
    await fake.close();
  });

  it('listens on loopback', () => {
    expect(fake.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('has a battery whose valid cases break no rule and whose invalid cases break exactly their own', () => {
    // A region rule's request is valid: the region it is sent through is what breaks the rule.
    for (const c of batteryCases(pool)) expect(requestViolations(c.request, pool), c.ruleId).toEqual(c.why && ruleById(c.ruleId).via === undefined ? [c.ruleId] : []);
  });

  it('rejects each invalid battery case as its rule expects, on the awsJson1_1 wire', async () => {
    for (const c of batteryCases(pool).filter((x) => x.why)) {
      const rule = ruleById(c.ruleId);
      if (rule.expect.outcome !== 'rejected') throw new Error('not a rejection rule');
      const e = await sendToFake(fake.endpoint, 'CreateUserPoolClient', c.request, rule.via === 'other-region' ? BATTERY_OTHER_REGION : undefined);
      expect([e.status, e.errorType], c.ruleId).toEqual([rule.expect.status, rule.expect.errorTypes[0]]);
      expect(e.headers['content-type']).toBe('application/x-amz-json-1.1');
      expect(e.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.body).toEqual({ __type: e.errorType, message: expect.stringMatching(/\S/) });
    }
  });

  it('keeps a pool in the region its CreateUserPool was signed for, and names it after that region', async () => {
    const made = await sendToFake(fake.endpoint, 'CreateUserPool', { PoolName: 'west' }, 'us-west-2');
    const id = (made.body as { UserPool: { Id: string; Arn: string } }).UserPool.Id;
    expect(id).toMatch(/^us-west-2_[0-9A-Za-z]{9}$/);
    expect((made.body as { UserPool: { Arn: string } }).UserPool.Arn).toContain(':us-west-2:');
    const here = await sendToFake(fake.endpoint, 'ListUserPoolClients', { UserPoolId: id, MaxResults: 10 }, 'us-west-2');
    expect(here.status).toBe(200);
    for (const region of ['eu-west-1', undefined]) {
      const elsewhere = await sendToFake(fake.endpoint, 'CreateUserPoolClient', { UserPoolId: id, ClientName: 'x' }, region);
      expect([elsewhere.status, elsewhere.errorType, elsewhere.errorMessage], String(region)).toEqual([400, 'ResourceNotFoundException', `User pool ${id} does not exist.`]);
    }
    const pools = await sendToFake(fake.endpoint, 'ListUserPools', { MaxResults: 60 });
    expect((pools.body as { UserPools: { Id: string }[] }).UserPools.map((p) => p.Id)).not.toContain(id);
    expect((await sendToFake(fake.endpoint, 'DeleteUserPool', { UserPoolId: id }, 'us-west-2')).status).toBe(200);
  });

  it('creates clients with real-looking ids, secrets, timestamps and defaults', async () => {
    const before = Date.now() / 1000;
    const e = await send('CreateUserPoolClient', { UserPoolId: pool.userPoolId, ClientName: 'self-check', GenerateSecret: true, Unknown: 1 });
    const c = (e.body as { UserPoolClient: Record<string, unknown> }).UserPoolClient;
    expect(e.status).toBe(200);
    // Unpadded base32hex of a random 128-bit and 256-bit number (contract/randomNumberFormat.ts).
    expect(c.ClientId).toMatch(/^(?:[1-7][0-9a-v]{25}|[1-9a-v][0-9a-v]{0,24})$/);
    expect(c.ClientSecret).toMatch(/^(?:1[0-9a-v]{51}|[1-9a-v][0-9a-v]{0,50})$/);
    expect(c.CreationDate).toBe(c.LastModifiedDate);
    expect(Math.abs((c.CreationDate as number) - before)).toBeLessThan(5);
    expect(String(c.CreationDate)).toMatch(/^\d+(\.\d{1,3})?$/);
    expect(c).toMatchObject({ RefreshTokenValidity: 30, TokenValidityUnits: {}, AllowedOAuthFlowsUserPoolClient: false, EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3 });
    expect(c).not.toHaveProperty('Unknown');
    expect(c).not.toHaveProperty('ExplicitAuthFlows');
  });

  it('reorders lists and drops repeats', async () => {
    const e = await send('CreateUserPoolClient', { UserPoolId: pool.userPoolId, ClientName: 'lists', ReadAttributes: ['email', 'name', 'email', 'locale'] });
    expect((e.body as { UserPoolClient: { ReadAttributes: string[] } }).UserPoolClient.ReadAttributes).toEqual(['name', 'locale', 'email']);
  });

  it('describes, lists with pages and deletes clients', async () => {
    const P = pool.userPoolId;
    const created = await send('CreateUserPoolClient', { UserPoolId: P, ClientName: 'to delete' });
    const client = (created.body as { UserPoolClient: Record<string, unknown> }).UserPoolClient;
    const described = await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: client.ClientId });
    expect(described.body).toEqual(created.body);
    const page = await send('ListUserPoolClients', { UserPoolId: P, MaxResults: 1 });
    expect(page.body).toMatchObject({ UserPoolClients: [expect.objectContaining({ UserPoolId: P })], NextToken: '1' });
    expect((await send('DeleteUserPoolClient', { UserPoolId: P, ClientId: client.ClientId })).body).toEqual({});
    const gone = await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: client.ClientId });
    expect([gone.status, gone.errorType]).toEqual([400, 'ResourceNotFoundException']);
    const all = await send('ListUserPoolClients', { UserPoolId: P, MaxResults: 60 });
    expect(JSON.stringify(all.body)).not.toContain(String(client.ClientId));
  });

  it('manages pools and refuses duplicate identity providers', async () => {
    const p = await send('CreateUserPool', { PoolName: 'second' });
    const id = (p.body as { UserPool: { Id: string } }).UserPool.Id;
    expect(id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(JSON.stringify((await send('ListUserPools', { MaxResults: 60 })).body)).toContain(id);
    const dup = await send('CreateIdentityProvider', { UserPoolId: pool.userPoolId, ProviderName: 'ExampleOIDC', ProviderType: 'OIDC', ProviderDetails: {} });
    expect(dup.errorType).toBe('DuplicateProviderException');
    expect((await send('DeleteUserPool', { UserPoolId: id })).status).toBe(200);
    const orphan = await send('CreateUserPoolClient', { UserPoolId: id, ClientName: 'x' });
    expect(orphan.errorType).toBe('ResourceNotFoundException');
    expect((await send('ListUserPools', {})).errorType).toBe('InvalidParameterException');
  });

  it('accepts an ALLOW_* list without ALLOW_REFRESH_TOKEN_AUTH and adds nothing to it', async () => {
    const e = await send('CreateUserPoolClient', { UserPoolId: pool.userPoolId, ClientName: 'password only', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    expect(e.status).toBe(200);
    expect((e.body as { UserPoolClient: { ExplicitAuthFlows: string[] } }).UserPoolClient.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH']);
  });

  it('rejects the OAuth flag without flows or scopes with the message AWS sends', async () => {
    for (const lists of [{}, { AllowedOAuthFlows: ['code'], CallbackURLs: ['https://a.example/cb'] }, { AllowedOAuthScopes: ['openid'], AllowedOAuthFlows: [] }]) {
      const e = await send('CreateUserPoolClient', { UserPoolId: pool.userPoolId, ClientName: 'oauth', AllowedOAuthFlowsUserPoolClient: true, ...lists });
      expect([e.status, e.errorType, e.errorMessage], JSON.stringify(lists)).toEqual([400, 'InvalidParameterException', 'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.']);
    }
  });

  it('keeps required standard attributes of the schema and wants them in WriteAttributes', async () => {
    const p = await send('CreateUserPool', {
      PoolName: 'required email',
      Schema: [{ Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true }, { Name: 'tier', AttributeDataType: 'String', Mutable: true }],
    });
    const created = (p.body as { UserPool: { Id: string; SchemaAttributes: { Name: string; Required: boolean }[] } }).UserPool;
    expect(created.SchemaAttributes).toEqual(expect.arrayContaining([
      expect.objectContaining({ Name: 'email', Required: true }), expect.objectContaining({ Name: 'custom:tier', Required: false }),
    ]));
    const client = (extra: Record<string, unknown>) => send('CreateUserPoolClient', { UserPoolId: created.Id, ClientName: 'w', ...extra });
    expect((await client({ WriteAttributes: ['name', 'custom:tier'] })).errorType).toBe('InvalidParameterException');
    expect((await client({ WriteAttributes: ['email', 'custom:tier'] })).status).toBe(200);
    expect((await client({ ReadAttributes: ['name'] })).status).toBe(200);
    expect((await send('DeleteUserPool', { UserPoolId: created.Id })).status).toBe(200);
  });

  it('answers protocol errors as AWS does: unknown operation, wrong JSON type', async () => {
    expect((await send('NoSuchOperation', {})).errorType).toBe('UnknownOperationException');
    const wrongType = await send('CreateUserPoolClient', { UserPoolId: pool.userPoolId, ClientName: 'x', RefreshTokenValidity: '30' });
    expect([wrongType.status, wrongType.errorType]).toEqual([400, 'SerializationException']);
  });

  it('stops answering once closed', async () => {
    const other = await startFakeCognito();
    await other.close();
    await expect(sendToFake(other.endpoint, 'ListUserPools', { MaxResults: 1 })).rejects.toThrow();
  });
});
