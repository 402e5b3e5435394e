import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import { listedClients } from './listedClients.js';

const RULE = 'side-effect.none-on-rejection';

/**
 * side-effect.none-on-rejection: after a rejected create, the pool's ListUserPoolClients shows no
 * client that was not there before.
 *
 * Cases may run concurrently in one pool (runner/observeCase.ts), so a client another case created
 * between the two listings must not count. A new client counts when it carries the rejected
 * request's ClientName; only when the request has no usable ClientName (a missing or empty one)
 * does every new client count. A target that created the client under another name (say, a
 * truncated one) escapes this check: the price of not flagging concurrent cases.
 *
 * Listings with more pages: when the earlier one has more, a client "new" on the later page may
 * have been on the earlier listing's next page, so nothing is judged; when only the later one has
 * more, a new client on its page is still a failure, but its absence proves nothing (no verdict).
 */
function judge(o: Observation): Judgement[] {
  if (isSuccessStatus(o.create.status) || o.create.layer === 'sdk-client') return [];
  const before = listedClients(o.listBefore);
  const after = listedClients(o.listAfter);
  if (!before || !after || before.partial) return [];
  const known = new Set(before.clients.map((c) => c.ClientId));
  const name = o.testCase.request.ClientName;
  const byName = typeof name === 'string' && name !== '';
  const fresh = after.clients.filter((c) => !known.has(c.ClientId));
  const created = byName ? fresh.filter((c) => c.ClientName === name) : fresh;
  if (created.length) {
    return [{
      ruleId: RULE,
      ok: false,
      message: `rejected create (${o.create.errorType ?? `HTTP ${o.create.status}`}) still created ${created.length} client(s): ${created.map((c) => c.ClientId).join(', ')}`,
      expected: { newClients: [] },
      observed: { newClients: created.map((c) => ({ ClientId: c.ClientId, ClientName: c.ClientName })) },
    }];
  }
  if (after.partial) return [];
  const ignored = fresh.length ? ` (${fresh.length} other new client(s) ignored: not named as the request)` : '';
  return [{ ruleId: RULE, ok: true, message: `no client created by the rejected request${ignored}` }];
}

export const noSideEffectOracle = defineOracle({ id: 'no-side-effect', rules: [RULE], judge });
