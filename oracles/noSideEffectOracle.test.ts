import { describe, expect, it } from 'vitest';
import { noSideEffectOracle } from './noSideEffectOracle.js';
import { POOL_ID, acceptedCreate, invalidCase, listing, makeObservation, rejectedCreate } from '../testing/observationFixture.js';

const request = { UserPoolId: POOL_ID, ClientName: 'stray redirect', CallbackURLs: ['https://a.example/cb'], DefaultRedirectURI: 'https://b.example/cb' };
const tc = invalidCase('default-redirect-uri.in-callback-urls', request, 'DefaultRedirectURI');
const old = { ClientId: '26cb2c60kq7nbmas7rbme9b6pp', ClientName: 'old' };
const mine = { ClientId: '618jhi0ako4kukld7rsh8tuq2g', ClientName: 'stray redirect' };
const other = { ClientId: '38fjsnc484p94kpqsnet7mpld0', ClientName: 'concurrent case' };
const judge = (before = listing([old]), after = listing([old]), create = rejectedCreate('InvalidParameterException')) =>
  noSideEffectOracle.check(makeObservation(tc, create, { listBefore: before, listAfter: after }));

describe('no-side-effect oracle (side-effect.none-on-rejection)', () => {
  it('passes when the listings agree', () => {
    expect(judge()).toMatchObject([{ ruleId: 'side-effect.none-on-rejection', ok: true }]);
  });

  it('fails a new client named as the rejected request', () => {
    const [v] = judge(listing([old]), listing([old, mine]));
    expect(v.ok).toBe(false);
    expect(v.message).toContain(mine.ClientId);
    expect(v.observed).toEqual({ newClients: [mine] });
  });

  it('ignores a new client of another name (another case running in the same pool)', () => {
    const [v] = judge(listing([old]), listing([old, other]));
    expect(v.ok).toBe(true);
    expect(v.message).toContain('1 other new client(s) ignored');
  });

  it('counts any new client when the request has no usable ClientName', () => {
    const nameless = invalidCase('client-name.required', { UserPoolId: POOL_ID });
    const [v] = noSideEffectOracle.check(makeObservation(nameless, rejectedCreate('InvalidParameterException'), { listBefore: listing([]), listAfter: listing([other]) }));
    expect(v.ok).toBe(false);
  });

  it('does not judge accepted creates, failed listings or an earlier listing with more pages', () => {
    expect(judge(listing([old]), listing([old, mine]), acceptedCreate(request))).toEqual([]);
    expect(judge(listing([old], { status: 400, body: { __type: 'TooManyRequestsException', message: 'Rate exceeded' } }))).toEqual([]);
    expect(judge(listing([old], { body: { UserPoolClients: [{ ...old, UserPoolId: POOL_ID }], NextToken: 'n' } }), listing([old, mine]))).toEqual([]);
    expect(noSideEffectOracle.check(makeObservation(tc, rejectedCreate('InvalidParameterException')))).toEqual([]);
  });

  it('on a later listing with more pages, fails a new client it sees and otherwise says nothing', () => {
    const paged = (cs: typeof old[]) => listing(cs, { body: { UserPoolClients: cs.map((c) => ({ ...c, UserPoolId: POOL_ID })), NextToken: 'n' } });
    expect(judge(listing([old]), paged([old, mine]))[0].ok).toBe(false);
    expect(judge(listing([old]), paged([old]))).toEqual([]);
  });
});
