import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, describe, update } from '../testing/lifecycleHistoryFixture.js';
import { secretStableJudge } from './secretStableJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const SECRET = 'q'.repeat(51);
const created = create({ GenerateSecret: true }, defaultClient(A, { ClientSecret: SECRET }));

suite('secret-stable', () => {
  it('passes Describe and Update answers that carry the secret Create answered', () => {
    expect(secretStableJudge.judge([created, describe(A, defaultClient(A, { ClientSecret: SECRET }))])).toMatchObject([{ ok: true }]);
    expect(secretStableJudge.judge([created, update(A, {}, defaultClient(A, { ClientSecret: SECRET }))])).toMatchObject([{ ok: true }]);
  });

  it('fails an Update that answers another secret, without showing either', () => {
    const vs = secretStableJudge.judge([created, update(A, {}, defaultClient(A, { ClientSecret: 'r'.repeat(51) }))]);
    expect(vs).toMatchObject([{ ok: false }]);
    expect(JSON.stringify(vs)).not.toContain('q'.repeat(51));
    expect(JSON.stringify(vs)).not.toContain('r'.repeat(51));
  });

  it('fails a secret given by an Update to a client made without one', () => {
    expect(secretStableJudge.judge([create({}, defaultClient(A)), update(A, {}, defaultClient(A, { ClientSecret: SECRET }))])).toMatchObject([{ ok: false }]);
  });
});
