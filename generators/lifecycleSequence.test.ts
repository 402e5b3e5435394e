import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import { requestViolations } from '../contract/requestViolations.js';
import { fullPool } from '../testing/poolFixtures.js';
import { lifecycleSequence, MAX_STEPS, UPDATE_BREAKABLE_RULES } from './lifecycleSequence.js';

const pool = fullPool;

describe('lifecycle sequences', () => {
  it('start with a Create, stay within MAX_STEPS, and send Updates without the secret members; the same seed gives the same sequences', () => {
    const arb = lifecycleSequence(ruleById('lifecycle.update-validated'), pool);
    const a = fc.sample(arb, { seed: 3, numRuns: 30 });
    expect(fc.sample(arb, { seed: 3, numRuns: 30 })).toEqual(a);
    for (const s of a) {
      expect(s[0]?.op).toBe('create');
      expect(s.length).toBeLessThanOrEqual(MAX_STEPS);
      if (s[0]?.op === 'create') expect(requestViolations(s[0].request, pool)).toEqual([]);
      for (const step of s) if (step.op === 'update') expect(Object.keys(step.request)).not.toContain('GenerateSecret');
    }
    expect(a.flat().some((step) => step.op === 'update' && step.invalid !== undefined)).toBe(true);
  });

  it('offers Update no rule about members it lacks, and MaxResults 0 or 61 only to the range rule', () => {
    expect(UPDATE_BREAKABLE_RULES.map((r) => r.id)).not.toContain('client-secret.not-with-generate-secret');
    expect(UPDATE_BREAKABLE_RULES.map((r) => r.id)).not.toContain('user-pool.exists');
    const lists = (id: string) => fc.sample(lifecycleSequence(ruleById(id), pool), { seed: 5, numRuns: 60 }).flat().flatMap((s) => (s.op === 'list' ? [s.maxResults] : []));
    expect(lists('lifecycle.list-complete').every((m) => m >= 1 && m <= 60)).toBe(true);
    expect(lists('lifecycle.list-max-results-range').some((m) => m === 0 || m === 61)).toBe(true);
  });
});
