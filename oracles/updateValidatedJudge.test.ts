import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, describe, refused, update } from '../testing/lifecycleHistoryFixture.js';
import { updateValidatedJudge } from './updateValidatedJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const noSecret = create({}, defaultClient(A));
const withSecret = create({ GenerateSecret: true }, defaultClient(A, { ClientSecret: 's'.repeat(51) }));
const cc = { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://api.example.com/read'], AllowedOAuthFlowsUserPoolClient: true };

suite('update-validated', () => {
  it('passes a refusal of what Create refuses, with its error type', () => {
    expect(updateValidatedJudge.judge([noSecret, refused('UpdateUserPoolClient', { ClientId: A, AccessTokenValidity: 25 }, 'InvalidParameterException')])).toMatchObject([{ ok: true }]);
    expect(updateValidatedJudge.judge([noSecret, refused('UpdateUserPoolClient', { ClientId: A, ...cc }, 'InvalidOAuthFlowException')])).toMatchObject([{ ok: true }]);
  });

  it('judges client_credentials against the secret the client has', () => {
    expect(updateValidatedJudge.judge([withSecret, update(A, cc, defaultClient(A, { ...cc, ClientSecret: 's'.repeat(51) }))])).toMatchObject([{ ok: true }]);
    expect(updateValidatedJudge.judge([withSecret, refused('UpdateUserPoolClient', { ClientId: A, ...cc }, 'InvalidOAuthFlowException')])).toMatchObject([{ ok: false }]);
  });

  it('fails an Update that breaks a Create rule and is accepted', () => {
    const [v] = updateValidatedJudge.judge([noSecret, update(A, { AccessTokenValidity: 25 }, defaultClient(A, { AccessTokenValidity: 25 }))]);
    expect(v).toMatchObject({ ok: false, expected: { errorTypes: ['InvalidParameterException'] } });
  });

  it('fails a refused Update that changed the client all the same', () => {
    const h = [noSecret, describe(A, defaultClient(A)), refused('UpdateUserPoolClient', { ClientId: A, AccessTokenValidity: 25 }, 'InvalidParameterException'), describe(A, defaultClient(A, { AccessTokenValidity: 25 }))];
    expect(updateValidatedJudge.judge(h)).toMatchObject([{ ok: false, observed: { AccessTokenValidity: 25 } }]);
  });
});
