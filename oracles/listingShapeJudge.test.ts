import { describe as suite, expect, it } from 'vitest';
import { list, ok } from '../testing/lifecycleHistoryFixture.js';
import { listingShapeJudge } from './listingShapeJudge.js';

suite('consistency.list-shape on every page of a sequence', () => {
  it('passes client descriptions and fails a listed ClientSecret, naming the member only', () => {
    expect(listingShapeJudge.judge([list(2, ['a'])])).toMatchObject([{ ok: true }]);
    const leaky = ok('ListUserPoolClients', { MaxResults: 2 }, { UserPoolClients: [{ ClientId: 'a', ClientName: 'x', UserPoolId: 'p', ClientSecret: 'w'.repeat(51) }] });
    const vs = listingShapeJudge.judge([leaky]);
    expect(vs).toMatchObject([{ ok: false }]);
    expect(JSON.stringify(vs)).not.toContain('w'.repeat(51));
  });
});
