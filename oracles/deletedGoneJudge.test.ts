import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, list, ok, refused, remove } from '../testing/lifecycleHistoryFixture.js';
import { deletedGoneJudge } from './deletedGoneJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const gone = [create({}, defaultClient(A)), remove(A)];

suite('deleted-gone', () => {
  it('passes ResourceNotFoundException for a Describe, Update and second Delete of a deleted client', () => {
    for (const op of ['DescribeUserPoolClient', 'UpdateUserPoolClient', 'DeleteUserPoolClient']) {
      expect(deletedGoneJudge.judge([...gone, refused(op, { ClientId: A }, 'ResourceNotFoundException')]), op).toMatchObject([{ ok: true }]);
    }
  });

  it('fails a second Delete that answers 200, and a listing that still shows the client', () => {
    expect(deletedGoneJudge.judge([...gone, ok('DeleteUserPoolClient', { ClientId: A }, {})])).toMatchObject([{ ok: false, observed: { status: 200 } }]);
    expect(deletedGoneJudge.judge([...gone, list(60, [A])])).toMatchObject([{ ok: false, observed: { deletedListed: [A] } }]);
  });

  it('says nothing of a client that was never deleted', () => {
    expect(deletedGoneJudge.judge([create({}, defaultClient(A)), refused('DescribeUserPoolClient', { ClientId: A }, 'ResourceNotFoundException')])).toEqual([]);
  });
});
