import { describe, expect, it } from 'vitest';
import { oneLine } from './oneLine.js';

describe('oneLine', () => {
  it('keeps short values, folds line breaks and writes non-strings as JSON', () => {
    expect(oneLine('a\n  b', 20)).toBe('a b');
    expect(oneLine({ status: 200 }, 20)).toBe('{"status":200}');
    expect(oneLine(undefined, 20)).toBe('undefined');
  });

  it('cuts a long value and says how long it was', () => {
    expect(oneLine('x'.repeat(30), 10)).toBe(`${'x'.repeat(10)}… (30 chars)`);
  });
});
