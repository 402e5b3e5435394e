import { describe, expect, it } from 'vitest';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import { recordedCases } from './recordedCases.js';

let n = 0;
function rec(operation: string, extra: Partial<RecordedExchange> = {}): LoadedRecord {
  n++;
  return { record: { operation, request: {}, response: { status: 200, body: {} }, recordedAt: '2026-01-01', ...extra }, file: 'run.jsonl', line: n, key: `r${n}` };
}

const shape = (cases: ReturnType<typeof recordedCases>) =>
  cases.map((c) => ({ rule: c.rule, listBefore: c.listBefore?.key, create: c.create?.key, describe: c.describe?.key, listAfter: c.listAfter?.key, n: c.records.length }));

describe('recordedCases', () => {
  it('splits a rule\'s records into cases by their order when they carry no case tag', () => {
    n = 0;
    const side = { rule: 'side-effect.none-on-rejection' };
    const cons = { rule: 'consistency.describe-matches-create' };
    const records = [
      rec('CreateUserPool', { fixture: true }),
      rec('ListUserPoolClients', side), rec('CreateUserPoolClient', { ...side, response: { status: 400, body: {} } }), rec('ListUserPoolClients', side),
      rec('CreateUserPoolClient', cons), rec('DescribeUserPoolClient', cons),
      rec('ListUserPoolClients', side), rec('CreateUserPoolClient', side), rec('ListUserPoolClients', side), rec('DeleteUserPoolClient', side),
      rec('ListUserPoolClients', cons), rec('DeleteUserPoolClient', cons),
      rec('CreateUserPoolClient', cons), rec('ListUserPoolClients', cons),
    ];
    expect(shape(recordedCases(records))).toEqual([
      { rule: side.rule, listBefore: 'r2', create: 'r3', describe: undefined, listAfter: 'r4', n: 3 },
      { rule: side.rule, listBefore: 'r7', create: 'r8', describe: undefined, listAfter: 'r9', n: 4 },
      { rule: cons.rule, listBefore: undefined, create: 'r5', describe: 'r6', listAfter: 'r11', n: 4 },
      { rule: cons.rule, listBefore: undefined, create: 'r13', describe: undefined, listAfter: 'r14', n: 2 },
    ]);
  });

  it('groups by case tag when records carry one, whatever their order', () => {
    n = 0;
    const a = (c: string) => ({ rule: 'output.echo', case: c });
    const records = [rec('CreateUserPoolClient', a('0')), rec('CreateUserPoolClient', a('1')), rec('DescribeUserPoolClient', a('0')), rec('DeleteUserPoolClient', a('1'))];
    expect(shape(recordedCases(records))).toEqual([
      { rule: 'output.echo', listBefore: undefined, create: 'r1', describe: 'r3', listAfter: undefined, n: 2 },
      { rule: 'output.echo', listBefore: undefined, create: 'r2', describe: undefined, listAfter: undefined, n: 2 },
    ]);
  });
});
