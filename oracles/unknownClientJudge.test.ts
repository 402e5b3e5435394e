import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, ok, refused } from '../testing/lifecycleHistoryFixture.js';
import { unknownClientJudge } from './unknownClientJudge.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const NEVER = 'zzzzzzzzzzzzzzzzzzzzzzzzzz'.replace(/z/g, 'v');

suite('unknown ClientId on the sequences (probe.unknown-client.*)', () => {
  it('passes ResourceNotFoundException for a ClientId a sequence never made', () => {
    expect(unknownClientJudge.judge([create({}, defaultClient(A)), refused('UpdateUserPoolClient', { ClientId: NEVER }, 'ResourceNotFoundException')])).toMatchObject([{ ruleId: 'probe.unknown-client.update', ok: true }]);
  });

  it('fails an Update of a ClientId never made that answers 200 {}', () => {
    expect(unknownClientJudge.judge([create({}, defaultClient(A)), ok('UpdateUserPoolClient', { ClientId: NEVER }, {})])).toMatchObject([{ ruleId: 'probe.unknown-client.update', ok: false }]);
  });

  it('says nothing of a lone recorded Describe: the client was made elsewhere', () => {
    expect(unknownClientJudge.judge([ok('DescribeUserPoolClient', { ClientId: A }, { UserPoolClient: defaultClient(A) })])).toEqual([]);
  });
});
