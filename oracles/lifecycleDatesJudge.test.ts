import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, describe, update } from '../testing/lifecycleHistoryFixture.js';
import { lifecycleDatesJudge } from './lifecycleDatesJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const created = create({}, defaultClient(A));

suite('lifecycle.dates', () => {
  it('passes an Update that keeps CreationDate and moves LastModifiedDate, and a Describe that shows them', () => {
    const answer = defaultClient(A, { LastModifiedDate: 1767225603.456 });
    expect(lifecycleDatesJudge.judge([created, update(A, {}, answer, 3)])).toMatchObject([{ ok: true }]);
    expect(lifecycleDatesJudge.judge([created, update(A, {}, answer, 3), describe(A, answer, 4)])).toMatchObject([{ ok: true }]);
  });

  it('fails an Update that moved CreationDate', () => {
    const moved = defaultClient(A, { CreationDate: 1767225603.456, LastModifiedDate: 1767225603.456 });
    expect(lifecycleDatesJudge.judge([created, update(A, {}, moved, 3)])).toMatchObject([{ ok: false, expected: { CreationDate: 1767225600.123 } }]);
  });

  it('fails a LastModifiedDate that did not move seconds after the Create, but not one within the same second on a whole-second clock', () => {
    expect(lifecycleDatesJudge.judge([created, update(A, {}, defaultClient(A), 3)])).toMatchObject([{ ok: false }]);
    const whole = defaultClient(A, { CreationDate: 1767225600, LastModifiedDate: 1767225600 });
    expect(lifecycleDatesJudge.judge([create({}, whole), update(A, {}, whole, 0.5)])).toMatchObject([{ ok: true }]);
  });

  it('judges a history that begins mid-life from its first answer: alone, only that it was not modified before it was created; then as any client', () => {
    const first = defaultClient(A, { CreationDate: 1751426859.867, LastModifiedDate: 1751426859.867 });
    expect(lifecycleDatesJudge.judge([describe(A, first)])).toMatchObject([{ ok: true }]);
    expect(lifecycleDatesJudge.judge([describe(A, { ...first, LastModifiedDate: 1751426000 })])).toMatchObject([{ ok: false }]);
    const moved = { ...first, CreationDate: 1752224959.68, LastModifiedDate: 1752224959.68 };
    expect(lifecycleDatesJudge.judge([describe(A, first), update(A, {}, moved, 3)])).toMatchObject([{ ok: false, observed: { CreationDate: 1752224959.68 } }]);
  });
});
