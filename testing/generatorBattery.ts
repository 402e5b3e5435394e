import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { Rule } from '../contract/rule.js';
import type { PoolContext } from '../contract/poolContext.js';
import { requestViolations } from '../contract/requestViolations.js';
import type { RequestBody, TestCase } from '../generators/testCase.js';
import { coverageLabels } from './coverageLabels.js';

/**
 * The contract every generator passes (after fast-check's own ArbitraryAssertions):
 * - same-seed-same-value: two samples with one seed are deep-equal;
 * - only-valid: a valid generator only produces requests `requestViolations` finds nothing in;
 * - breaks-exactly: an invalid generator only produces requests that break exactly its labelled
 *   rule (`requestViolations` = [rule id]) and say so in `why` (rule id, a member path, the rule's
 *   expected error types and status);
 * - shrinks-small: a failing property shrinks to a small counterexample, which is still a value of
 *   the generator (still valid, or still breaking exactly the rule);
 * - coverage: over a run, the labels of coverageLabels.ts a caller lists all occur.
 * Each check throws a BatteryFailure naming the check and the offending value.
 */
export type BatteryCheck = 'same-seed-same-value' | 'only-valid' | 'breaks-exactly' | 'shrinks-small' | 'coverage';

export class BatteryFailure extends Error {
  constructor(readonly check: BatteryCheck, message: string) {
    super(`[${check}] ${message}`);
    this.name = 'BatteryFailure';
  }
}

export interface BatteryParams {
  seed: number;
  /** Runs for the validity checks and coverage; fast-check's default of 100 unless given. */
  numRuns?: number;
}

export type GeneratedValue = RequestBody | TestCase;

export type BatterySubject =
  | { name: string; kind: 'valid'; pool: PoolContext; arbitrary: fc.Arbitrary<GeneratedValue> }
  | { name: string; kind: 'invalid'; pool: PoolContext; rule: Rule; arbitrary: fc.Arbitrary<TestCase> };

export interface Smallness {
  /** Top-level members of the shrunk request. */
  members: number;
  /** Items of its longest list. */
  longestList: number;
  /** Characters of its longest string. */
  longestString: number;
}

export interface BatteryReport {
  name: string;
  runs: number;
  shrunk: RequestBody;
  smallness: Smallness;
}

const DEFAULT_RUNS = 100;
const SAMPLE_FOR_DETERMINISM = 25;

export function isTestCase(v: GeneratedValue): v is TestCase {
  return typeof (v as TestCase).ruleId === 'string' && typeof (v as TestCase).request === 'object';
}

export function requestOf(v: GeneratedValue): RequestBody {
  return isTestCase(v) ? v.request : v;
}

function shown(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 800 ? `${s.slice(0, 800)}… (${s.length} characters)` : s;
}

export function checkSameSeedSameValue<T>(arb: fc.Arbitrary<T>, params: BatteryParams): void {
  const first = fc.sample(arb, { seed: params.seed, numRuns: SAMPLE_FOR_DETERMINISM });
  const second = fc.sample(arb, { seed: params.seed, numRuns: SAMPLE_FOR_DETERMINISM });
  const at = first.findIndex((v, i) => !isDeepStrictEqual(v, second[i]));
  if (at >= 0) {
    throw new BatteryFailure('same-seed-same-value', `seed ${params.seed}, value #${at}: ${shown(first[at])} then ${shown(second[at])}`);
  }
}

/** Runs a property and turns its (shrunk) failure into a BatteryFailure. */
function assertAll<T>(check: BatteryCheck, arb: fc.Arbitrary<T>, params: BatteryParams, problem: (v: T) => string | undefined): void {
  const details = fc.check(fc.property(arb, (v) => problem(v) === undefined), { seed: params.seed, numRuns: params.numRuns ?? DEFAULT_RUNS });
  if (details.failed) {
    const v = details.counterexample![0];
    throw new BatteryFailure(check, `${problem(v) ?? String(details.errorInstance)} — seed ${params.seed}, path ${details.counterexamplePath}: ${shown(v)}`);
  }
}

export function validityProblem(v: GeneratedValue, pool: PoolContext): string | undefined {
  const found = requestViolations(requestOf(v), pool);
  if (found.length) return `a valid generator produced a request breaking ${found.join(', ')}`;
  if (isTestCase(v) && v.why) return 'a valid case carries a why';
  return undefined;
}

export function breakProblem(tc: TestCase, rule: Rule, pool: PoolContext): string | undefined {
  const found = requestViolations(tc.request, pool);
  if (!tc.why) return 'an invalid case carries no why';
  if (tc.why.ruleId !== rule.id) return `why names ${tc.why.ruleId}, expected ${rule.id}`;
  if (found.length !== 1 || found[0] !== rule.id) return `breaks [${found.join(', ')}], expected exactly [${rule.id}]`;
  if (rule.expect.outcome !== 'rejected') return `rule ${rule.id} does not expect a rejection`;
  if (!isDeepStrictEqual([...tc.why.expected.errorTypes], [...rule.expect.errorTypes]) || tc.why.expected.status !== rule.expect.status) {
    return `why expects ${shown(tc.why.expected)}, the rule ${shown({ errorTypes: rule.expect.errorTypes, status: rule.expect.status })}`;
  }
  if (!tc.why.path) return 'why has no member path';
  return undefined;
}

export function checkOnlyValid(arb: fc.Arbitrary<GeneratedValue>, pool: PoolContext, params: BatteryParams): void {
  assertAll('only-valid', arb, params, (v) => validityProblem(v, pool));
}

export function checkBreaksExactly(arb: fc.Arbitrary<TestCase>, rule: Rule, pool: PoolContext, params: BatteryParams): void {
  assertAll('breaks-exactly', arb, params, (tc) => breakProblem(tc, rule, pool));
}

/** The counterexample fast-check shrinks to for a property failing on `failsOn`. */
export function shrinkTo<T>(arb: fc.Arbitrary<T>, failsOn: (v: T) => boolean, params: BatteryParams): T {
  const details = fc.check(fc.property(arb, (v) => !failsOn(v)), { seed: params.seed, numRuns: params.numRuns ?? DEFAULT_RUNS });
  if (!details.failed) throw new BatteryFailure('shrinks-small', `the property never failed in ${details.numRuns} runs (seed ${params.seed})`);
  return details.counterexample![0];
}

export function smallnessOf(request: RequestBody): Smallness {
  let longestList = 0;
  let longestString = 0;
  const walk = (v: unknown): void => {
    if (typeof v === 'string') longestString = Math.max(longestString, [...v].length);
    else if (Array.isArray(v)) {
      longestList = Math.max(longestList, v.length);
      v.forEach(walk);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(request);
  return { members: Object.keys(request).length, longestList, longestString };
}

export interface SmallnessLimit {
  members: number;
  longestList: number;
  longestString: number;
}

export function checkSmall(shrunk: RequestBody, limit: SmallnessLimit): Smallness {
  const s = smallnessOf(shrunk);
  const over = (Object.keys(limit) as (keyof SmallnessLimit)[]).filter((k) => s[k] > limit[k]);
  if (over.length) throw new BatteryFailure('shrinks-small', `shrunk to ${shown(s)}, over the limit ${shown(limit)} in ${over.join(', ')}: ${shown(shrunk)}`);
  return s;
}

/**
 * How small a shrunk counterexample must be. A valid request shrinks to its required members and
 * one more; an invalid one to what its fault needs (the largest, client_credentials mixed with
 * code, needs six members besides the two required ones): lists of a few items, short strings —
 * unless the rule is about a list's size or a string's length, where the fault itself is long
 * (then only the member count is limited).
 */
export function smallnessLimit(subject: BatterySubject): SmallnessLimit {
  if (subject.kind === 'valid') return { members: 4, longestList: 1, longestString: 64 };
  const kind = subject.rule.kind;
  const longFault = kind === 'list-length' || kind === 'length';
  return {
    members: 8,
    longestList: longFault ? Infinity : 3,
    longestString: longFault ? Infinity : 128,
  };
}

/**
 * Every check for one generator. For the shrinking check, a valid generator gets a property that
 * fails as soon as any member beyond the required ones is present (or, when none ever is, on every
 * value); an invalid generator one that fails on every value, so that it shrinks as far as it can.
 */
export function generatorBattery(subject: BatterySubject, params: BatteryParams): BatteryReport {
  checkSameSeedSameValue(subject.arbitrary, params);
  let shrunkValue: GeneratedValue;
  if (subject.kind === 'valid') {
    checkOnlyValid(subject.arbitrary, subject.pool, params);
    const required = ['UserPoolId', 'ClientName'];
    const optional = (v: GeneratedValue) => Object.keys(requestOf(v)).some((k) => !required.includes(k));
    const sometimes = fc.sample(subject.arbitrary, { seed: params.seed, numRuns: params.numRuns ?? DEFAULT_RUNS }).some(optional);
    shrunkValue = shrinkTo(subject.arbitrary, sometimes ? optional : () => true, params);
    const problem = validityProblem(shrunkValue, subject.pool);
    if (problem) throw new BatteryFailure('shrinks-small', `shrinking left the generator's values: ${problem}`);
  } else {
    checkBreaksExactly(subject.arbitrary, subject.rule, subject.pool, params);
    shrunkValue = shrinkTo(subject.arbitrary, () => true, params);
    const problem = breakProblem(shrunkValue as TestCase, subject.rule, subject.pool);
    if (problem) throw new BatteryFailure('shrinks-small', `shrinking left the generator's values: ${problem}`);
  }
  const shrunk = requestOf(shrunkValue);
  const smallness = checkSmall(shrunk, smallnessLimit(subject));
  return { name: subject.name, runs: params.numRuns ?? DEFAULT_RUNS, shrunk, smallness };
}

/** How often each coverage label occurred over `numRuns` generated values. */
export function coverageCounts(arb: fc.Arbitrary<GeneratedValue>, params: BatteryParams): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of fc.sample(arb, { seed: params.seed, numRuns: params.numRuns ?? DEFAULT_RUNS })) {
    for (const label of coverageLabels(requestOf(v))) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

export function checkCoverage(counts: ReadonlyMap<string, number>, expected: readonly string[]): void {
  const missing = expected.filter((label) => !counts.has(label));
  if (missing.length) throw new BatteryFailure('coverage', `never produced: ${missing.join(', ')}`);
}

/** Coverage as aligned lines, `count  label`, grouped by label kind, for a test's output. */
export function formatCoverage(counts: ReadonlyMap<string, number>, runs: number): string {
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = String(runs).length;
  return rows.map(([label, n]) => `${String(n).padStart(width)}/${runs}  ${label}`).join('\n');
}
