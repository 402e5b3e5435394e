import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it('says one for 1 and the plural for anything else, 0 included', () => {
    expect(plural(1, 'case')).toBe('1 case');
    expect(plural(0, 'case')).toBe('0 cases');
    expect(plural(2, 'shrink step')).toBe('2 shrink steps');
    expect(plural(3, 'expired entry', 'expired entries')).toBe('3 expired entries');
  });
});
