import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOW_AUTH_FLOWS } from '../contract/memberShapes.js';
import { OTHER_ALLOW_FLOWS, REFRESH_TOKEN_AUTH, allowFlowsWithRefresh, withoutRefreshFlow } from './authFlows.js';

describe('authFlows', () => {
  it('makes distinct ALLOW_* lists that always hold ALLOW_REFRESH_TOKEN_AUTH, in any position', () => {
    const lists = fc.sample(allowFlowsWithRefresh(), { seed: 1, numRuns: 200 });
    for (const l of lists) {
      expect(l).toContain(REFRESH_TOKEN_AUTH);
      expect(new Set(l).size).toBe(l.length);
      expect(l.every((f) => (ALLOW_AUTH_FLOWS as readonly string[]).includes(f))).toBe(true);
    }
    expect(new Set(lists.map((l) => l.indexOf(REFRESH_TOKEN_AUTH))).size).toBeGreaterThan(3);
    expect(lists.some((l) => l.length === ALLOW_AUTH_FLOWS.length)).toBe(true);
    expect(OTHER_ALLOW_FLOWS).not.toContain(REFRESH_TOKEN_AUTH);
  });

  it('drops ALLOW_REFRESH_TOKEN_AUTH only where another ALLOW_* flow stays', () => {
    expect(withoutRefreshFlow(['ALLOW_USER_SRP_AUTH', REFRESH_TOKEN_AUTH])).toEqual(['ALLOW_USER_SRP_AUTH']);
    expect(withoutRefreshFlow([REFRESH_TOKEN_AUTH])).toEqual([REFRESH_TOKEN_AUTH]);
    expect(withoutRefreshFlow(['ALLOW_CUSTOM_AUTH'])).toEqual(['ALLOW_CUSTOM_AUTH']);
  });
});
