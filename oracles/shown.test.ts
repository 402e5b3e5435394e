import { describe, expect, it } from 'vitest';
import { ABSENT, brief, shown } from './shown.js';

describe('shown and brief', () => {
  it('marks absence in data and in words', () => {
    expect(shown(undefined)).toBe(ABSENT);
    expect(shown(null)).toBeNull();
    expect(brief(undefined)).toBe('absent');
    expect(brief(ABSENT)).toBe('absent');
  });

  it('prints JSON, shortened to one line', () => {
    expect(brief({ a: [1] })).toBe('{"a":[1]}');
    expect(brief('x'.repeat(500))).toHaveLength(120);
  });
});
