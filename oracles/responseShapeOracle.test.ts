import { describe, expect, it } from 'vitest';
import { responseShapeOracle } from './responseShapeOracle.js';
import { POOL_ID, acceptedClient, acceptedCreate, makeExchange, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';

const request = { UserPoolId: POOL_ID, ClientName: 'web' };
const judge = (body: unknown) => responseShapeOracle.check(makeObservation(validCase(request), makeExchange({ body })));

describe('response-shape oracle (output.shape)', () => {
  it('passes a real-looking create response', () => {
    const [v] = responseShapeOracle.check(makeObservation(validCase(request), acceptedCreate(request)));
    expect(v).toMatchObject({ oracle: 'response-shape', ruleId: 'output.shape', ok: true });
  });

  it('names members the contract does not know, at any level', () => {
    const [v] = judge({ UserPoolClient: acceptedClient(request, { ClientType: 'REGULAR', TokenValidityUnits: { Weeks: 'x' } }), Extra: 1 });
    expect(v.ok).toBe(false);
    expect(v.message).toContain('UserPoolClient.ClientType');
    expect(v.message).toContain('UserPoolClient.TokenValidityUnits.Weeks');
    expect(v.observed).toMatchObject({ unknownMembers: expect.arrayContaining(['Extra', 'UserPoolClient.ClientType']) });
  });

  it('fails wrong types and values outside the model constraints', () => {
    const [v] = judge({ UserPoolClient: acceptedClient(request, { RefreshTokenValidity: '30', AuthSessionValidity: 16, CallbackURLs: ['ok', ''] }) });
    expect(v.ok).toBe(false);
    expect(v.message).toContain('UserPoolClient.RefreshTokenValidity must be integer (got string)');
    expect(v.message).toContain('UserPoolClient.AuthSessionValidity');
    expect(v.message).toContain('UserPoolClient.CallbackURLs[1]');
  });

  it('fails a 2xx whose body is not a JSON object, or lacks the envelope', () => {
    expect(judge(undefined)[0]).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
    expect(judge([1])[0]).toMatchObject({ ok: false, message: expect.stringContaining('JSON array') });
    expect(judge({})[0]).toMatchObject({ ok: false, message: expect.stringContaining('UserPoolClient') });
  });

  it('never prints a member value, so a secret of the wrong shape stays out of the message', () => {
    const [v] = judge({ UserPoolClient: acceptedClient(request, { ClientSecret: 'not-a-valid-secret-at-all!!' }) });
    expect(v.ok).toBe(false);
    expect(JSON.stringify(v)).not.toContain('not-a-valid-secret-at-all');
  });

  it('has nothing to say about rejections', () => {
    expect(responseShapeOracle.check(makeObservation(validCase(request), rejectedCreate('InvalidParameterException')))).toEqual([]);
  });
});
