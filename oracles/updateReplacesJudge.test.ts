import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, update } from '../testing/lifecycleHistoryFixture.js';
import { updateReplacesJudge } from './updateReplacesJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const created = create({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], EnableTokenRevocation: false }, defaultClient(A, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], EnableTokenRevocation: false }));

suite('update-replaces', () => {
  it('passes an Update whose omitted members are back at their defaults and named ones as sent', () => {
    const vs = updateReplacesJudge.judge([created, update(A, { RefreshTokenValidity: 5 }, defaultClient(A, { RefreshTokenValidity: 5 }), 3)]);
    expect(vs).toMatchObject([{ ruleId: 'lifecycle.update-replaces', ok: true }]);
  });

  it('fails an Update that merged: the flows and revocation it omitted kept their old values', () => {
    const merged = defaultClient(A, { RefreshTokenValidity: 5, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], EnableTokenRevocation: false });
    const [v] = updateReplacesJudge.judge([created, update(A, { RefreshTokenValidity: 5 }, merged, 3)]);
    expect(v).toMatchObject({ ok: false, expected: { ExplicitAuthFlows: '(absent)', EnableTokenRevocation: true } });
    expect(v?.message).toContain('merged, not replaced');
  });

  it('judges TokenValidityUnits either way after an Update that omits them (docs/lifecycle.md L6)', () => {
    const units = defaultClient(A, { TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' } });
    expect(updateReplacesJudge.judge([create({}, defaultClient(A)), update(A, {}, units, 3)])).toMatchObject([{ ok: true }]);
  });

  it('says nothing of an Update of a client unknown in a pool whose clients the history made (the probe rules judge it)', () => {
    const B = 'b1b2c3d4e5f6g7h8i9j0k1l2m3';
    expect(updateReplacesJudge.judge([created, update(B, {}, defaultClient(B))])).toEqual([]);
  });

  it('judges a lone Update (a history that begins mid-life) on what its answer holds: a kept value fails, a member the answer lacks is not judged', () => {
    const { AuthSessionValidity: _dropped, ...older } = defaultClient(A);
    expect(updateReplacesJudge.judge([update(A, {}, older)])).toMatchObject([{ ok: true }]);
    expect(updateReplacesJudge.judge([update(A, {}, { ...older, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })])).toMatchObject([{ ok: false, expected: { ExplicitAuthFlows: '(absent)' } }]);
  });
});
