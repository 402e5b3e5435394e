import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, describe, update } from '../testing/lifecycleHistoryFixture.js';
import { updateAnswerIsDescribeJudge } from './updateAnswerIsDescribeJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const created = create({}, defaultClient(A));
const updated = defaultClient(A, { ReadAttributes: ['email', 'name'] });

suite('update-answer-is-describe', () => {
  it('passes a Describe equal to the Update answer (lists as sets)', () => {
    const h = [created, update(A, { ReadAttributes: ['email', 'name'] }, updated), describe(A, defaultClient(A, { ReadAttributes: ['name', 'email'] }))];
    expect(updateAnswerIsDescribeJudge.judge(h)).toMatchObject([{ ok: true }]);
  });

  it('fails a Describe that differs from the Update answer', () => {
    const h = [created, update(A, {}, updated), describe(A, defaultClient(A, { ReadAttributes: ['email', 'name'], EnableTokenRevocation: false }))];
    expect(updateAnswerIsDescribeJudge.judge(h)).toMatchObject([{ ok: false, observed: { EnableTokenRevocation: false } }]);
  });

  it('leaves a Describe right after Create to consistency.describe-matches-create', () => {
    expect(updateAnswerIsDescribeJudge.judge([created, describe(A, defaultClient(A))])).toEqual([]);
  });
});
