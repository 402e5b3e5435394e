import { describe, expect, it } from 'vitest';
import { newRunIdPrefix } from './runIdPrefix.js';

describe('newRunIdPrefix', () => {
  it('is cc-, a compact UTC time and a random suffix', () => {
    expect(newRunIdPrefix(new Date('2026-11-26T06:33:10.123Z'), () => '3f9a')).toBe('cc-20261126t063310-3f9a');
    expect(newRunIdPrefix()).toMatch(/^cc-\d{8}t\d{6}-[0-9a-f]{4}$/);
  });
});
