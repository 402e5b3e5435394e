import { ruleById } from '../contract/contract.js';
import { responseMembers } from '../contract/responseMembers.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { compareAsSets } from './compareAsSets.js';
import { createdClient } from './createdClient.js';
import { deepEqual } from './deepEqual.js';
import { isJsonObject, type JsonObject } from './jsonObject.js';
import { brief, shown } from './shown.js';
import { validRequestRejected } from './validRequestRejected.js';

const ECHO = ruleById('output.echo');
const LISTS = ruleById('output.lists-as-sets');

/** RefreshTokenValidity 0 comes back as the default: the value rule refresh-token-validity.zero-means-default states. */
function zeroRefreshBecomes(): unknown {
  const rule = ruleById('refresh-token-validity.zero-means-default');
  const fact = rule.expect.outcome === 'accepted' ? rule.expect.response?.find((f) => f.member === 'RefreshTokenValidity') : undefined;
  if (!fact || !('equals' in fact)) throw new Error('rule refresh-token-validity.zero-means-default states no RefreshTokenValidity value');
  return fact.equals;
}
const REFRESH_DEFAULT = zeroRefreshBecomes();

// With ApplicationArn and no RoleArn, AWS fills in its service-linked role (docs/evidence.md §7,
// CLI example 2024; hashicorp/terraform-provider-aws analyticsWithARN).
const SERVICE_LINKED_ROLE = /^arn:[\w-]+:iam::\d+:role\/aws-service-role\/cognito-idp\.amazonaws\.com\/[\w+=,.@-]+$/;
const USER_DATA_SHARED_DEFAULT = responseMembers.AnalyticsConfiguration?.members?.UserDataShared?.modelDefault;

/**
 * Members a structure may gain on the way back without having been sent, each with the evidence.
 * Anything else the response adds to a structure that was sent is an echo failure: in particular
 * TokenValidityUnits comes back exactly as sent (rule token-validity.default-units; docs/evidence.md
 * §6, Terraform explicitDefaults).
 */
const ALLOWED_EXTRAS: Readonly<Record<string, Readonly<Record<string, (got: unknown, sent: JsonObject) => boolean>>>> = {
  AnalyticsConfiguration: {
    RoleArn: (got, sent) => sent.ApplicationArn !== undefined && typeof got === 'string' && SERVICE_LINKED_ROLE.test(got),
    // The model default of UserDataShared (false) may be serialized when not sent.
    UserDataShared: (got) => got === USER_DATA_SHARED_DEFAULT,
  },
  // Terraform provider reports read rotation back with RetryGracePeriodSeconds 0 when none was set
  // (hashicorp/terraform-provider-aws#43531, #45650; inferred for a create that omits it).
  RefreshTokenRotation: { RetryGracePeriodSeconds: (got) => got === 0 },
};

function structureProblem(member: string, sent: JsonObject, got: unknown): string | undefined {
  if (!isJsonObject(got)) return `${member}: sent an object, got ${brief(got)}`;
  const diffs: string[] = [];
  for (const [k, v] of Object.entries(sent)) if (!deepEqual(got[k], v)) diffs.push(`${k} sent ${brief(v)}, got ${brief(got[k])}`);
  const extras = ALLOWED_EXTRAS[member] ?? {};
  for (const [k, v] of Object.entries(got)) {
    if (Object.hasOwn(sent, k)) continue;
    if (!extras[k]?.(v, sent)) diffs.push(`${k} not sent, got ${brief(v)}`);
  }
  return diffs.length ? `${member}: ${diffs.join(', ')}` : undefined;
}

/** Why `got` is not the echo of `sent` for a non-list member, or undefined when it is. */
function echoProblem(member: string, sent: unknown, got: unknown): string | undefined {
  if (member === 'RefreshTokenValidity' && sent === 0) {
    return deepEqual(got, REFRESH_DEFAULT) ? undefined : `RefreshTokenValidity: sent 0 (meaning ${brief(REFRESH_DEFAULT)}), got ${brief(got)}`;
  }
  if (member !== 'TokenValidityUnits' && isJsonObject(sent)) return structureProblem(member, sent, got);
  return deepEqual(sent, got) ? undefined : `${member}: sent ${brief(sent)}, got ${brief(got)}`;
}

/** Why a returned list is not the sent list as a set. An empty list may come back empty or absent:
 * real AWS accepts [] for every list (Terraform emptySets) and Terraform reads both the same. */
function listProblem(member: string, sent: unknown, got: unknown): string | undefined {
  if (!Array.isArray(sent)) return echoProblem(member, sent, got);
  if (sent.length === 0 && (got === undefined || (Array.isArray(got) && got.length === 0))) return undefined;
  if (!Array.isArray(got)) return `${member}: sent ${sent.length} item(s), got ${brief(got)}`;
  const cmp = compareAsSets(sent, got);
  if (cmp.equal) return undefined;
  const parts = [...(cmp.missing.length ? [`missing ${brief(cmp.missing)}`] : []), ...(cmp.extra.length ? [`extra ${brief(cmp.extra)}`] : [])];
  return `${member}: ${parts.join(', ')}`;
}

/**
 * What the rule expects back for a member sent as `sent`: the value sent, except RefreshTokenValidity
 * 0, which comes back as the default (refresh-token-validity.zero-means-default). The verdict shows
 * this, not the request: on moto it once printed `expected: {"RefreshTokenValidity":0}` next to
 * `observed: {"RefreshTokenValidity":0}`, the real expectation (30) only in the reason.
 */
function expectedBack(member: string, sent: unknown): unknown {
  return member === 'RefreshTokenValidity' && sent === 0 ? REFRESH_DEFAULT : sent;
}

function judgeRule(ruleId: string, members: readonly string[], o: Observation, client: JsonObject, list: boolean): Judgement | undefined {
  const request = o.testCase.request;
  const sentMembers = members.filter((m) => request[m] !== undefined);
  if (!sentMembers.length) return undefined;
  const problems: { member: string; text: string }[] = [];
  for (const m of sentMembers) {
    const text = list ? listProblem(m, request[m], client[m]) : echoProblem(m, request[m], client[m]);
    if (text) problems.push({ member: m, text });
  }
  if (!problems.length) return { ruleId, ok: true, message: `${sentMembers.length} member(s) sent came back as sent${list ? ' (as sets)' : ''}` };
  return {
    ruleId,
    ok: false,
    message: problems.map((p) => p.text).join('; '),
    expected: Object.fromEntries(problems.map((p) => [p.member, expectedBack(p.member, request[p.member])])),
    observed: Object.fromEntries(problems.map((p) => [p.member, shown(client[p.member])])),
  };
}

/**
 * output.echo and output.lists-as-sets on an accepted create of a valid case: every member the
 * rule lists that was sent comes back with the value sent. The rules' own member lists leave out
 * ClientSecret (output.client-secret.* judge it) and GenerateSecret (not a response member).
 */
function judge(o: Observation): Judgement[] {
  if (o.testCase.why) return [];
  const rejected = validRequestRejected(o);
  if (rejected) {
    const failed = (ruleId: string, members: readonly string[]): Judgement[] =>
      members.some((m) => o.testCase.request[m] !== undefined)
        ? [{ ruleId, ok: false, message: rejected, expected: 'accepted (2xx)', observed: { status: o.create.status, errorType: o.create.errorType } }]
        : [];
    return [...failed(ECHO.id, ECHO.members), ...failed(LISTS.id, LISTS.members)];
  }
  const client = createdClient(o.create);
  if (!client) return [];
  return [judgeRule(ECHO.id, ECHO.members, o, client, false), judgeRule(LISTS.id, LISTS.members, o, client, true)].filter(
    (j): j is Judgement => j !== undefined,
  );
}

export const echoOracle = defineOracle({ id: 'echo', rules: [ECHO.id, LISTS.id], judge });
