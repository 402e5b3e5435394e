import { describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import { judgeRecords, type JudgedRecord } from './judgeRecords.js';

const POOL = 'us-east-1_AbCdEf123';
const ID = '4ssm8oh504j4q146ic4hogbo2s';
const SECRET = '13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9';
const T = Date.parse('2024-11-22T07:11:02.702Z');
const HEADERS = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': '6f3d1e8c-2b9a-4f5e-9c1d-7a8b9c0d1e2f' };

/** What real AWS returns in 2024 for a create of `request` (the defaults of the default.* rules, echo of the rest). */
function client(request: Record<string, unknown>, over: Record<string, unknown> = {}, at = T): Record<string, unknown> {
  const out: Record<string, unknown> = {
    UserPoolId: request.UserPoolId, ClientName: request.ClientName, ClientId: ID, LastModifiedDate: at / 1000, CreationDate: at / 1000,
    RefreshTokenValidity: 30, TokenValidityUnits: {}, AllowedOAuthFlowsUserPoolClient: false,
    EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3,
  };
  for (const [k, v] of Object.entries(request)) if (k !== 'GenerateSecret' && k !== 'ClientId') out[k] = v;
  if (request.GenerateSecret === true) out.ClientSecret = SECRET;
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

let line = 0;
function loaded(record: Partial<RecordedExchange> & Pick<RecordedExchange, 'request'>): LoadedRecord {
  line++;
  const r: RecordedExchange = {
    operation: 'CreateUserPoolClient', response: { status: 200, body: {} }, recordedAt: new Date(T).toISOString(),
    source: { kind: 'issue', url: 'https://github.com/example/repo/issues/1' }, confidence: 'observed', ...record,
  };
  return { record: r, file: 'contract/evidence/test.jsonl', line, key: r.id ?? `contract/evidence/test.jsonl:${line}` };
}

function accepted(request: Record<string, unknown>, extra: Partial<RecordedExchange> = {}, over: Record<string, unknown> = {}): LoadedRecord {
  return loaded({ request, response: { status: 200, body: { UserPoolClient: client(request, over) } }, ...extra });
}

function rejected(request: Record<string, unknown>, type: string, message: string, extra: Partial<RecordedExchange> = {}): LoadedRecord {
  return loaded({ request, response: { status: 400, body: { __type: type, message } }, ...extra });
}

const base = { UserPoolId: POOL, ClientName: 'app' };

/** The one judgement of a record under CreateUserPoolClient's rules (lifecycle judgements aside). */
function only(records: LoadedRecord[]): JudgedRecord {
  const out = judgeRecords(records).judged.filter((j) => j.mode !== 'lifecycle');
  expect(out).toHaveLength(1);
  return out[0];
}
const failed = (j: JudgedRecord) => j.verdicts.filter((v) => !v.ok).map((v) => v.ruleId);
const passed = (j: JudgedRecord) => j.verdicts.filter((v) => v.ok).map((v) => v.ruleId);
const notJudged = (j: JudgedRecord, ruleId: string) => j.notJudged.filter((n) => n.ruleId === ruleId).map((n) => n.reason);

describe('judgeRecords: a recorded create', () => {
  it('judges an accepted create on the shape, defaults, echo and identity, and the protocol only with headers', () => {
    const j = only([accepted({ ...base, ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] })]);
    expect(failed(j)).toEqual([]);
    expect(passed(j)).toEqual(expect.arrayContaining(['output.shape', 'default.refresh-token-validity', 'default.auth-session-validity', 'output.echo', 'output.lists-as-sets', 'output.client-id.format', 'output.timestamps.equal', 'output.timestamps.epoch-seconds']));
    expect(notJudged(j, 'protocol.content-type')).toEqual(['the record has no response headers']);
    const withHeaders = only([loaded({ request: base, response: { status: 200, headers: HEADERS, body: { UserPoolClient: client(base) } } })]);
    expect(passed(withHeaders)).toEqual(expect.arrayContaining(['protocol.content-type', 'protocol.request-id']));
  });

  it('flags what real AWS would not return', () => {
    const j = only([accepted(base, {}, { AuthSessionValidity: 5, ClientId: 'ABC', CreationDate: 1732259462702 })]);
    // 'ABC' and a millisecond number are within the model (output.shape), not what AWS returns.
    expect(failed(j).sort()).toEqual(['default.auth-session-validity', 'output.client-id.format', 'output.timestamps.epoch-seconds', 'output.timestamps.equal']);
    expect(failed(only([accepted(base, {}, { ClientId: 'a-b' })])).sort()).toEqual(['output.client-id.format', 'output.shape']);
  });

  it('does not judge a record on a member the API did not have when it was made', () => {
    const old = Date.parse('2018-11-23T10:00:00.000Z');
    const body = client(base, { TokenValidityUnits: undefined, EnableTokenRevocation: undefined, EnablePropagateAdditionalUserContextData: undefined, AuthSessionValidity: undefined }, old);
    const j = only([loaded({ request: base, response: { status: 200, body: { UserPoolClient: body } }, recordedAt: new Date(old).toISOString() })]);
    expect(failed(j)).toEqual([]);
    expect(notJudged(j, 'default.auth-session-validity')).toEqual(['the record (2018-11-23) predates AuthSessionValidity (2022-09-02)']);
    expect(notJudged(j, 'default.enable-token-revocation')[0]).toMatch(/predates EnableTokenRevocation \(2021-06-10\)/);
    expect(passed(j)).toContain('default.refresh-token-validity');
  });

  it('does not judge a masked value on its format, unless the mask keeps its length, classes and lead band', () => {
    const request = { ...base, GenerateSecret: true };
    const masked = (secret: string) => only([accepted(request, { redacted: ['response.body.UserPoolClient.ClientSecret'] }, { ClientSecret: secret })]);
    const byHand = masked('CLIENT_SECRET');
    expect(failed(byHand)).toEqual([]);
    expect(passed(byHand)).toEqual(expect.arrayContaining(['output.shape', 'output.client-secret.when-generated']));
    expect(notJudged(byHand, 'output.client-secret.format')).toEqual(['ClientSecret is masked in the record']);
    expect(passed(masked('<redacted:52 chars of 0-9 a-v, lead 1>'))).toContain('output.client-secret.format');
    // A 52-digit secret from 8 is 2^258 or more: not a 256-bit number.
    expect(failed(masked('<redacted:52 chars of 0-9 a-v, lead 8-v>'))).toEqual(['output.client-secret.format']);
    // A mask from before the lead band was kept cannot say: not judged on its format.
    expect(notJudged(masked('<redacted:52 chars of 0-9 a-v>'), 'output.client-secret.format')).toEqual(['ClientSecret is masked in the record']);
    // A secret with other characters (a UUID's dashes) breaks the model pattern as well.
    expect(failed(masked('<redacted:36 chars of 0-9 a-v other>'))).toEqual(['output.client-secret.format', 'output.shape']);
  });

  it('fails every rule an accepted request breaks, naming the record and its source', () => {
    const record = accepted({ ...base, ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, { id: 'mixed-flows' });
    const outcome = judgeRecords([record]);
    expect(failed(outcome.judged[0])).toEqual(['explicit-auth-flows.no-legacy-mix']);
    const result = outcome.results.find((r) => r.id === 'explicit-auth-flows.no-legacy-mix');
    expect(result).toMatchObject({ status: 'failed', cases: 1, oracle: 'rejection', counterexample: { record: 'mixed-flows', at: `contract/evidence/test.jsonl:${record.line}`, source: 'https://github.com/example/repo/issues/1' } });
    expect(result?.reason).toMatch(/^mixed-flows: invalid request accepted/);
  });

  it('judges a rejection under the broken rule that fits AWS\'s error type, message and blamed member', () => {
    const j = only([rejected({ ...base, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['openid'], AllowedOAuthFlowsUserPoolClient: true }, 'InvalidOAuthFlowException', 'openid is not supported with client_credentials flow')]);
    expect(j.violations).toEqual(['oauth.client-credentials.needs-secret', 'oauth.client-credentials.no-openid']);
    expect(j.judgedAs).toBe('oauth.client-credentials.no-openid');
    expect(j.blamed.sort()).toEqual(['AllowedOAuthFlows', 'AllowedOAuthScopes']);
    expect(passed(j)).toEqual(expect.arrayContaining(['oauth.client-credentials.no-openid', 'protocol.error-body', 'protocol.client-error-status']));
    expect(failed(j)).toEqual([]);
    // An update cannot show the client's secret; AWS's message (without the rule's final period) names the rule.
    const update = only([loaded({
      operation: 'UpdateUserPoolClient', request: { UserPoolId: POOL, ClientId: ID, AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: ['https://a.example/cb'] },
      response: { status: 400, body: { __type: 'InvalidOAuthFlowException', message: 'client_credentials flow can not be selected along with code flow or implicit flow' } },
    })]);
    expect(update.uncertain).toEqual(['oauth.client-credentials.needs-secret']);
    expect(update.judgedAs).toBe('oauth.client-credentials.exclusive');
  });

  it('judges existence against the recorded pool, and against an assumed one when the record has none', () => {
    const scope = { ...base, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://a.example/cb'], AllowedOAuthScopes: ['https://api.example/read'], AllowedOAuthFlowsUserPoolClient: true };
    const without = only([rejected(scope, 'ScopeDoesNotExistException', 'Invalid scope requested: https://api.example/read')]);
    expect(without).toMatchObject({ judgedAs: 'oauth.scopes.exist', poolAssumed: true });
    const acceptedWithout = only([accepted(scope)]);
    expect(failed(acceptedWithout)).toEqual([]);
    const withPool = only([rejected(scope, 'ScopeDoesNotExistException', 'Invalid scope requested', { pool: { resourceServerScopes: ['https://api.example/read'] } })]);
    expect(withPool.judgedAs).toBeUndefined();
    expect(failed(withPool)).toContain('output.client-id.format');
  });

  it('explains a rejection the superseded claim of a dated conflict states, before the rule\'s reading was seen', () => {
    const rule = ruleById('explicit-auth-flows.refresh-token-auth-optional');
    const dated = rule.conflicts?.find((c) => c.dated)?.dated;
    expect(dated).toBeDefined();
    const request = { ...base, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] };
    const then = only([rejected(request, 'InvalidParameterException', 'REFRESH_TOKEN_AUTH should always be allowed.', { recordedAt: '2020-04-27' })]);
    expect(then.explainedBy).toMatchObject({ ruleId: rule.id, claimSeen: dated?.claimSeen, ruleSeen: dated?.ruleSeen });
    expect(failed(then)).toEqual([]);
    const now = only([rejected(request, 'InvalidParameterException', 'REFRESH_TOKEN_AUTH should always be allowed.', { recordedAt: '2026-01-05' })]);
    expect(now.explainedBy).toBeUndefined();
    expect(failed(now).length).toBeGreaterThan(0);
  });

  it('does not take what a partial request leaves out as not sent, nor judge a body the record does not show', () => {
    const partial = only([accepted({ ...base, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://api.example/read'], AllowedOAuthFlowsUserPoolClient: true }, { partial: ['request'] })]);
    expect(partial.uncertain).toEqual(['oauth.client-credentials.needs-secret']);
    expect(failed(partial)).toEqual([]);
    expect(notJudged(partial, 'default.refresh-token-validity')).toEqual(['the request is known only in part: an omitted member may have been sent']);
    const noBody = only([loaded({ request: { ...base, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }, response: { status: 200, body: {} }, partial: ['response.body'] })]);
    expect(failed(noBody)).toEqual([]);
    expect(notJudged(noBody, 'output.shape')).toEqual(['the record does not show the response body']);
  });
});

describe('judgeRecords: updates and describes', () => {
  const update = (request: Record<string, unknown>, over: Record<string, unknown> = {}) =>
    loaded({ operation: 'UpdateUserPoolClient', request, response: { status: 200, body: { UserPoolClient: client({ ...base, ...request }, { CreationDate: T / 1000 - 3600, ...over }) } } });

  it('judges an update on shape, formats and the echo of what it sent, not as a create', () => {
    const j = only([update({ UserPoolId: POOL, ClientId: ID, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://api.example/read'], AllowedOAuthFlowsUserPoolClient: true })]);
    expect(failed(j)).toEqual([]);
    expect(j.uncertain).toEqual(['oauth.client-credentials.needs-secret']);
    expect(passed(j)).toEqual(expect.arrayContaining(['output.shape', 'output.echo', 'output.lists-as-sets', 'output.client-id.format', 'output.timestamps.epoch-seconds']));
    expect(passed(j).filter((id) => id.startsWith('default.') || id === 'output.timestamps.equal')).toEqual([]);
    const echoWrong = only([update({ UserPoolId: POOL, ClientId: ID, ClientName: 'renamed' }, { ClientName: 'app' })]);
    expect(failed(echoWrong)).toEqual(['output.echo']);
    // The same lone Update is judged under the lifecycle rules too, on what its answer holds.
    const lifecycle = judgeRecords([update({ UserPoolId: POOL, ClientId: ID, RefreshTokenValidity: 5 })]).judged.filter((j) => j.mode === 'lifecycle');
    expect(lifecycle.flatMap((j) => j.verdicts.map((v) => `${v.ruleId} ${v.ok}`)).sort()).toEqual(['lifecycle.dates true', 'lifecycle.update-replaces true']);
  });

  it('pairs a describe with the recorded create of the same client, unless an update came between', () => {
    const create = accepted(base);
    const describe = (over: Record<string, unknown> = {}, at = T + 60_000) =>
      loaded({ operation: 'DescribeUserPoolClient', request: { UserPoolId: POOL, ClientId: ID }, response: { status: 200, body: { UserPoolClient: client(base, over) } }, recordedAt: new Date(at).toISOString() });
    const same = judgeRecords([create, describe()]).judged.filter((j) => j.verdicts.some((v) => v.ruleId === 'consistency.describe-matches-create'));
    expect(same.map((j) => passed(j))).toEqual([['consistency.describe-matches-create']]);
    const differs = judgeRecords([create, describe({ RefreshTokenValidity: 10 })]).results.find((r) => r.id === 'consistency.describe-matches-create');
    expect(differs).toMatchObject({ status: 'failed' });
    const updated = loaded({ operation: 'UpdateUserPoolClient', request: { UserPoolId: POOL, ClientId: ID, RefreshTokenValidity: 10 }, response: { status: 200, body: { UserPoolClient: client(base, { RefreshTokenValidity: 10 }) } }, recordedAt: new Date(T + 30_000).toISOString() });
    const afterUpdate = judgeRecords([create, updated, describe({ RefreshTokenValidity: 10 })]).results.find((r) => r.id === 'consistency.describe-matches-create');
    expect(afterUpdate).toMatchObject({ status: 'skipped', reason: 'no recorded exchange exercises this rule' });
  });
});

describe('judgeRecords: rule results', () => {
  it('aggregates over records: a rule no record can judge is skipped with the reasons, counted per record', () => {
    const outcome = judgeRecords([accepted(base), accepted({ ...base, ClientName: 'b' })]);
    const byId = new Map(outcome.results.map((r) => [r.id, r]));
    expect(byId.get('output.shape')).toMatchObject({ status: 'passed', cases: 2, confirmed: true, evidence: 'model' });
    expect(byId.get('protocol.request-id')).toMatchObject({ status: 'skipped', reason: 'not judged: 2 records: the record has no response headers' });
    expect(byId.get('client-name.max-length')).toMatchObject({ status: 'skipped', reason: 'no recorded exchange exercises this rule' });
    expect(outcome.results).toHaveLength(judgeRecords([]).results.length);
  });

  it('reports a run recording that names a rule the contract no longer has', () => {
    const r = loaded({ request: base, rule: 'no.such-rule', response: { status: 200, body: { UserPoolClient: client(base) } } });
    const j = only([r]);
    expect(j).toMatchObject({ mode: 'case', notJudged: [{ ruleId: 'no.such-rule', reason: 'the recording names rule no.such-rule, which the contract no longer has' }] });
  });
});
