import { contract } from '../contract/contract.js';
import type { Rule } from '../contract/rule.js';
import { checkFact } from './checkFact.js';
import { compareAsSets } from './compareAsSets.js';
import { deepEqual } from './deepEqual.js';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import type { Judgement } from './defineOracle.js';
import { isJsonObject } from './jsonObject.js';
import { answeredClient, poolIdOf } from './lifecycleExchange.js';
import { priorClient } from './lifecycleModel.js';
import { requestMatches } from './requestMatches.js';
import { brief, shown } from './shown.js';

export const UPDATE_REPLACES_RULE_ID = 'lifecycle.update-replaces';

/**
 * The Create defaults an Update resets omitted members to (docs/lifecycle.md L5: the reset values are
 * the Create defaults): every `default` rule of the contract, read as data. Left out: the secret
 * (an Update keeps it: lifecycle.secret-stable) and TokenValidityUnits, which after an Update that
 * omits them is judged either way (L6: uncertain).
 */
const NOT_RESET = new Set(['default.client-secret.absent', 'default.token-validity-units']);
export const UPDATE_RESET_RULES: readonly Rule[] = contract.rules.filter((r) => r.kind === 'default' && !NOT_RESET.has(r.id));

/** Members of an Update request that are not configuration: ids, and the name (its own rule). */
const NOT_CONFIGURATION = new Set(['UserPoolId', 'ClientId', 'ClientName']);

/** Why a member named in the Update did not come back as sent, or undefined (lists as sets, as output.echo judges Create). */
function namedProblem(member: string, sent: unknown, got: unknown): string | undefined {
  if (Array.isArray(sent)) {
    if (sent.length === 0 && (got === undefined || (Array.isArray(got) && got.length === 0))) return undefined;
    if (!Array.isArray(got)) return `${member}: sent ${sent.length} item(s), got ${brief(got)}`;
    const cmp = compareAsSets(sent, got);
    return cmp.equal ? undefined : `${member}: missing ${brief(cmp.missing)}, extra ${brief(cmp.extra)}`;
  }
  if (member === 'RefreshTokenValidity' && sent === 0) return undefined; // refresh-token-validity.zero-means-default judges it below
  if (member !== 'TokenValidityUnits' && isJsonObject(sent)) {
    if (!isJsonObject(got)) return `${member}: sent an object, got ${brief(got)}`;
    const off = Object.keys(sent).filter((k) => !deepEqual(sent[k], got[k]));
    return off.length ? `${member}: ${off.map((k) => `${k} sent ${brief(sent[k])}, got ${brief(got[k])}`).join(', ')}` : undefined;
  }
  return deepEqual(sent, got) ? undefined : `${member}: sent ${brief(sent)}, got ${brief(got)}`;
}

/**
 * An accepted UpdateUserPoolClient of a client the history made: its answer holds what the Update
 * named, and every member it left out back at its Create default (docs/lifecycle.md L1, L2, L5) —
 * not what the client held before (an emulator that merges keeps it: a Terraform plan that never
 * converges).
 */
function judge(history: Parameters<typeof priorClient>[0]): Judgement[] {
  const at = priorClient(history);
  if (!at || at.last.operation !== 'UpdateUserPoolClient' || at.before?.deleted) return [];
  if (!at.before && at.model.poolsWithCreates.has(poolIdOf(at.last) ?? '')) return []; // an unknown client: the probe rules judge it
  // Without the client's Create (a history that begins mid-life, a lone recorded Update), an
  // omitted member the answer does not hold is not judged: the record may predate the member
  // (EnableTokenRevocation came in 2021, AuthSessionValidity in 2022). What the answer does hold
  // must still be the default: a merge keeps an earlier value there.
  const presentOnly = !at.before || at.before.learned === true;
  const client = answeredClient(at.last);
  if (!client) return [];
  const request = at.last.request;
  const problems: { member: string; text: string; expected: unknown }[] = [];
  for (const [member, sent] of Object.entries(request)) {
    if (NOT_CONFIGURATION.has(member)) continue;
    const text = namedProblem(member, sent, client[member]);
    if (text) problems.push({ member, text, expected: sent });
  }
  for (const rule of UPDATE_RESET_RULES) {
    if (rule.expect.outcome !== 'accepted' || !requestMatches(request, rule.expect.when)) continue;
    for (const fact of rule.expect.response ?? []) {
      if (presentOnly && client[fact.member] === undefined) continue;
      const r = checkFact(client, fact);
      if (r.ok) continue;
      const before = at.before?.answer[fact.member];
      const kept = before !== undefined && deepEqual(before, client[fact.member]) ? ' (what it held before: merged, not replaced)' : '';
      problems.push({ member: fact.member, text: `${fact.member} left out: expected ${brief(r.expected)} (${rule.id}), got ${brief(r.observed)}${kept}`, expected: r.expected });
    }
  }
  if (!problems.length) {
    return [{ ruleId: UPDATE_REPLACES_RULE_ID, ok: true, message: `the Update's ${Object.keys(request).length - 2} named member(s) came back as sent and every omitted member at its default` }];
  }
  return [{
    ruleId: UPDATE_REPLACES_RULE_ID,
    ok: false,
    message: `UpdateUserPoolClient did not replace the configuration: ${problems.map((p) => p.text).join('; ')}`,
    expected: Object.fromEntries(problems.map((p) => [p.member, p.expected])),
    observed: Object.fromEntries(problems.map((p) => [p.member, shown(client[p.member])])),
  }];
}

export const updateReplacesJudge = defineLifecycleJudge({ id: 'update-replaces', rules: [UPDATE_REPLACES_RULE_ID], judge });
