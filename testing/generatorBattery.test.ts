import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import { fullPool } from './poolFixtures.js';
import type { TestCase } from '../generators/testCase.js';
import { validRequest } from '../generators/validRequest.js';
import {
  BatteryFailure, checkBreaksExactly, checkCoverage, checkOnlyValid, checkSameSeedSameValue, checkSmall,
  coverageCounts, formatCoverage, generatorBattery, shrinkTo, smallnessOf,
} from './generatorBattery.js';

/** The battery is proven against planted faults: each bad generator must be caught by its check. */
const params = { seed: 7 };
const base = { UserPoolId: fullPool.userPoolId, ClientName: 'app' };
const tooLong = ruleById('client-name.max-length');
const why = (ruleId: string, errorTypes: readonly string[] = ['InvalidParameterException']) => ({ ruleId, path: 'ClientName', expected: { errorTypes, status: 400 } });

function failureOf(f: () => unknown): BatteryFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof BatteryFailure) return e;
    throw e;
  }
  throw new Error('the battery did not fail');
}

describe('generatorBattery', () => {
  it('catches a generator that ignores the seed', () => {
    let calls = 0;
    const drifting = fc.constant(null).map(() => ({ ...base, ClientName: `app${calls++}` }));
    expect(failureOf(() => checkSameSeedSameValue(drifting, params)).check).toBe('same-seed-same-value');
    checkSameSeedSameValue(validRequest(fullPool), params);
  });

  it('catches a valid generator that produces an invalid request, naming the rule broken', () => {
    const sloppy = fc.integer({ min: 1, max: 200 }).map((n) => ({ ...base, ClientName: 'a'.repeat(n) }));
    const f = failureOf(() => checkOnlyValid(sloppy, fullPool, params));
    expect(f.check).toBe('only-valid');
    expect(f.message).toContain('client-name.max-length');
    // Shrunk to the smallest offender.
    expect(f.message).toContain('a'.repeat(129) + '"');
  });

  it('catches an invalid generator that breaks a second rule, none, or another rule', () => {
    const twoFaults = fc.constant<TestCase>({ ruleId: tooLong.id, request: { ...base, ClientName: 'a'.repeat(129), AuthSessionValidity: 99 }, why: why(tooLong.id) });
    expect(failureOf(() => checkBreaksExactly(twoFaults, tooLong, fullPool, params)).message).toContain('auth-session-validity.max');
    const noFault = fc.constant<TestCase>({ ruleId: tooLong.id, request: base, why: why(tooLong.id) });
    expect(failureOf(() => checkBreaksExactly(noFault, tooLong, fullPool, params)).message).toContain('breaks []');
    const mislabelled = fc.constant<TestCase>({ ruleId: tooLong.id, request: { ...base, ClientName: 'a'.repeat(129) }, why: why('client-name.pattern') });
    expect(failureOf(() => checkBreaksExactly(mislabelled, tooLong, fullPool, params)).message).toContain('why names client-name.pattern');
  });

  it('catches a why whose expected error differs from the rule', () => {
    const wrongError = fc.constant<TestCase>({ ruleId: tooLong.id, request: { ...base, ClientName: 'a'.repeat(129) }, why: why(tooLong.id, ['ValidationException']) });
    expect(failureOf(() => checkBreaksExactly(wrongError, tooLong, fullPool, params)).message).toContain('ValidationException');
    const noWhy = fc.constant<TestCase>({ ruleId: tooLong.id, request: { ...base, ClientName: 'a'.repeat(129) } });
    expect(failureOf(() => checkBreaksExactly(noWhy, tooLong, fullPool, params)).message).toContain('no why');
  });

  it('catches a generator that does not shrink', () => {
    const unshrinkable = fc.noShrink(fc.array(fc.constantFrom('email', 'name', 'locale'), { minLength: 30, maxLength: 40 })).map((xs) => ({ ...base, ReadAttributes: xs }));
    const f = failureOf(() => generatorBattery({ name: 'unshrinkable', kind: 'valid', pool: fullPool, arbitrary: unshrinkable }, params));
    expect(f.check).toBe('shrinks-small');
    expect(f.message).toContain('longestList');
  });

  it('reports a property that never fails when shrinking is asked for', () => {
    expect(failureOf(() => shrinkTo(fc.constant(base), () => false, params)).check).toBe('shrinks-small');
  });

  it('measures smallness over members, lists and strings (in characters)', () => {
    expect(smallnessOf({ ...base, CallbackURLs: ['https://a/𠀀𠀀'], ReadAttributes: ['email', 'name'] })).toEqual({ members: 4, longestList: 2, longestString: 19 });
    expect(() => checkSmall({ ...base, ReadAttributes: ['email', 'name'] }, { members: 3, longestList: 1, longestString: 100 })).toThrow(BatteryFailure);
  });

  it('counts coverage labels and names those never produced', () => {
    const counts = coverageCounts(fc.constantFrom({ ...base, AuthSessionValidity: 3 }, { ...base, AuthSessionValidity: 15 }), { seed: 1, numRuns: 50 });
    expect(counts.get('int:AuthSessionValidity=min')).toBeGreaterThan(0);
    expect(counts.get('int:AuthSessionValidity=max')).toBeGreaterThan(0);
    checkCoverage(counts, ['int:AuthSessionValidity=min', 'member:ClientName']);
    expect(failureOf(() => checkCoverage(counts, ['list:CallbackURLs=max'])).message).toContain('list:CallbackURLs=max');
    expect(formatCoverage(counts, 50)).toMatch(/^ *\d+\/50  bool|int|member/m);
  });
});
