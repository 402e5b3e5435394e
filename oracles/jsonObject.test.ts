import { describe, expect, it } from 'vitest';
import { isJsonObject } from './jsonObject.js';

describe('isJsonObject', () => {
  it('accepts parsed JSON objects only', () => {
    expect(isJsonObject(JSON.parse('{"a":1}'))).toBe(true);
    expect(isJsonObject(Object.create(null))).toBe(true);
    expect([[], null, 'x', 1, new Date(), new Set()].some(isJsonObject)).toBe(false);
  });
});
