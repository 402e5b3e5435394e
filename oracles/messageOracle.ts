import { contract } from '../contract/contract.js';
import { CLIENT_NOT_FOUND_TEXT, KNOWN_TEXT_RULES, MESSAGE_RULE_IDS, POOL_NOT_FOUND_TEXT } from '../contract/messageRules.js';
import { probeById } from '../contract/probeRules.js';
import type { Rule } from '../contract/rule.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import type { Observation } from './observation.js';
import { brief } from './shown.js';

const { poolNotFound, clientNotFound, validationForm, knownText } = MESSAGE_RULE_IDS;
const NOT_FOUND = 'ResourceNotFoundException';
const INVALID_PARAMETER = 'InvalidParameterException';
const MODEL_KINDS: ReadonlySet<Rule['kind']> = new Set(['required', 'length', 'range', 'pattern', 'enum', 'list-length']);
const rules = new Map(contract.rules.map((r) => [r.id, r]));
const knownTextRules = new Set(KNOWN_TEXT_RULES);

/** Surrounding space and one final period do not count: AWS sends some messages both ways. */
function normal(text: string): string {
  return text.trim().replace(/\.$/, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A known text as a pattern: each `<placeholder>` stands for `fill[name]` when given, any text otherwise. */
function textPattern(template: string, fill: Readonly<Record<string, string>> = {}): RegExp {
  const parts = normal(template).split(/(<\w+>)/);
  const body = parts.map((p) => {
    const name = /^<(\w+)>$/.exec(p)?.[1];
    if (name === undefined) return escape(p);
    return fill[name] === undefined ? '.+' : escape(fill[name]);
  }).join('');
  return new RegExp(`^${body}$`, 's');
}

function byText(ruleId: string, message: string | undefined, template: string, fill: Readonly<Record<string, string>> = {}): Judgement {
  const wanted = template.replace(/<(\w+)>/g, (m, name: string) => fill[name] ?? m);
  if (message === undefined || message.trim() === '') return { ruleId, ok: false, message: `no message; real AWS says ${brief(wanted)}`, expected: { message: wanted }, observed: { message: message ?? null } };
  const ok = textPattern(template, fill).test(normal(message));
  return ok
    ? { ruleId, ok, message: `message ${brief(message)}` }
    : { ruleId, ok, message: `message ${brief(message)}; real AWS says ${brief(wanted)}`, expected: { message: wanted }, observed: { message } };
}

/**
 * The known texts are CreateUserPoolClient's; an UpdateUserPoolClient says "while updating a client"
 * where a create says "while creating a client" (aws/aws-sdk-java#1395, contract/evidence/), and
 * the other texts are seen alike from both.
 */
function forOperation(template: string, operation: string): string {
  return operation === 'UpdateUserPoolClient' ? template.replace('while creating a client', 'while updating a client') : template;
}

/** `TokenValidityUnits.AccessToken` → `tokenValidityUnits`: the member as the validation message names it. */
function lowerCamelTop(path: string): string {
  const top = path.split(/[.[]/)[0];
  return top.charAt(0).toLowerCase() + top.slice(1);
}

const VALIDATION = /^(\d+) validation (errors?) detected: ([\s\S]+)$/;
const CLAUSE = /Value (?:[\s\S]+? )?at '([^']+)' failed to satisfy constraint: \S/g;

/**
 * The Coral form of model-validation messages (real examples in contract/evidence/): a count with
 * its grammar, then clauses `Value <v> at '<path>' failed to satisfy constraint: <constraint>`, one
 * of them about the member the case broke, in lowerCamelCase. The constraint wording is not judged.
 */
function validation(message: string | undefined, brokenPath: string): Judgement {
  const member = lowerCamelTop(brokenPath);
  const expected = { message: `N validation error(s) detected: Value … at '${member}…' failed to satisfy constraint: …` };
  const m = VALIDATION.exec((message ?? '').trim());
  const problems: string[] = [];
  if (!m) problems.push('not of the form "N validation error(s) detected: …"');
  else {
    const n = Number(m[1]);
    if (n < 1) problems.push(`counts ${n} errors`);
    else if ((n === 1) !== (m[2] === 'error')) problems.push(`"${m[1]} validation ${m[2]}": 1 takes "error", more take "errors"`);
    const paths = [...m[3].matchAll(CLAUSE)].map((c) => c[1]);
    if (!paths.length) problems.push('no "Value … at \'<member>\' failed to satisfy constraint: …" clause');
    else if (!paths.some((p) => p === member || p.startsWith(`${member}.`) || p.startsWith(`${member}[`))) {
      problems.push(`names ${paths.map((p) => `'${p}'`).join(', ')}, not '${member}' (the member broken, lowerCamelCase)`);
    }
  }
  if (!problems.length) return { ruleId: validationForm, ok: true, message: `validation message names '${member}'` };
  return { ruleId: validationForm, ok: false, message: `message ${brief(message ?? null)}: ${problems.join('; ')}`, expected, observed: { message: message ?? null } };
}

/**
 * Error messages where real AWS's text is known (contract/messageRules.ts): the not-found texts with
 * the id sent, the Coral model-validation form, and the known texts of cross-field and existence
 * rules. Only rejections of the expected error type are judged (a wrong type fails the rule the
 * request breaks, or the probe); an accepted request, or an answer the SDK made up, gives nothing.
 */
function judge(o: Observation): Judgement[] {
  const { status, errorType, errorMessage, layer } = o.create;
  if (layer === 'sdk-client' || isSuccessStatus(status)) return [];
  const request = o.testCase.request;
  const probe = o.testCase.probe === undefined ? undefined : probeById(o.testCase.probe);
  const broken = o.testCase.why?.ruleId;
  if (errorType === NOT_FOUND && (probe?.missing === 'pool' || broken === 'user-pool.exists')) {
    return [byText(poolNotFound, errorMessage, POOL_NOT_FOUND_TEXT, { id: String(request.UserPoolId) })];
  }
  if (errorType === NOT_FOUND && probe?.missing === 'client') {
    return [byText(clientNotFound, errorMessage, CLIENT_NOT_FOUND_TEXT, { id: String(request.ClientId) })];
  }
  const rule = broken === undefined ? undefined : rules.get(broken);
  if (!rule || rule.expect.outcome !== 'rejected' || errorType === undefined || !rule.expect.errorTypes.includes(errorType)) return [];
  if (MODEL_KINDS.has(rule.kind) && errorType === INVALID_PARAMETER) return [validation(errorMessage, o.testCase.why?.path ?? rule.members[0] ?? '')];
  if (knownTextRules.has(rule.id) && rule.expect.message !== undefined) return [byText(knownText, errorMessage, forOperation(rule.expect.message, o.create.operation))];
  return [];
}

export const messageOracle = defineOracle({ id: 'message', rules: [poolNotFound, clientNotFound, validationForm, knownText], judge, judgesProbes: true });
