import { describe, expect, it } from 'vitest';
import { consistencyOracle } from './consistencyOracle.js';
import {
  CLIENT_ID, POOL_ID, SECRET, acceptedClient, acceptedCreate, listing, makeExchange, makeObservation, rejectedCreate, validCase,
} from '../testing/observationFixture.js';

const request = { UserPoolId: POOL_ID, ClientName: 'web', GenerateSecret: true, ReadAttributes: ['email', 'name', 'custom:tier'] };
const created = acceptedClient(request);
const describeOf = (client: Record<string, unknown>) => makeExchange({ operation: 'DescribeUserPoolClient', body: { UserPoolClient: client } });
const judge = (over: { describe?: ReturnType<typeof makeExchange>; listAfter?: ReturnType<typeof makeExchange> }) =>
  consistencyOracle.check(makeObservation(validCase(request), acceptedCreate(request, created), over));

describe('consistency oracle', () => {
  it('passes Describe equal to Create (lists as sets) and List showing the client', () => {
    const vs = judge({ describe: describeOf({ ...created, ReadAttributes: ['custom:tier', 'email', 'name'] }), listAfter: listing([{ ClientId: CLIENT_ID, ClientName: 'web' }]) });
    expect(vs.map((v) => [v.ruleId, v.ok])).toEqual([['consistency.describe-matches-create', true], ['consistency.list-matches-create', true]]);
  });

  it('fails a Describe that differs, naming the members', () => {
    const [v] = judge({ describe: describeOf({ ...created, EnableTokenRevocation: false, RefreshTokenRotation: { Feature: 'DISABLED' } }) });
    expect(v).toMatchObject({ ok: false, message: 'Describe differs from Create in EnableTokenRevocation, RefreshTokenRotation' });
    expect(v.expected).toEqual({ EnableTokenRevocation: true, RefreshTokenRotation: '(absent)' });
  });

  it('compares ClientSecret without ever printing it, numbering the two secrets so that they read apart', () => {
    const other = '1'.repeat(52);
    const [v] = judge({ describe: describeOf({ ...created, ClientSecret: other }) });
    expect(v).toMatchObject({ ok: false, message: 'Describe differs from Create in ClientSecret', expected: { ClientSecret: '<redacted:52 chars #1>' }, observed: { ClientSecret: '<redacted:52 chars #2>' } });
    const text = JSON.stringify(v);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(other);
  });

  it('fails a Describe that does not find the client', () => {
    const [v] = judge({ describe: rejectedCreate('ResourceNotFoundException', 'User pool client x does not exist.') });
    expect(v).toMatchObject({ ok: false, observed: { status: 400, errorType: 'ResourceNotFoundException' } });
  });

  it('fails a List without the client or with another name; says nothing when it may be on another page', () => {
    expect(judge({ listAfter: listing([]) })[0]).toMatchObject({ ok: false, message: expect.stringContaining('does not list') });
    expect(judge({ listAfter: listing([{ ClientId: CLIENT_ID, ClientName: 'WEB' }]) })[0]).toMatchObject({ ok: false, message: expect.stringContaining('different ClientName') });
    expect(judge({ listAfter: listing([], { body: { UserPoolClients: [], NextToken: 'n' } }) })).toEqual([]);
  });

  it('needs an accepted create', () => {
    expect(consistencyOracle.check(makeObservation(validCase(request), rejectedCreate('InvalidParameterException'), { listAfter: listing([]) }))).toEqual([]);
  });
});
