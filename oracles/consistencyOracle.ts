import { responseMembers } from '../contract/responseMembers.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { compareAsSets } from './compareAsSets.js';
import { createdClient } from './createdClient.js';
import { deepEqual } from './deepEqual.js';
import type { JsonObject } from './jsonObject.js';
import { listedClients } from './listedClients.js';
import { shown } from './shown.js';

const DESCRIBE = 'consistency.describe-matches-create';
const LIST = 'consistency.list-matches-create';

const isList = (member: string): boolean => responseMembers[member]?.type === 'list';

/**
 * Members where Describe differs from Create. Lists compare as sets (AWS reorders them, and need
 * not reorder them the same way twice); everything else exactly, ClientSecret included — its
 * values only ever reach the verdict's expected/observed, which are redacted, never the message.
 */
function differingMembers(created: JsonObject, described: JsonObject): string[] {
  const names = [...new Set([...Object.keys(created), ...Object.keys(described)])];
  return names.filter((m) => {
    const a = created[m];
    const b = described[m];
    if (isList(m) && Array.isArray(a) && Array.isArray(b)) return !compareAsSets(a, b).equal;
    return !deepEqual(a, b);
  });
}

function judgeDescribe(o: Observation, created: JsonObject): Judgement | undefined {
  if (!o.describe || o.describe.layer === 'sdk-client') return undefined;
  const described = createdClient(o.describe);
  if (!described) {
    return {
      ruleId: DESCRIBE,
      ok: false,
      message: `DescribeUserPoolClient of the created client answered HTTP ${o.describe.status}${o.describe.errorType ? ` ${o.describe.errorType}` : ''} without a UserPoolClient`,
      expected: 'the UserPoolClient that CreateUserPoolClient returned',
      observed: { status: o.describe.status, errorType: o.describe.errorType },
    };
  }
  const diff = differingMembers(created, described);
  if (!diff.length) return { ruleId: DESCRIBE, ok: true, message: 'Describe returns what Create returned (lists as sets)' };
  return {
    ruleId: DESCRIBE,
    ok: false,
    message: `Describe differs from Create in ${diff.join(', ')}`,
    expected: Object.fromEntries(diff.map((m) => [m, shown(created[m])])),
    observed: Object.fromEntries(diff.map((m) => [m, shown(described[m])])),
  };
}

function judgeList(o: Observation, created: JsonObject): Judgement | undefined {
  const listing = listedClients(o.listAfter);
  if (!listing || typeof created.ClientId !== 'string') return undefined;
  const entry = listing.clients.find((c) => c.ClientId === created.ClientId);
  const expected = { ClientId: created.ClientId, ClientName: created.ClientName, UserPoolId: created.UserPoolId };
  if (!entry) {
    // On a listing with more pages the client may be on another one.
    if (listing.partial) return undefined;
    return { ruleId: LIST, ok: false, message: `ListUserPoolClients does not list the created client ${created.ClientId}`, expected, observed: { listed: listing.clients.length } };
  }
  const wrong = (['ClientName', 'UserPoolId'] as const).filter((m) => entry[m] !== created[m]);
  if (!wrong.length) return { ruleId: LIST, ok: true, message: 'List shows the client with the same ClientName and UserPoolId' };
  return {
    ruleId: LIST,
    ok: false,
    message: `ListUserPoolClients shows ${created.ClientId} with a different ${wrong.join(' and ')}`,
    expected,
    observed: { ClientId: entry.ClientId, ClientName: shown(entry.ClientName), UserPoolId: shown(entry.UserPoolId) },
  };
}

/** What other operations see after an accepted create: Describe and List agree with Create. */
function judge(o: Observation): Judgement[] {
  const created = createdClient(o.create);
  if (!created) return [];
  return [judgeDescribe(o, created), judgeList(o, created)].filter((j): j is Judgement => j !== undefined);
}

export const consistencyOracle = defineOracle({ id: 'consistency', rules: [DESCRIBE, LIST], judge });
