import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CASES, FALSE_ALARM_BUDGET, FALSE_ALARM_VALUES, falseAlarmNote, falseAlarmProbability, randomNumberFormat, shortProbability } from './randomNumberFormat.js';
import { ruleById } from './contract.js';

describe('randomNumberFormat', () => {
  it('bounds a 128-bit and a 256-bit number as unpadded base32hex prints them', () => {
    expect(randomNumberFormat(128)).toEqual({ bits: 128, minLength: 19, maxLength: 26, topDigit: '7', pattern: '^(?:[1-7][0-9a-v]{25}|[1-9a-v][0-9a-v]{18,24})$' });
    expect(randomNumberFormat(256)).toEqual({ bits: 256, minLength: 44, maxLength: 52, topDigit: '1', pattern: '^(?:1[0-9a-v]{51}|[1-9a-v][0-9a-v]{43,50})$' });
  });

  it('takes the longest minimum length within the budget: one more would break it', () => {
    for (const bits of [128, 256]) {
      const { minLength } = randomNumberFormat(bits);
      expect(falseAlarmProbability(bits, minLength, FALSE_ALARM_VALUES)).toBeLessThanOrEqual(FALSE_ALARM_BUDGET);
      expect(falseAlarmProbability(bits, minLength + 1, FALSE_ALARM_VALUES)).toBeGreaterThan(FALSE_ALARM_BUDGET);
    }
  });

  it('computes the rates the issue measured for sample-taken ranges', () => {
    // 25–26 characters: a correct 24-character id 1 time in 256; 51–52: a 50-character secret 1 time in 64.
    expect(shortProbability(128, 25)).toBe(1 / 256);
    expect(shortProbability(256, 51)).toBe(1 / 64);
    expect(falseAlarmProbability(128, 25, DEFAULT_RUN_CASES)).toBeCloseTo(0.093, 3);
    expect(falseAlarmProbability(256, 51, DEFAULT_RUN_CASES)).toBeCloseTo(0.325, 3);
    expect(falseAlarmProbability(128, 19, DEFAULT_RUN_CASES)).toBeCloseTo(25 * 2 ** -38, 20);
  });

  it('is what the format rules say, with their false-alarm rates in their notes', () => {
    for (const [id, bits] of [['output.client-id.format', 128], ['output.client-secret.format', 256]] as const) {
      const rule = ruleById(id);
      const format = randomNumberFormat(bits);
      expect(rule.expect).toMatchObject({ outcome: 'accepted', response: [{ pattern: format.pattern }] });
      expect(rule.note).toContain(falseAlarmNote(id === 'output.client-id.format' ? 'ClientId' : 'A generated ClientSecret', format));
      expect(rule.note).toMatch(/per default run \(25 cases\)/);
    }
  });
});
