import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { isJsonObject } from './jsonObject.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import type { Exchange } from '../targets/exchange.js';

export const LIST_SHAPE_RULE_ID = 'consistency.list-shape';

/**
 * The members of a UserPoolClientDescription, the model's item of ListUserPoolClients (model
 * ListUserPoolClientsResponse; API reference, ListUserPoolClients response syntax). Anything else
 * in an item — a ClientSecret above all — is the whole client leaking into a listing
 * (floci-io/floci#416).
 */
export const CLIENT_DESCRIPTION_MEMBERS: readonly string[] = ['ClientId', 'ClientName', 'UserPoolId'];

/** How many offending items a failure shows: enough to read the pattern, short enough to read. */
const SHOWN_ITEMS = 3;

interface Offending {
  ClientId: unknown;
  members: readonly string[] | string;
}

/** Why one listed item is not a client description, or undefined when it is one. */
function offending(item: unknown): Offending | undefined {
  if (!isJsonObject(item)) return { ClientId: null, members: `not an object (${item === null ? 'null' : Array.isArray(item) ? 'array' : typeof item})` };
  const extra = Object.keys(item).filter((k) => !CLIENT_DESCRIPTION_MEMBERS.includes(k));
  // Member names only, never their values: a leaked ClientSecret may belong to any client of the
  // pool, not only to the one this case created, so the verdict's redaction would not know it.
  return extra.length ? { ClientId: typeof item.ClientId === 'string' ? item.ClientId : null, members: Object.keys(item).sort() } : undefined;
}

/**
 * What a failure shows, the same in two runs of the same cases (`diff`, issue 16): the item of the
 * client this case created when it offends, since what else the pool holds depends on which other
 * rules' clients exist at that moment; else a few offending items chosen by their members, not by
 * the listing's order, which follows the clients' random ids.
 */
function shownItems(createdId: unknown, bad: readonly Offending[]): { items: Offending[]; more?: number } {
  const own = createdId === undefined ? undefined : bad.find((b) => b.ClientId === createdId);
  if (own) return { items: [own] };
  const byMembers = (a: Offending, b: Offending) => {
    const [x, y] = [JSON.stringify(a.members), JSON.stringify(b.members)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return { items: [...bad].sort(byMembers).slice(0, SHOWN_ITEMS), ...(bad.length > SHOWN_ITEMS ? { more: bad.length - SHOWN_ITEMS } : {}) };
}

/**
 * Every item of the ListUserPoolClients answer taken after the create (runner/observeCase.ts, for
 * consistency rules) is a client description and nothing more. A listing that failed, or that is
 * not `{UserPoolClients: [...]}`, is not judged here (the listing's own shape is not this rule's).
 */
function judge(o: Observation): Judgement[] {
  const body = o.create.body;
  const createdId = isJsonObject(body) && isJsonObject(body.UserPoolClient) ? body.UserPoolClient.ClientId : undefined;
  return listShapeJudgements(o.listAfter, createdId);
}

/**
 * The list-shape judgement of one ListUserPoolClients answer (also judged on the lifecycle
 * sequences' pages); `createdId`, the client the case created, is the item a failure shows first.
 */
export function listShapeJudgements(listing: Pick<Exchange, 'status' | 'body' | 'layer'> | undefined, createdId?: unknown): Judgement[] {
  if (!listing || listing.layer === 'sdk-client' || !isSuccessStatus(listing.status) || !isJsonObject(listing.body)) return [];
  const items = listing.body.UserPoolClients;
  if (!Array.isArray(items) || !items.length) return [];
  const bad = items.map(offending).filter((x): x is Offending => x !== undefined);
  if (!bad.length) return [{ ruleId: LIST_SHAPE_RULE_ID, ok: true, message: `ListUserPoolClients lists ${items.length} client(s) as ClientId, ClientName and UserPoolId only` }];
  const extra = [...new Set(bad.flatMap((b) => (Array.isArray(b.members) ? b.members.filter((m) => !CLIENT_DESCRIPTION_MEMBERS.includes(m)) : [])))].sort();
  const what = extra.length ? `members a client description lacks: ${extra.join(', ')}` : 'items that are not objects';
  return [{
    ruleId: LIST_SHAPE_RULE_ID,
    ok: false,
    message: `ListUserPoolClients lists ${bad.length} of ${items.length} client(s) with ${what}`,
    expected: { itemMembers: CLIENT_DESCRIPTION_MEMBERS },
    observed: shownItems(createdId, bad),
  }];
}

export const listShapeOracle = defineOracle({ id: 'list-shape', rules: [LIST_SHAPE_RULE_ID], judge });
