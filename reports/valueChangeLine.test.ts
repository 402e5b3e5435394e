import { describe, expect, it } from 'vitest';
import { valueChangeLine } from './valueChangeLine.js';

describe('valueChangeLine', () => {
  it('names the member under its root and says on which side it is, or both values', () => {
    expect(valueChangeLine({ path: 'UserPoolClient.X', before: 1 }, 'output')).toBe('output.UserPoolClient.X: only in A (1)');
    expect(valueChangeLine({ path: 'status', after: 400 }, '')).toBe('status: only in B (400)');
    expect(valueChangeLine({ path: 'status', before: 200, after: 400 }, '')).toBe('status: 200 in A, 400 in B');
    expect(valueChangeLine({ path: '', before: { a: 1 }, after: 'x' }, 'observed')).toBe('observed: {"a":1} in A, x in B');
    expect(valueChangeLine({ path: 'L', before: [], after: ['c'], list: true }, 'output')).toBe('output.L: only in B ["c"]');
    expect(valueChangeLine({ path: 'M', before: 'y'.repeat(100), after: 'z' }, '')).toMatch(/^M: y{80}… \(100 chars\) in A, z in B$/);
  });
});
