import { describe, expect, it } from 'vitest';
import { deepEqual } from './deepEqual.js';

describe('deepEqual', () => {
  it('compares objects by keys regardless of order, arrays in order', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
    expect(deepEqual('30', 30)).toBe(false);
  });
});
