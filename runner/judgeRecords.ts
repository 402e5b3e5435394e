import { judgeLifecycleRecords } from './judgeLifecycleRecords.js';
import { contract } from '../contract/contract.js';
import type { Rule } from '../contract/rule.js';
import { requestViolations } from '../contract/requestViolations.js';
import { responseMemberIntroduced } from '../contract/responseMembers.js';
import { isConfirmed } from '../contract/verdictStrength.js';
import type { TestCase, WhyInvalid } from '../generators/testCase.js';
import { allOracles } from '../oracles/allOracles.js';
import type { Observation } from '../oracles/observation.js';
import { oraclesForRule } from '../oracles/oraclesForRule.js';
import { redactExpectation, redactSecrets, secretsIn } from '../oracles/redact.js';
import type { Oracle, Verdict } from '../oracles/verdict.js';
import { plural } from '../reports/plural.js';
import { basisOf, type RuleResult } from '../reports/ruleResult.js';
import type { Exchange } from '../targets/exchange.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import { blamedMembers, ruleTopMembers, sameMessage } from './blamedMembers.js';
import { recordedCases, type RecordedCase } from './recordedCases.js';
import { poolOfRecord } from './recordPool.js';
import { probeById } from '../contract/probeRules.js';
import { PROBE_PATH_PREFIX } from '../generators/fixedCases.js';
import { recordView, type RecordView } from './recordView.js';
import { judgeLifecycle } from './judgeLifecycle.js';
import type { LifecycleJudge } from '../oracles/lifecycleJudge.js';
import { lifecycleJudges } from '../oracles/lifecycleJudges.js';
import { cliInvocation } from '../reports/cliInvocation.js';

/**
 * `judge`: the request judge (contract/requestViolations.ts) and every oracle, over recorded
 * exchanges instead of a target. Two kinds of record, judged two ways:
 *
 * - **Cases of a `run --record` recording** (records tagged with a rule): each case is rebuilt as
 *   the run observed it (runner/recordedCases.ts) and judged by the oracles of its rule only, as
 *   runner/checkRule.ts judges it, so the per-rule statuses are the run's.
 * - **Any other record** (the evidence corpus, a recording made by other tools): judged on every
 *   rule that applies to it. A CreateUserPoolClient on all of them; an UpdateUserPoolClient on
 *   the shape, formats, the echo of what it sent and the request rules (not on create defaults,
 *   timestamps being equal or the secret); a DescribeUserPoolClient on the shape and formats, and
 *   with an earlier create of the same client on `consistency.describe-matches-create`; every
 *   answer on the protocol rules.
 *
 * Besides, every exchange on a client is judged under the lifecycle rules given the exchanges before
 * it on its pool (runner/judgeLifecycle.ts, with the judges of oracles/lifecycleJudges.ts): the
 * cases of a run's lifecycle rules as the run judged them, any other record on every lifecycle rule.
 *
 * What a record cannot show is not judged, and the rule says why instead of failing: a rule about
 * headers on a record without them; a default about a member the API did not have yet when the
 * record was made (contract/responseMembers.ts, responseMemberIntroduced); a format of a value the
 * record masked (runner/recordView.ts); a default when the request is known only in part.
 */
/** `lifecycle`: an exchange judged under the lifecycle rules given its pool's history (runner/judgeLifecycle.ts). */
export type JudgeMode = 'case' | 'evidence' | 'lifecycle';

export interface NotJudged {
  ruleId: string;
  reason: string;
}

export interface JudgedRecord {
  /** The record judged: the create of a case, or the evidence record itself. */
  record: LoadedRecord;
  /** Records judged with it (the Describe and listings of a case, the create a Describe is paired with, the history before a lifecycle exchange). */
  related: LoadedRecord[];
  mode: JudgeMode;
  /** Rule ids the request breaks by the request judge (creates and updates); ids outside the contract are in requestProblems. */
  violations: string[];
  /** Violations the record cannot establish: about a member a partial request does not show, or a secret an update cannot show. */
  uncertain: string[];
  /** What the request judge found that no rule covers (an unknown member, a wrong JSON type). */
  requestProblems: string[];
  /** The rule a rejection was judged under. */
  judgedAs?: string;
  /** Request members the error message blames (runner/blamedMembers.ts). */
  blamed: string[];
  /** The pool was not recorded; existence rules were judged against an assumed one (runner/recordPool.ts). */
  poolAssumed: boolean;
  /**
   * A rejection no current rule explains, made before a rule's current reading was seen, that the
   * rule's superseded claim explains (a dated conflict: "rejected in 2020, accepted in 2025").
   */
  explainedBy?: { ruleId: string; claim: string; claimSeen: string; ruleSeen: string };
  verdicts: Verdict[];
  notJudged: NotJudged[];
}

export interface JudgeOutcome {
  records: number;
  fixtures: number;
  judged: JudgedRecord[];
  /** One result per rule judged, in contract order. */
  results: RuleResult[];
}

const CREATE = 'CreateUserPoolClient';
const UPDATE = 'UpdateUserPoolClient';
const DESCRIBE = 'DescribeUserPoolClient';

/** Oracles that apply to each operation's records (evidence mode). Creates: every oracle. */
const ORACLES_FOR: Readonly<Record<string, ReadonlySet<string>>> = {
  [UPDATE]: new Set(['response-shape', 'echo', 'identity', 'protocol', 'rejection', 'defaults', 'message']),
  [DESCRIBE]: new Set(['response-shape', 'identity', 'protocol', 'message']),
};
/** Any other operation: the wire protocol, and the not-found message of a pool the record says did not exist. */
const OTHER_OPERATION_ORACLES: ReadonlySet<string> = new Set(['protocol', 'message']);

/** Identity rules that hold for any returned client, not only a fresh one. */
const IDENTITY_ANY_CLIENT = new Set(['output.client-id.format', 'output.timestamps.epoch-seconds']);
const HEADER_RULES = new Set(['protocol.content-type', 'protocol.request-id', 'protocol.error-type-header']);
/** Rules that judge only whether a member is there, which a mask does not hide. */
const PRESENCE_RULES = new Set(['output.client-secret.when-generated']);
const SHAPE_RULE = 'output.shape';
/** What an UpdateUserPoolClient request cannot say: whether the client it updates has a secret. */
const UPDATE_UNKNOWN = new Set(['GenerateSecret', 'ClientSecret']);
const DESCRIBE_RULE = 'consistency.describe-matches-create';

/** No client predates the API (model 2016-04-18, when ClientId entered it). */
const API_START_MS = Date.parse(`${responseMemberIntroduced.ClientId}T00:00:00Z`);
/** A date without a time is a local date: time zones run from UTC−12 to UTC+14. */
const ZONE_SPREAD_MS = 14 * 3_600_000;
const DAY_MS = 86_400_000;

const ruleIndex = new Map(contract.rules.map((r) => [r.id, r]));

function isRuleId(id: string): boolean {
  return ruleIndex.has(id);
}

/** When the request was sent and the answer came, as a window; a bare date is the whole local day. */
function timeWindow(record: RecordedExchange): { from: number; to: number } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(record.recordedAt)) {
    const day = Date.parse(`${record.recordedAt}T00:00:00Z`);
    return { from: day - ZONE_SPREAD_MS, to: day + DAY_MS + ZONE_SPREAD_MS };
  }
  const t = Date.parse(record.recordedAt);
  return { from: t, to: t + (record.durationMs ?? 0) };
}

function dayOf(record: RecordedExchange): string {
  return record.recordedAt.slice(0, 10);
}

function isPartial(record: RecordedExchange, part: string): boolean {
  return (record.partial ?? []).some((p) => p === part || part.startsWith(`${p}.`));
}

function whyOf(ruleId: string): WhyInvalid | undefined {
  const rule = ruleIndex.get(ruleId);
  if (!rule || rule.expect.outcome !== 'rejected') return undefined;
  return { ruleId, path: rule.members[0] ?? '', expected: { errorTypes: rule.expect.errorTypes, status: rule.expect.status } };
}

/** The members of a rule's response facts that the API did not have yet on `day`. */
function membersAfter(rule: Rule, day: string): string[] {
  const facts = rule.expect.outcome === 'accepted' ? rule.expect.response ?? [] : [];
  const members = [...new Set(facts.map((f) => f.member.split(/[.[]/)[0]))];
  return members.filter((m) => {
    const since = (responseMemberIntroduced as Readonly<Record<string, string>>)[m];
    return since !== undefined && since > day;
  });
}

/** The rule's superseded claim that still held on `day` (a dated conflict whose rule reading was seen later). */
function supersededAt(rule: Rule, day: string): { claim: string; claimSeen: string; ruleSeen: string } | undefined {
  for (const c of rule.conflicts ?? []) {
    if (c.status === 'superseded' && c.dated && day < c.dated.ruleSeen) return { claim: c.claim, ...c.dated };
  }
  return undefined;
}

/**
 * For a rejection no current rule explains: a rule about a blamed member whose superseded claim
 * still held when the record was made (e.g. "REFRESH_TOKEN_AUTH should always be allowed." in
 * 2020, where the rule now says such lists are accepted).
 */
function supersededExplanation(day: string, blamed: ReadonlySet<string>, message: string | undefined): JudgedRecord['explainedBy'] {
  for (const rule of contract.rules) {
    const s = supersededAt(rule, day);
    if (!s) continue;
    const quoted = message !== undefined && message.trim() !== '' && s.claim.includes(message.trim());
    const aboutBlamed = [...ruleTopMembers(rule.members)].some((m) => blamed.has(m));
    if (quoted || aboutBlamed) return { ruleId: rule.id, ...s };
  }
  return undefined;
}

/** Whether a rule would judge the format or value of a member the record masked. */
function judgesBlind(rule: Rule, blind: ReadonlySet<string>): string | undefined {
  if (PRESENCE_RULES.has(rule.id) || rule.id === SHAPE_RULE || rule.id === DESCRIBE_RULE) return undefined;
  const facts = rule.expect.outcome === 'accepted' ? rule.expect.response ?? [] : [];
  const onlyAbsence = (m: string) => {
    const about = facts.filter((f) => f.member.split(/[.[]/)[0] === m);
    return about.length > 0 && about.every((f) => 'absent' in f);
  };
  return [...ruleTopMembers(rule.members)].find((m) => blind.has(m) && !onlyAbsence(m));
}

function sourceOf(r: LoadedRecord): string {
  const s = r.record.source;
  if (!s) return `${r.file}:${r.line}`;
  return s.url ?? (s.repo ? `${s.repo}${s.path ? `/${s.path}` : ''}${s.commit ? `@${s.commit.slice(0, 12)}` : ''}` : s.title ?? s.kind);
}

/**
 * The rule a rejection is judged under, among the rules the request breaks: the one whose known
 * message is the message AWS sent, else whose error type is the one AWS sent, then one the record
 * establishes (not only possibly broken), then the one about most of the members the message
 * blames, then the judge's own order (model constraints first).
 */
function pickJudgedAs(violations: readonly string[], uncertain: readonly string[], errorType: string | undefined, message: string | undefined, blamed: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const id of violations) {
    const rule = ruleIndex.get(id);
    if (!rule || rule.expect.outcome !== 'rejected') continue;
    const quoted = sameMessage(message, rule.expect.message);
    const typeFits = errorType !== undefined && rule.expect.errorTypes.includes(errorType);
    const overlap = [...ruleTopMembers(rule.members)].filter((m) => blamed.has(m)).length;
    const score = (quoted ? 1000 : 0) + (typeFits ? 100 : 0) + (uncertain.includes(id) ? 0 : 10) + overlap;
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

interface Filters {
  operation: string;
  /** Set when a superseded claim explains the rejection: what oracles make of a "valid request rejected" is not judged. */
  explained?: string;
  accepted: boolean;
  day: string;
  hasHeaders: boolean;
  partialHeaders: boolean;
  partialRequest: boolean;
  /** The response body is not shown (`partial: ["response.body"]`): only the status and the request are evidence. */
  partialBody: boolean;
  blind: ReadonlySet<string>;
}

/** What still stands on a record whose body is not shown: the request judge's verdict on an acceptance, and the status. */
const BODY_FREE_ORACLES = new Set(['rejection', 'protocol']);
const BODY_RULES = new Set(['protocol.error-body']);

/** Splits evidence verdicts into those that stand and the rules the record cannot judge, with why. */
function filterVerdicts(verdicts: readonly Verdict[], f: Filters): { kept: Verdict[]; notJudged: NotJudged[] } {
  const kept: Verdict[] = [];
  const notJudged: NotJudged[] = [];
  for (const v of verdicts) {
    const rule = ruleIndex.get(v.ruleId);
    if (!rule) continue;
    const skip = (reason: string) => notJudged.push({ ruleId: v.ruleId, reason });
    if (f.operation !== CREATE) {
      if (rule.kind === 'default') continue;
      if (v.oracle === 'identity' && !IDENTITY_ANY_CLIENT.has(v.ruleId)) continue;
      if (!f.accepted && (v.oracle === 'identity' || v.oracle === 'echo' || v.oracle === 'defaults')) continue;
    }
    if (f.partialBody && (!BODY_FREE_ORACLES.has(v.oracle) || BODY_RULES.has(v.ruleId))) {
      skip('the record does not show the response body');
      continue;
    }
    if (HEADER_RULES.has(v.ruleId) && !f.hasHeaders) {
      skip('the record has no response headers');
      continue;
    }
    if (HEADER_RULES.has(v.ruleId) && f.partialHeaders && !v.ok) {
      skip('the record shows its headers only in part');
      continue;
    }
    const superseded = !v.ok ? supersededAt(rule, f.day) : undefined;
    if (superseded) {
      skip(`the record (${f.day}) predates the rule's reading (seen ${superseded.ruleSeen}); it shows the superseded claim (seen ${superseded.claimSeen}): ${superseded.claim}`);
      continue;
    }
    const newer = membersAfter(rule, f.day);
    if (newer.length) {
      skip(`the record (${f.day}) predates ${newer.map((m) => `${m} (${(responseMemberIntroduced as Readonly<Record<string, string>>)[m]})`).join(', ')}`);
      continue;
    }
    const blind = judgesBlind(rule, f.blind);
    if (blind) {
      skip(`${blind} is masked in the record`);
      continue;
    }
    if (f.partialRequest && v.oracle === 'defaults') {
      skip('the request is known only in part: an omitted member may have been sent');
      continue;
    }
    if (f.explained && !v.ok && (v.oracle === 'defaults' || v.oracle === 'echo' || v.oracle === 'identity')) {
      skip(f.explained);
      continue;
    }
    kept.push(v);
  }
  return { kept, notJudged };
}

function run(oracles: readonly Oracle[], o: Observation): Verdict[] {
  return oracles.flatMap((oracle) => oracle.check(o));
}

function observation(rule: Rule | undefined, testCase: TestCase, create: Exchange, window: { from: number; to: number }, extra: Partial<Observation> = {}): Observation {
  return { rule: rule ?? (ruleIndex.get(SHAPE_RULE) as Rule), testCase, create, sentAt: window.from, receivedAt: window.to, ...extra };
}

/** The request as the request judge reads it: an update's ClientId dropped, and its optional ClientName filled in. */
function judgedRequest(operation: string, request: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (operation !== UPDATE) return { ...request };
  const { ClientId: _clientId, ...rest } = request;
  // UpdateUserPoolClient does not require ClientName (model); any valid name stands in for an absent one.
  return rest.ClientName === undefined ? { ...rest, ClientName: 'name' } : rest;
}

function oraclesFor(operation: string): Oracle[] {
  if (operation === CREATE) return [...allOracles];
  const ids = ORACLES_FOR[operation] ?? OTHER_OPERATION_ORACLES;
  return allOracles.filter((o) => ids.has(o.id));
}

function judgeEvidence(loaded: LoadedRecord): JudgedRecord {
  const record = loaded.record;
  const view = recordView(record);
  const op = record.operation;
  const accepted = isSuccessStatus(record.response.status);
  const filters: Filters = {
    operation: op,
    accepted,
    day: dayOf(record),
    hasHeaders: record.response.headers !== undefined,
    partialHeaders: isPartial(record, 'response.headers'),
    partialRequest: isPartial(record, 'request'),
    partialBody: isPartial(record, 'response.body'),
    blind: view.blind,
  };
  const base: JudgedRecord = { record: loaded, related: [], mode: 'evidence', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, verdicts: [], notJudged: [] };
  // Create and update windows: the exchange itself. Describe and update return a client created earlier.
  const own = timeWindow(record);
  const window = op === CREATE ? own : { from: API_START_MS, to: own.to };
  const oracles = oraclesFor(op);
  const shapeOracle = oracles.filter((o) => o.id === 'response-shape');
  const others = oracles.filter((o) => o.id !== 'response-shape');

  if (op !== CREATE && op !== UPDATE) {
    // A pool the record says did not exist: its not-found message is judged (message.pool-not-found).
    const poolMissing = record.pool?.exists === false && typeof view.request.UserPoolId === 'string' ? whyOf('user-pool.exists') : undefined;
    const o = observation(undefined, { ruleId: SHAPE_RULE, request: view.request, ...(poolMissing ? { why: poolMissing } : {}) }, view.exchange, window);
    const verdicts = [...run(others, o), ...(accepted ? run(shapeOracle, { ...o, create: view.blindExchange }) : [])];
    const { kept, notJudged } = filterVerdicts(verdicts, filters);
    return { ...base, verdicts: kept, notJudged };
  }

  const request = judgedRequest(op, view.request);
  const { pool, assumed } = poolOfRecord(record, request);
  const found = requestViolations(request, pool);
  const violations = found.filter(isRuleId);
  const requestProblems = found.filter((id) => !isRuleId(id));
  // A request known only in part cannot break a rule about a member it does not show; an update
  // cannot show whether the client has a secret (GenerateSecret and ClientSecret are create members).
  const unknownMembers = (m: string) => (filters.partialRequest && request[m] === undefined) || (op === UPDATE && UPDATE_UNKNOWN.has(m));
  const uncertain = violations.filter((id) => [...ruleTopMembers(ruleIndex.get(id)?.members ?? [])].some(unknownMembers));
  const certain = violations.filter((id) => !uncertain.includes(id));
  const blamed = accepted ? new Set<string>() : blamedMembers(view.exchange.errorMessage);
  const judgedAs = accepted ? certain[0] : pickJudgedAs(violations, uncertain, view.exchange.errorType, view.exchange.errorMessage, blamed);
  const explainedBy = !accepted && !judgedAs ? supersededExplanation(filters.day, blamed, view.exchange.errorMessage) : undefined;
  if (explainedBy) {
    filters.explained = `the rejection is the superseded claim of ${explainedBy.ruleId} (seen ${explainedBy.claimSeen}; the rule's reading seen ${explainedBy.ruleSeen})`;
  }
  const testCase: TestCase = { ruleId: judgedAs ?? SHAPE_RULE, request: view.request };
  const why = judgedAs ? whyOf(judgedAs) : undefined;
  if (why) testCase.why = why;
  const o = observation(judgedAs ? ruleIndex.get(judgedAs) : undefined, testCase, view.exchange, window);
  const verdicts = [...run(others, o), ...run(shapeOracle, { ...o, create: view.blindExchange })];
  // An accepted request that breaks several rules fails each of them.
  if (accepted) {
    const rejection = allOracles.filter((x) => x.id === 'rejection');
    for (const id of certain.slice(1)) {
      const w = whyOf(id);
      if (w) verdicts.push(...run(rejection, { ...o, testCase: { ruleId: id, request: view.request, why: w } }));
    }
  }
  const { kept, notJudged } = filterVerdicts(verdicts, filters);
  return {
    ...base,
    violations,
    uncertain,
    requestProblems,
    ...(judgedAs && !accepted ? { judgedAs } : {}),
    blamed: [...blamed],
    poolAssumed: assumed,
    ...(explainedBy ? { explainedBy } : {}),
    verdicts: kept,
    notJudged,
  };
}

function clientKey(record: RecordedExchange): string | undefined {
  const client = (record.response.body as { UserPoolClient?: { ClientId?: unknown; UserPoolId?: unknown } } | null)?.UserPoolClient;
  return typeof client?.ClientId === 'string' ? `${String(client.UserPoolId)}/${client.ClientId}` : undefined;
}

/**
 * consistency.describe-matches-create for evidence: a Describe of a client whose create is
 * recorded, with no recorded update of it in between (an update changes what Describe returns).
 */
function judgePairs(evidence: readonly LoadedRecord[]): JudgedRecord[] {
  const ok = evidence.filter((r) => isSuccessStatus(r.record.response.status));
  const at = (r: LoadedRecord) => Date.parse(r.record.recordedAt);
  const consistency = allOracles.filter((o) => o.id === 'consistency');
  const out: JudgedRecord[] = [];
  for (const d of ok.filter((r) => r.record.operation === DESCRIBE)) {
    const key = clientKey(d.record);
    if (!key) continue;
    const creates = ok.filter((r) => r.record.operation === CREATE && clientKey(r.record) === key && at(r) <= at(d));
    const c = creates.sort((a, b) => at(b) - at(a))[0];
    if (!c) continue;
    const updated = ok.some((r) => r.record.operation === UPDATE && clientKey(r.record) === key && at(r) >= at(c) && at(r) <= at(d));
    if (updated) continue;
    const cv: RecordView = recordView(c.record);
    const dv: RecordView = recordView(d.record);
    const o = observation(ruleIndex.get(DESCRIBE_RULE), { ruleId: DESCRIBE_RULE, request: cv.request }, cv.blindExchange, timeWindow(c.record), { describe: dv.blindExchange });
    const verdicts = run(consistency, o).filter((v) => v.ruleId === DESCRIBE_RULE);
    out.push({ record: d, related: [c], mode: 'evidence', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, verdicts, notJudged: [] });
  }
  return out;
}

function clientIdOf(record: RecordedExchange): string | undefined {
  if (!isSuccessStatus(record.response.status)) return undefined;
  const id = (record.response.body as { UserPoolClient?: { ClientId?: unknown } } | null)?.UserPoolClient?.ClientId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * A probe a rule sent (its case tagged `probe:<id>`, runner/checkRule.ts), judged as checkRule
 * judged it. A body that was not JSON is not in the record (its request shows the JSON input), but
 * the probe and the answer are.
 */
function judgeProbeCase(c: RecordedCase, probeId: string): JudgedRecord | undefined {
  const rule = ruleIndex.get(c.rule);
  const probe = probeById(probeId);
  const sent = c.records[0];
  if (!rule || !probe || !sent) return undefined;
  const view = recordView(sent.record);
  const testCase: TestCase = {
    ruleId: rule.id, request: view.request, probe: probe.id,
    ...(probe.operation === CREATE ? {} : { operation: probe.operation }),
    ...(probe.rawBody === undefined ? {} : { rawBody: probe.rawBody }),
  };
  const o = observation(rule, testCase, view.exchange, timeWindow(sent.record));
  const verdicts = run(oraclesForRule(rule.id), o).filter((v) => v.ruleId === rule.id);
  return { record: sent, related: c.records.slice(1), mode: 'case', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, verdicts, notJudged: [] };
}

/** One case of a run recording, judged as runner/checkRule.ts judged it: its rule's oracles, its rule's verdicts. */
function judgeCase(c: RecordedCase, earlierClientIds: ReadonlySet<string>): JudgedRecord | undefined {
  const tag = c.records[0]?.record.case;
  if (typeof tag === 'string' && tag.startsWith(PROBE_PATH_PREFIX)) return judgeProbeCase(c, tag.slice(PROBE_PATH_PREFIX.length));
  if (!c.create) return undefined;
  const rule = ruleIndex.get(c.rule);
  const base: JudgedRecord = { record: c.create, related: c.records.filter((r) => r !== c.create), mode: 'case', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, verdicts: [], notJudged: [] };
  if (!rule) return { ...base, notJudged: [{ ruleId: c.rule, reason: `the recording names rule ${c.rule}, which the contract no longer has` }] };
  const view = recordView(c.create.record);
  const { pool, assumed } = poolOfRecord(c.create.record, view.request);
  const found = requestViolations(view.request, pool);
  const violations = found.filter(isRuleId);
  // A rule sent through another region breaks by where it was sent, not by its request (contract/regionRules.ts).
  const breaks = rule.via === 'other-region' || violations.includes(rule.id) ? rule.id : violations[0];
  const testCase: TestCase = { ruleId: rule.id, request: view.request };
  const why = breaks ? whyOf(breaks) : undefined;
  if (why) testCase.why = why;
  const exchangeOf = (r: LoadedRecord | undefined) => (r ? recordView(r.record).exchange : undefined);
  const window = timeWindow(c.create.record);
  const o = observation(rule, testCase, view.exchange, window, {
    ...(c.describe ? { describe: exchangeOf(c.describe) } : {}),
    ...(c.listBefore ? { listBefore: exchangeOf(c.listBefore) } : {}),
    ...(c.listAfter ? { listAfter: exchangeOf(c.listAfter) } : {}),
    earlierClientIds,
  });
  const verdicts = run(oraclesForRule(rule.id), o).filter((v) => v.ruleId === rule.id);
  return { ...base, violations, requestProblems: found.filter((id) => !isRuleId(id)), ...(breaks ? { judgedAs: breaks } : {}), poolAssumed: assumed, verdicts };
}

function judgeCases(records: readonly LoadedRecord[]): JudgedRecord[] {
  // Cases of lifecycle rules are sequences on a pool, judged by runner/judgeLifecycle.ts.
  const cases = recordedCases(records.filter((r) => ruleIndex.get(r.record.rule ?? '')?.kind !== 'lifecycle'));
  // ClientIds of creates answered earlier in the same recording (output.client-id.unique).
  const position = new Map(records.map((r, i) => [r, i]));
  const creates = records.filter((r) => r.record.operation === CREATE && !r.record.fixture && r.record.rule !== undefined);
  const out: JudgedRecord[] = [];
  for (const c of cases) {
    const probe = c.records[0]?.record.case;
    if (typeof probe === 'string' && probe.startsWith(PROBE_PATH_PREFIX)) {
      const judged = judgeCase(c, new Set());
      if (judged) out.push(judged);
      continue;
    }
    if (!c.create) continue;
    const here = position.get(c.create) ?? 0;
    const earlier = new Set(
      creates.filter((r) => r.file === c.create?.file && (position.get(r) ?? 0) < here).map((r) => clientIdOf(r.record)).filter((id): id is string => id !== undefined),
    );
    const judged = judgeCase(c, earlier);
    if (judged) out.push(judged);
  }
  return out;
}

/** Shown in a lifecycle counterexample: the exchanges before the failing one, the latest last. */
const HISTORY_SHOWN = 20;

/** The history before a lifecycle exchange, one line per exchange (`key: Operation → status`), its latest part. */
function historyLines(related: readonly LoadedRecord[]): string[] {
  const lines = related.slice(-HISTORY_SHOWN).map((r) => `${r.key}: ${r.record.operation} → ${r.record.response.status}`);
  return related.length > HISTORY_SHOWN ? [`(${related.length - HISTORY_SHOWN} earlier exchanges)`, ...lines] : lines;
}

function resultOf(rule: Rule, judged: readonly JudgedRecord[], replay: (file: string) => string): RuleResult {
  const base = {
    id: rule.id, kind: rule.kind, members: rule.members, evidence: rule.evidence, basis: basisOf(rule.evidence),
    confirmed: isConfirmed(rule), statement: rule.statement,
  };
  const withVerdicts = judged.filter((j) => j.verdicts.some((v) => v.ruleId === rule.id));
  const failing = withVerdicts.find((j) => j.verdicts.some((v) => v.ruleId === rule.id && !v.ok));
  if (failing) {
    const v = failing.verdicts.find((x) => x.ruleId === rule.id && !x.ok) as Verdict;
    const rec = failing.record;
    const secrets = secretsIn(rec.record.request, rec.record.response.body);
    return {
      ...base,
      status: 'failed',
      cases: withVerdicts.length,
      oracle: v.oracle,
      reason: redactSecrets(`${rec.key}: ${v.message}`, secrets),
      counterexample: redactSecrets({
        record: rec.key, at: `${rec.file}:${rec.line}`, source: sourceOf(rec), recordedAt: rec.record.recordedAt, operation: rec.record.operation, request: rec.record.request,
        ...(failing.mode === 'lifecycle' ? { history: historyLines(failing.related) } : {}),
      }, secrets),
      ...(v.expected === undefined ? {} : { expected: redactExpectation(v.expected, secrets) }),
      observed: redactSecrets(v.observed ?? { status: rec.record.response.status, body: rec.record.response.body }, secrets),
      replay: replay(rec.file),
    };
  }
  if (withVerdicts.length) return { ...base, status: 'passed', cases: withVerdicts.length };
  const reasons = new Map<string, number>();
  for (const j of judged) for (const n of j.notJudged) if (n.ruleId === rule.id) reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
  const reason = reasons.size
    ? `not judged: ${[...reasons].map(([text, n]) => `${plural(n, 'record')}: ${text}`).join('; ')}`
    : 'no recorded exchange exercises this rule';
  return { ...base, status: 'skipped', cases: 0, reason };
}

export interface JudgeOptions {
  /** The rules to report (default: the whole contract). */
  rules?: readonly Rule[];
  /** The command that judges one file again, for the report's replay field. */
  replay?: (file: string) => string;
  /** The lifecycle judges (default: the registry, oracles/lifecycleJudges.ts). */
  lifecycleJudges?: readonly LifecycleJudge[];
}

/** Judges every record; the result of each rule aggregates its verdicts over all records. */
export function judgeRecords(records: readonly LoadedRecord[], options: JudgeOptions = {}): JudgeOutcome {
  const fixtures = records.filter((r) => r.record.fixture === true).length;
  const evidence = records.filter((r) => r.record.fixture !== true && r.record.rule === undefined);
  // Lifecycle: a run's sequences (records tagged with a lifecycle rule and case) are judged again
  // sequence by sequence, as the run judged them (judgeLifecycleRecords); every other record (the
  // evidence corpus, another tool's recording) in the history of its pool or evidence sequence
  // (judgeLifecycle).
  const judged = [...evidence.map(judgeEvidence), ...judgePairs(evidence), ...judgeCases(records), ...judgeLifecycleRecords(records), ...judgeLifecycle(records, options.lifecycleJudges ?? lifecycleJudges)];
  const rules = options.rules ?? contract.rules;
  const replay = options.replay ?? ((file: string) => `${cliInvocation()} judge ${file}`);
  return { records: records.length, fixtures, judged, results: rules.map((r) => resultOf(r, judged, replay)) };
}
