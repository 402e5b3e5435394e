import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { allOracles } from './allOracles.js';
import { lifecycleJudgesFor } from './lifecycleJudges.js';
import { oraclesForRule } from './oraclesForRule.js';
import { rejectionOracle } from './rejectionOracle.js';

const ruleIds = new Set(contract.rules.map((r) => r.id));

describe('allOracles', () => {
  it('has the eleven oracles under their stable ids', () => {
    expect(allOracles.map((o) => o.id)).toEqual(['response-shape', 'defaults', 'echo', 'rejection', 'no-side-effect', 'consistency', 'list-shape', 'identity', 'protocol', 'probe', 'message']);
  });

  it('only names rules the contract has, each once per oracle', () => {
    for (const o of allOracles) {
      expect(new Set(o.rules).size, o.id).toBe(o.rules.length);
      for (const r of o.rules) expect(ruleIds.has(r), `${o.id}: ${r}`).toBe(true);
    }
  });

  it('enforces every rule of the contract: rejection rules by the rejection oracle, every other rule by some other oracle', () => {
    for (const rule of contract.rules) {
      const ids = oraclesForRule(rule.id).map((o) => o.id);
      // Lifecycle rules judge histories, not one observation: their judges are oracles/lifecycleJudges.ts.
      if (rule.kind === 'lifecycle') expect(ids, rule.id).toEqual([]);
      else if (rule.expect.outcome === 'rejected') expect(ids, rule.id).toEqual([rejectionOracle.id]);
      else {
        expect(ids.length, `${rule.id} has no oracle`).toBeGreaterThan(0);
        expect(ids, rule.id).not.toContain(rejectionOracle.id);
      }
    }
  });

  it('gives each rule one oracle (no rule is judged twice)', () => {
    for (const rule of contract.rules) {
      if (rule.kind === 'lifecycle') expect(lifecycleJudgesFor(rule.id), rule.id).toHaveLength(1);
      else expect(oraclesForRule(rule.id), rule.id).toHaveLength(1);
    }
  });

  it('knows no oracle for an unknown rule', () => {
    expect(oraclesForRule('no.such-rule')).toEqual([]);
  });
});
