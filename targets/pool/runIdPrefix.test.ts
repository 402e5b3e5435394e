import { describe, expect, it } from 'vitest';
import { newRunIdPrefix, RUN_ID_PATTERN, RUN_ID_ROOT } from './runIdPrefix.js';

describe('newRunIdPrefix', () => {
  it('is cc-, a compact UTC time and a random suffix', () => {
    expect(newRunIdPrefix(new Date('2026-11-26T06:33:10.123Z'), () => '3f9a')).toBe('cc-20261126t063310-3f9a');
    expect(newRunIdPrefix()).toMatch(/^cc-\d{8}t\d{6}-[0-9a-f]{4}$/);
  });

  it('is what RUN_ID_PATTERN finds, whole, inside the names built from it', () => {
    const prefix = newRunIdPrefix();
    expect(prefix.startsWith(RUN_ID_ROOT)).toBe(true);
    expect(`https://${prefix}.example/read ${prefix}-saml`.match(RUN_ID_PATTERN)).toEqual([prefix, prefix]);
    expect('cc-2026-other'.match(RUN_ID_PATTERN)).toBeNull();
  });
});
