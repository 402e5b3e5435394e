import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { createHttpTarget } from '../targets/transports/httpTarget.js';
import { sweepLeftovers } from '../targets/pool/sweepLeftovers.js';
import { FIXTURE_CUSTOM_ATTRIBUTES, FIXTURE_REQUIRED_ATTRIBUTES, FIXTURE_SCOPES } from '../targets/pool/poolFixture.js';
import { listenOnLoopback } from '../testing/loopbackHttpServer.js';
import { startFakeCognito, type FakeCognito, type FakeCognitoOptions } from '../testing/fakeCognito.js';
import { prepareRun } from './prepareRun.js';
import { readRunSettings } from './runSettings.js';
import { runRules } from './runRules.js';
import { selectRules } from './selectRules.js';

/**
 * The "Done when" for partial targets, in process against the fake (no CLI spawn): a
 * target whose optional fixtures answer HTTP 500, and a target without CreateUserPool run in an
 * existing pool, are each judged on every rule they can be, with the same verdict the clean fake
 * gets; only the rules that need what the target could not give are skipped, with the reason.
 */
const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
const rules = selectRules(contract.rules, ALL_KINDS, undefined);
// Few cases per rule: the point is which verdict each rule gets, not a deep search.
const RUNS = '2';

const fakes: FakeCognito[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function judged(options: FakeCognitoOptions, extra: Record<string, string> = {}, before?: (fake: FakeCognito) => Promise<void>) {
  const fake = await startFakeCognito(options);
  fakes.push(fake);
  await before?.(fake);
  const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: RUNS, ...extra }, 'flags');
  const prepared = await prepareRun(settings, quiet());
  try {
    const outcome = await runRules(rules, { target: prepared.target, context: prepared.context });
    expect(outcome.harnessErrors).toEqual([]);
    return { fake, prepared, byId: new Map(outcome.results.map((r) => [r.id, r])) };
  } finally {
    await prepared.close();
  }
}

const verdict = (r: RuleResult | undefined) => r?.status;

/** The pool a user made elsewhere, holding what the run's own fixture would have created. */
const USER_POOL = {
  id: 'us-east-1_UserPool1',
  name: 'my-app-users',
  requiredAttributes: FIXTURE_REQUIRED_ATTRIBUTES,
  customAttributes: FIXTURE_CUSTOM_ATTRIBUTES.map((a) => ({ name: `custom:${a.name}`, mutable: a.mutable })),
  scopes: FIXTURE_SCOPES.map((s) => `https://api.my-app.example/${s}`),
  providers: ['MyCorpSaml'],
};

describe('partial targets are judged on every rule they can be', () => {
  let clean: Map<string, RuleResult>;
  beforeAll(async () => {
    clean = (await judged({})).byId;
    // The clean fake conforms: a partial target's verdicts are compared with these.
    expect([...clean.values()].filter((r) => r.status === 'failed' || r.status === 'error').map((r) => r.id)).toEqual([]);
  });

  it('a target answering HTTP 500 to CreateResourceServer and CreateIdentityProvider: those rules skipped with the answer, every other verdict unchanged', async () => {
    const { byId } = await judged({ failing: new Set(['CreateResourceServer', 'CreateIdentityProvider']) });
    const needing = rules.filter((r) => r.needs?.some((n) => n === 'resource-server' || n === 'identity-provider')).map((r) => r.id);
    expect(needing.length).toBeGreaterThan(0);
    for (const id of needing) {
      expect(byId.get(id)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^Create(ResourceServer|IdentityProvider) answered HTTP 500 InternalErrorException: Internal error\.$/) });
    }
    const differ = rules.filter((r) => !needing.includes(r.id) && verdict(byId.get(r.id)) !== verdict(clean.get(r.id))).map((r) => `${r.id}: ${byId.get(r.id)?.reason}`);
    expect(differ).toEqual([]);
  });

  it('a target without CreateUserPool, run with --user-pool-id: every verdict as on the clean fake; the pool and its owner\'s client are still there', async () => {
    let ownClient = '';
    const { fake, prepared, byId } = await judged({ lacking: new Set(['CreateUserPool']), pools: [USER_POOL] }, { userPoolId: USER_POOL.id }, async (f) => {
      const res = await fetch(f.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.CreateUserPoolClient' },
        body: JSON.stringify({ UserPoolId: USER_POOL.id, ClientName: 'my-app-web' }),
      });
      ownClient = ((await res.json()) as { UserPoolClient: { ClientId: string } }).UserPoolClient.ClientId;
    });
    for (const rule of rules) expect(verdict(byId.get(rule.id)), rule.id).toBe(verdict(clean.get(rule.id)));
    expect(prepared.context.pool).toMatchObject({ userPoolId: USER_POOL.id, resourceServerScopes: USER_POOL.scopes, identityProviders: USER_POOL.providers });
    const send = async (operation: string, input: object) => {
      const res = await fetch(fake.endpoint, {
        method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` }, body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await send('DescribeUserPool', { UserPoolId: USER_POOL.id })).toMatchObject({ status: 200, body: { UserPool: { Name: USER_POOL.name } } });
    const left = await send('ListUserPoolClients', { UserPoolId: USER_POOL.id, MaxResults: 60 });
    expect((left.body.UserPoolClients as { ClientId: string }[]).map((c) => c.ClientId)).toEqual([ownClient]);
    expect(await send('ListResourceServers', { UserPoolId: USER_POOL.id, MaxResults: 50 })).toMatchObject({ body: { ResourceServers: [{ Identifier: 'https://api.my-app.example' }] } });
    // A sweep of every run's leftovers, of any age, never touches it: the run did not name it.
    const swept = await sweepLeftovers(createHttpTarget({ name: 'fake', endpoint: fake.endpoint, region: 'us-east-1' }), { olderThanMs: 0, delete: true });
    expect(swept).toMatchObject({ leftovers: [], deleted: [], othersUntouched: 1 });
    expect((await send('DescribeUserPool', { UserPoolId: USER_POOL.id })).status).toBe(200);
  });
});

describe('targets that cannot give the run a pool: one harness error that says why', () => {
  it('a plain web server answering 404 pages: E_NOT_COGNITO, nothing judged', async () => {
    const web = await listenOnLoopback((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body><h1>Not Found</h1></body></html>');
    });
    try {
      const settings = readRunSettings({ endpoint: web.endpoint, region: 'us-east-1', runs: RUNS }, 'flags');
      await expect(prepareRun(settings, quiet())).rejects.toMatchObject({
        code: 'E_NOT_COGNITO',
        message: expect.stringMatching(new RegExp(`^${web.endpoint}/? does not answer as Cognito: CreateUserPool, ListUserPools, DescribeUserPoolClient all got HTTP 404 text/html: Not Found\\. Is this the right endpoint\\?$`)),
      });
    } finally {
      await web.close();
    }
  });

  it('a Cognito without CreateUserPool: E_FIXTURE that says so and suggests --user-pool-id', async () => {
    const fake = await startFakeCognito({ lacking: new Set(['CreateUserPool']) });
    fakes.push(fake);
    const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: RUNS }, 'flags');
    await expect(prepareRun(settings, quiet())).rejects.toMatchObject({
      code: 'E_FIXTURE',
      message: expect.stringMatching(/^CreateUserPool failed on .*: HTTP 400 UnknownOperationException: Unknown operation CreateUserPool\. This target lacks CreateUserPool; to judge it anyway, run against a pool that exists there: --user-pool-id ID$/),
    });
  });
});
