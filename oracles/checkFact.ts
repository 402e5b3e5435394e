import type { ResponseFact } from '../contract/rule.js';
import { deepEqual } from './deepEqual.js';
import { memberAt } from './memberAt.js';
import { ABSENT, shown } from './shown.js';

export interface FactResult {
  ok: boolean;
  member: string;
  expected: unknown;
  observed: unknown;
}

/** The value a fact expects, as a verdict shows it. */
function expectedOf(fact: ResponseFact): unknown {
  if ('equals' in fact) return fact.equals;
  if ('absent' in fact) return ABSENT;
  if ('pattern' in fact) return { pattern: fact.pattern };
  return { anyOf: fact.anyOf.map((alt) => ('absent' in alt ? ABSENT : alt.equals)) };
}

/** Compiled once per pattern: a run judges the same few patterns on every create. */
const compiled = new Map<string, RegExp>();

function regexOf(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) compiled.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

/**
 * One `expect.response` fact of a rule against a returned UserPoolClient. `absent` means the key
 * is not there: a JSON null is a value (real AWS omits members rather than sending null).
 */
export function checkFact(client: unknown, fact: ResponseFact): FactResult {
  const value = memberAt(client, fact.member);
  let ok: boolean;
  if ('equals' in fact) ok = value !== undefined && deepEqual(value, fact.equals);
  else if ('absent' in fact) ok = value === undefined;
  else if ('pattern' in fact) ok = typeof value === 'string' && regexOf(fact.pattern).test(value);
  else ok = fact.anyOf.some((alt) => ('absent' in alt ? value === undefined : value !== undefined && deepEqual(value, alt.equals)));
  return { ok, member: fact.member, expected: expectedOf(fact), observed: shown(value) };
}
