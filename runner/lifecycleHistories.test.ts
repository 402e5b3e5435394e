import { describe, expect, it } from 'vitest';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import { lifecycleHistories } from './lifecycleHistories.js';

let line = 0;
function rec(file: string, over: Partial<RecordedExchange> & Pick<RecordedExchange, 'operation'>, pool = 'us-east-1_AbCdEf123'): LoadedRecord {
  line++;
  const record: RecordedExchange = { request: { UserPoolId: pool }, response: { status: 200, body: {} }, recordedAt: '2026-01-02T03:04:05.006Z', ...over };
  return { record, file, line, key: record.id ?? `${file}:${line}` };
}
const keys = (h: { records: LoadedRecord[] }) => h.records.map((r) => r.key);
const run = { kind: 'run' as const, title: 'cognito-conformance run' };
const notes = { kind: 'notes' as const, repo: 'someone/notes' };

describe('lifecycleHistories', () => {
  it('gathers a recording\'s client operations per file and pool, fixtures and the pool\'s creation included, in file order', () => {
    const records = [
      rec('a.jsonl', { id: 'pool', operation: 'CreateUserPool', source: run, fixture: true, request: { PoolName: 'p' }, response: { status: 200, body: { UserPool: { Id: 'us-east-1_AbCdEf123' } } } }),
      rec('a.jsonl', { id: 'scopes', operation: 'CreateResourceServer', source: run, fixture: true }),
      rec('a.jsonl', { id: 'c1', operation: 'CreateUserPoolClient', source: run, rule: 'lifecycle.update-replaces' }),
      rec('a.jsonl', { id: 'other-pool', operation: 'DescribeUserPoolClient', source: run }, 'us-east-1_Other'),
      rec('a.jsonl', { id: 'u1', operation: 'UpdateUserPoolClient', source: run, rule: 'lifecycle.update-replaces' }),
      rec('a.jsonl', { id: 'teardown', operation: 'DeleteUserPoolClient', source: run, fixture: true }),
      rec('b.jsonl', { id: 'b-list', operation: 'ListUserPoolClients' }),
    ];
    const histories = lifecycleHistories(records);
    expect(histories.map((h) => [h.file, h.pool, keys(h)])).toEqual([
      ['a.jsonl', 'us-east-1_AbCdEf123', ['pool', 'c1', 'u1', 'teardown']],
      ['a.jsonl', 'us-east-1_Other', ['other-pool']],
      ['b.jsonl', 'us-east-1_AbCdEf123', ['b-list']],
    ]);
  });

  it('joins transcribed records only by their sequence, never by a placeholder pool id alone', () => {
    const pool = 'us-west-2_EXAMPLE';
    const records = [
      rec('e.jsonl', { id: 'doc-create', operation: 'CreateUserPoolClient', source: notes }, pool),
      rec('e.jsonl', { id: 'doc-list', operation: 'ListUserPoolClients', source: notes }, pool),
      rec('e.jsonl', { id: 's-create', operation: 'CreateUserPoolClient', source: notes, sequence: 's' }, pool),
      rec('e.jsonl', { id: 's-update', operation: 'UpdateUserPoolClient', source: notes, sequence: 's' }, pool),
      rec('f.jsonl', { id: 'f-update', operation: 'UpdateUserPoolClient', source: notes, sequence: 's' }, pool),
    ];
    expect(lifecycleHistories(records).map((h) => [h.sequence, keys(h)])).toEqual([
      [undefined, ['doc-create']],
      [undefined, ['doc-list']],
      ['s', ['s-create', 's-update']],
      ['s', ['f-update']],
    ]);
  });

  it('leaves out, with why, an answer the SDK gave and a response the source did not show', () => {
    const records = [
      rec('a.jsonl', { id: 'sdk', operation: 'UpdateUserPoolClient', layer: 'sdk-client', response: { status: 0, body: null } }),
      rec('a.jsonl', { id: 'cut', operation: 'UpdateUserPoolClient', partial: ['request', 'response.body'] }),
      rec('a.jsonl', { id: 'whole', operation: 'UpdateUserPoolClient', partial: ['request'] }),
    ];
    const [h] = lifecycleHistories(records);
    expect(keys(h!)).toEqual(['whole']);
    expect(h!.left.map((l) => [l.record.key, l.reason])).toEqual([
      ['sdk', 'the SDK answered without sending the request'],
      ['cut', 'the record does not show the response body'],
    ]);
  });
});
