import { ruleById } from '../contract/contract.js';
import type { Rule } from '../contract/rule.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { checkFact } from './checkFact.js';
import { createdClient } from './createdClient.js';
import type { JsonObject } from './jsonObject.js';
import { requestMatches } from './requestMatches.js';
import { brief, shown } from './shown.js';
import { validRequestRejected } from './validRequestRejected.js';

const ID_FORMAT = ruleById('output.client-id.format');
const ID_UNIQUE = ruleById('output.client-id.unique');
const SECRET_FORMAT = ruleById('output.client-secret.format');
const SECRET_WHEN = ruleById('output.client-secret.when-generated');
const TS_EQUAL = ruleById('output.timestamps.equal');
const TS_EPOCH = ruleById('output.timestamps.epoch-seconds');

/**
 * How far a timestamp may lie outside [sentAt, receivedAt] (seconds): the clocks of the run and of
 * the target differ. 300 s is the skew SigV4 itself tolerates (a signed request more than 5
 * minutes off is refused), so a target that accepted our signed request is at most that far off.
 * Milliseconds (about 1000 times the seconds value) and ISO strings are far outside it.
 * The fraction is at most milliseconds, as every real sample has it (docs/evidence.md §7:
 * `1548697449.497`, `1733691997.612`); LocalStack's microseconds (`1745357329.211147`, §9) are not.
 * Whole seconds pass: a double of .000 prints without a fraction.
 */
export const CLOCK_TOLERANCE_SECONDS = 300;

const TIMESTAMPS = ['CreationDate', 'LastModifiedDate'] as const;

function accepted(rule: Rule): boolean {
  return rule.expect.outcome === 'accepted';
}

function whenOf(rule: Rule) {
  return rule.expect.outcome === 'accepted' ? rule.expect.when : undefined;
}

/** The facts a rule states about the response, checked; a verdict either way. */
function factsVerdict(rule: Rule, client: JsonObject, okMessage: string): Judgement {
  const facts = rule.expect.outcome === 'accepted' ? rule.expect.response ?? [] : [];
  const bad = facts.map((f) => checkFact(client, f)).filter((r) => !r.ok);
  if (!bad.length) return { ruleId: rule.id, ok: true, message: okMessage };
  // A secret's value never reaches the message; expected/observed are redacted by key.
  const what = (member: string, v: unknown) => (member === 'ClientSecret' ? describeSecret(v) : brief(v));
  return {
    ruleId: rule.id,
    ok: false,
    message: bad.map((r) => `${r.member} ${what(r.member, r.observed)} does not match ${brief(r.expected)}`).join('; '),
    expected: Object.fromEntries(bad.map((r) => [r.member, r.expected])),
    observed: Object.fromEntries(bad.map((r) => [r.member, r.observed])),
  };
}

function describeSecret(v: unknown): string {
  return typeof v === 'string' ? `(${[...v].length} characters)` : brief(v);
}

function epochProblem(member: string, v: unknown, lo: number, hi: number): string | undefined {
  if (v === undefined) return `${member} absent`;
  if (typeof v !== 'number' || !Number.isFinite(v)) return `${member} is ${brief(v)}, not a JSON number`;
  if (v / 1000 >= lo && v / 1000 <= hi) return `${member} ${v} is in milliseconds, not seconds`;
  if (v < lo || v > hi) return `${member} ${v} is ${Math.round(v < lo ? lo - v : v - hi)} s outside the request's time window (±${CLOCK_TOLERANCE_SECONDS} s)`;
  // Division by 1000 is correctly rounded, so a value with at most 3 decimals survives the round trip.
  if (Math.round(v * 1000) / 1000 !== v) return `${member} ${v} has a finer fraction than milliseconds`;
  return undefined;
}

function judgeAccepted(o: Observation, client: JsonObject): Judgement[] {
  const out: Judgement[] = [];
  const request = o.testCase.request;
  out.push(factsVerdict(ID_FORMAT, client, 'ClientId has the real format'));

  const id = client.ClientId;
  if (o.earlierClientIds && typeof id === 'string') {
    const seen = o.earlierClientIds.has(id);
    out.push(seen
      ? { ruleId: ID_UNIQUE.id, ok: false, message: `ClientId ${id} was returned by an earlier create of this run`, expected: 'a ClientId not seen before', observed: { ClientId: id } }
      : { ruleId: ID_UNIQUE.id, ok: true, message: `ClientId not among ${o.earlierClientIds.size} earlier ones` });
  }

  // Only with GenerateSecret true; a secret that appears without it is default.client-secret.absent's finding.
  if (requestMatches(request, whenOf(SECRET_WHEN))) {
    const secret = client.ClientSecret;
    const present = typeof secret === 'string' && secret !== '';
    out.push(present
      ? { ruleId: SECRET_WHEN.id, ok: true, message: 'ClientSecret present with GenerateSecret true' }
      : { ruleId: SECRET_WHEN.id, ok: false, message: `GenerateSecret true but ClientSecret is ${describeSecret(secret)}`, expected: { ClientSecret: 'present' }, observed: { ClientSecret: shown(secret) } });
    if (present && requestMatches(request, whenOf(SECRET_FORMAT))) out.push(factsVerdict(SECRET_FORMAT, client, 'ClientSecret has the real format'));
  }

  const [created, modified] = TIMESTAMPS.map((m) => client[m]);
  if (created !== undefined || modified !== undefined) {
    out.push(Object.is(created, modified)
      ? { ruleId: TS_EQUAL.id, ok: true, message: 'CreationDate equals LastModifiedDate' }
      : { ruleId: TS_EQUAL.id, ok: false, message: `CreationDate ${brief(created)} differs from LastModifiedDate ${brief(modified)}`, expected: 'equal', observed: { CreationDate: shown(created), LastModifiedDate: shown(modified) } });
  }

  const lo = o.sentAt / 1000 - CLOCK_TOLERANCE_SECONDS;
  const hi = o.receivedAt / 1000 + CLOCK_TOLERANCE_SECONDS;
  const problems = TIMESTAMPS.map((m) => epochProblem(m, client[m], lo, hi)).filter((p): p is string => p !== undefined);
  out.push(problems.length
    ? { ruleId: TS_EPOCH.id, ok: false, message: problems.join('; '), expected: { epochSecondsBetween: [lo, hi] }, observed: { CreationDate: shown(created), LastModifiedDate: shown(modified) } }
    : { ruleId: TS_EPOCH.id, ok: true, message: 'timestamps are epoch seconds within the request window' });
  return out;
}

/**
 * Identity of a created client: ClientId format and uniqueness, ClientSecret presence and format
 * when generated, timestamps equal and in epoch seconds. The formats come from the rules' own
 * `expect.response` patterns. A valid case that was rejected fails the rules that expect an
 * accepted create and apply to the request (output.client-id.format, and output.client-secret.*
 * with GenerateSecret true); the others have nothing to judge.
 */
function judge(o: Observation): Judgement[] {
  const rejected = validRequestRejected(o);
  if (rejected) {
    return [ID_FORMAT, SECRET_WHEN, SECRET_FORMAT]
      .filter((r) => accepted(r) && requestMatches(o.testCase.request, whenOf(r)))
      .map((r) => ({ ruleId: r.id, ok: false, message: rejected, expected: 'accepted (2xx)', observed: { status: o.create.status, errorType: o.create.errorType } }));
  }
  const client = createdClient(o.create);
  return client ? judgeAccepted(o, client) : [];
}

export const identityOracle = defineOracle({
  id: 'identity',
  rules: [ID_FORMAT.id, ID_UNIQUE.id, SECRET_FORMAT.id, SECRET_WHEN.id, TS_EQUAL.id, TS_EPOCH.id],
  judge,
});
