import { describe, expect, it } from 'vitest';
import { LIST_SHAPE_RULE_ID, listShapeOracle } from './listShapeOracle.js';
import { shownFailure } from '../runner/shownFailure.js';
import {
  CLIENT_ID, POOL_ID, SECRET, acceptedClient, acceptedCreate, listing, makeExchange, makeObservation, validCase,
} from '../testing/observationFixture.js';

const request = { UserPoolId: POOL_ID, ClientName: 'web', GenerateSecret: true };
const created = acceptedClient(request);
const listOf = (items: readonly unknown[], over: Parameters<typeof makeExchange>[0] = {}) =>
  makeExchange({ operation: 'ListUserPoolClients', body: { UserPoolClients: items }, ...over });
const observe = (listAfter?: ReturnType<typeof makeExchange>) =>
  makeObservation(validCase(request, LIST_SHAPE_RULE_ID), acceptedCreate(request, created), listAfter ? { listAfter } : {});
const judge = (listAfter?: ReturnType<typeof makeExchange>) => listShapeOracle.check(observe(listAfter));

describe('list-shape oracle', () => {
  it('passes items of ClientId, ClientName and UserPoolId only', () => {
    const vs = judge(listing([{ ClientId: CLIENT_ID, ClientName: 'web' }, { ClientId: '2'.repeat(26), ClientName: 'other' }]));
    expect(vs.map((v) => [v.ruleId, v.ok])).toEqual([[LIST_SHAPE_RULE_ID, true]]);
  });

  it('fails a listing that shows whole clients, naming the members and never the secret', () => {
    const other = { ClientId: '2'.repeat(26), ClientName: 'other', UserPoolId: POOL_ID, ClientSecret: '9'.repeat(52) };
    const o = observe(listOf([created, other]));
    const [v] = listShapeOracle.check(o);
    expect(v).toMatchObject({ ok: false, ruleId: LIST_SHAPE_RULE_ID, expected: { itemMembers: ['ClientId', 'ClientName', 'UserPoolId'] } });
    expect(v.message).toContain('2 of 2 client(s)');
    expect(v.message).toContain('ClientSecret');
    expect(v.message).toContain('CreationDate');
    // The client this case created, alone: what else the shared pool lists depends on timing.
    expect(v.observed).toEqual({ items: [{ ClientId: CLIENT_ID, members: expect.arrayContaining(['ClientSecret', 'RefreshTokenValidity']) }] });
    const shown = shownFailure(v, o);
    const text = JSON.stringify([v, shown]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(other.ClientSecret);
    expect(JSON.stringify(shown.expected)).not.toBe(JSON.stringify(shown.observed));
  });

  it('fails a secret alone beside the description', () => {
    const [v] = judge(listOf([{ ClientId: CLIENT_ID, ClientName: 'web', UserPoolId: POOL_ID, ClientSecret: SECRET }]));
    expect(v).toMatchObject({ ok: false, message: 'ListUserPoolClients lists 1 of 1 client(s) with members a client description lacks: ClientSecret' });
  });

  it('fails items that are not objects, and shows at most three offending items', () => {
    expect(judge(listOf(['x']))[0]).toMatchObject({ ok: false, message: expect.stringContaining('not objects') });
    const many = Array.from({ length: 5 }, (_, i) => ({ ClientId: String(i).repeat(26), ClientName: 'n', UserPoolId: POOL_ID, AuthSessionValidity: 3 }));
    expect(judge(listOf(many))[0].observed).toMatchObject({ more: 2 });
  });

  it('shows the same items whatever order the listing has (it follows random ids)', () => {
    const item = (id: string, extra: Record<string, unknown>) => ({ ClientId: id.repeat(26), ClientName: 'n', UserPoolId: POOL_ID, ...extra });
    const clients = [item('a', { AuthSessionValidity: 3 }), item('b', { LogoutURLs: [] }), item('c', { CallbackURLs: [] }), item('d', { ReadAttributes: [] })];
    const shown = (list: unknown[]) => (judge(listOf(list))[0].observed as { items: { members: string[] }[] }).items.map((i) => i.members);
    expect(shown(clients)).toEqual(shown([...clients].reverse()));
    expect(shown(clients).flat()).not.toContain('ReadAttributes');
  });

  it('judges nothing without a successful listing with clients', () => {
    expect(judge()).toEqual([]);
    expect(judge(listOf([]))).toEqual([]);
    expect(judge(listOf([created], { status: 400, body: { __type: 'ResourceNotFoundException', message: 'x' } }))).toEqual([]);
    expect(judge(makeExchange({ operation: 'ListUserPoolClients', body: { Clients: [] } }))).toEqual([]);
  });
});
