import { describe as suite, expect, it } from 'vitest';
import { lifecycleRules } from '../contract/lifecycleRules.js';
import { ruleById } from '../contract/contract.js';
import { lifecycleJudges, lifecycleJudgesFor } from './lifecycleJudges.js';

suite('the lifecycle judges registry', () => {
  it('has a judge for every lifecycle rule, unique judge ids, and names only contract rules', () => {
    for (const r of lifecycleRules) expect(lifecycleJudgesFor(r.id).length, r.id).toBeGreaterThan(0);
    expect(new Set(lifecycleJudges.map((j) => j.id)).size).toBe(lifecycleJudges.length);
    for (const j of lifecycleJudges) for (const r of j.rules) expect(() => ruleById(r)).not.toThrow();
  });
});
