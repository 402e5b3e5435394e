import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ruleMatcher, selectRules } from './selectRules.js';

describe('ruleMatcher', () => {
  it('matches globs over rule ids, comma-separated, dots literal', () => {
    const m = ruleMatcher('default.*,client-name.max-length');
    expect(m('default.auth-session-validity')).toBe(true);
    expect(m('client-name.max-length')).toBe(true);
    expect(m('client-name.min-length')).toBe(false);
    expect(ruleMatcher('default.x')('defaultXx')).toBe(false);
    expect(ruleMatcher(undefined)('anything')).toBe(true);
  });

  it('selects by kind and pattern', () => {
    const picked = selectRules(contract.rules, ['default'], 'default.*');
    expect(picked.length).toBeGreaterThan(5);
    expect(picked.every((r) => r.kind === 'default' && r.id.startsWith('default.'))).toBe(true);
  });
});
