import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, update } from '../testing/lifecycleHistoryFixture.js';
import { updateKeepsNameJudge } from './updateKeepsNameJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const created = create({ ClientName: 'web' }, defaultClient(A, { ClientName: 'web' }));

suite('update-keeps-name', () => {
  it('passes an Update without ClientName that keeps the name, and one that renames', () => {
    expect(updateKeepsNameJudge.judge([created, update(A, {}, defaultClient(A, { ClientName: 'web' }))])).toMatchObject([{ ok: true }]);
    expect(updateKeepsNameJudge.judge([created, update(A, { ClientName: 'new' }, defaultClient(A, { ClientName: 'new' }))])).toMatchObject([{ ok: true }]);
  });

  it('fails an Update without ClientName that emptied the name', () => {
    expect(updateKeepsNameJudge.judge([created, update(A, {}, defaultClient(A, { ClientName: '' }))])).toMatchObject([{ ok: false, expected: { ClientName: 'web' } }]);
  });
});
