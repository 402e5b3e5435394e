import { describe as suite, expect, it } from 'vitest';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import { create, defaultClient, ok, remove } from '../testing/lifecycleHistoryFixture.js';
import { judgeLifecycleRecords } from './judgeLifecycleRecords.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const loaded = (records: RecordedExchange[], rule: string, kase: string): LoadedRecord[] =>
  records.map((record, i) => ({ record: { ...record, rule, case: kase }, file: 'run.jsonl', line: i + 1, key: `run.jsonl:${i + 1}` }));

suite('judgeLifecycleRecords', () => {
  it('judges each recorded sequence under its rule, in order, stopping at the first failure', () => {
    const good = loaded([create({}, defaultClient(A)), remove(A), { ...ok('DeleteUserPoolClient', { ClientId: A }, {}), response: { status: 400, headers: { 'x-amzn-errortype': 'ResourceNotFoundException:' }, body: {} } }], 'lifecycle.deleted-gone', '1');
    const bad = loaded([create({}, defaultClient(A)), remove(A), ok('DeleteUserPoolClient', { ClientId: A }, {})], 'lifecycle.deleted-gone', '2');
    const judged = judgeLifecycleRecords([...good, ...bad]);
    expect(judged.map((j) => j.verdicts.map((v) => v.ok))).toEqual([[true], [false]]);
    expect(judged[1]?.record.line).toBe(3);
  });

  it('leaves records of other rules and untagged records alone', () => {
    expect(judgeLifecycleRecords(loaded([create({}, defaultClient(A))], 'output.echo', '1'))).toEqual([]);
  });
});
