import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { rejectionOracle } from './rejectionOracle.js';
import { POOL_ID, acceptedCreate, invalidCase, makeExchange, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';

const request = { UserPoolId: POOL_ID, ClientName: 'cc', AllowedOAuthFlows: ['client_credentials'] };
const tc = invalidCase('oauth.client-credentials.needs-secret', request, 'AllowedOAuthFlows');
const judge = (create = rejectedCreate('InvalidOAuthFlowException', 'client_credentials flow can not be selected if client does not have a client secret.')) =>
  rejectionOracle.check(makeObservation(tc, create));

describe('rejection oracle', () => {
  it('enforces exactly the rules whose outcome is rejected', () => {
    expect(new Set(rejectionOracle.rules)).toEqual(new Set(contract.rules.filter((r) => r.expect.outcome === 'rejected').map((r) => r.id)));
  });

  it('passes the expected error type, status and a message', () => {
    expect(judge()).toEqual([{
      oracle: 'rejection', ruleId: 'oauth.client-credentials.needs-secret', ok: true,
      message: 'rejected with InvalidOAuthFlowException (HTTP 400)',
      expected: { status: 400, errorTypes: ['InvalidOAuthFlowException'] }, observed: { status: 400, errorType: 'InvalidOAuthFlowException' },
    }]);
  });

  it('fails an accepted invalid request', () => {
    const [v] = judge(acceptedCreate(request));
    expect(v).toMatchObject({ ok: false, observed: { status: 200 } });
    expect(v.message).toContain('invalid request accepted (HTTP 200)');
  });

  it('fails the wrong error type, the wrong status, an empty message — all at once', () => {
    const [v] = judge(rejectedCreate('InvalidParameterException', ' ', 404));
    expect(v.ok).toBe(false);
    expect(v.message).toBe('error type InvalidParameterException, expected InvalidOAuthFlowException; HTTP 404, expected 400; empty error message');
    expect(v.observed).toEqual({ status: 404, errorType: 'InvalidParameterException' });
  });

  it('fails an error without a type', () => {
    const [v] = judge(makeExchange({ status: 400, body: { message: 'x' }, errorMessage: 'x' }));
    expect(v.message).toContain('no error type');
  });

  it('judges only invalid cases, and only answers that came from the server', () => {
    expect(rejectionOracle.check(makeObservation(validCase(request), rejectedCreate('InvalidParameterException')))).toEqual([]);
    expect(judge(makeExchange({ status: 0, layer: 'sdk-client', errorType: 'InvalidParameterException' }))).toEqual([]);
  });

  it('keeps a secret echoed in the error message out of the verdict', () => {
    const secret = 'custom0secret0value0of0thirty0two';
    const withSecret = invalidCase('client-secret.not-with-generate-secret', { ...request, GenerateSecret: true, ClientSecret: secret }, 'ClientSecret');
    const [v] = rejectionOracle.check(makeObservation(withSecret, rejectedCreate('InvalidOAuthFlowException', `bad secret ${secret}`)));
    expect(v.ok).toBe(false);
    expect(v.message).toContain('<redacted:33 chars>');
    expect(JSON.stringify(v)).not.toContain(secret);
  });
});
