import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { modelRules } from '../contract/modelRules.js';
import { requestMembers } from '../contract/requestMembers.js';
import { fullPool } from '../testing/poolFixtures.js';
import { modelBreaker, modelConstraintOf, nodeAt, nonEnumValues } from './modelBreakers.js';

describe('modelBreakers', () => {
  it('finds the node and constraint of every model rule, and of no other rule', () => {
    const model = new Set(modelRules(requestMembers).map((r) => r.id));
    for (const rule of contract.rules) {
      const found = modelConstraintOf(rule);
      expect(found !== undefined, rule.id).toBe(model.has(rule.id));
      if (found) expect(nodeAt(found.path), rule.id).toBeDefined();
    }
    expect(nodeAt('CallbackURLs[]')).toBe(requestMembers.CallbackURLs.items);
    expect(nodeAt('TokenValidityUnits.IdToken')?.type).toBe('enum');
    expect(nodeAt('Nope')).toBeUndefined();
  });

  it('derives near-miss values outside an enum', () => {
    const units = ['seconds', 'minutes', 'hours', 'days'];
    const bad = nonEnumValues(units);
    expect(bad).toEqual(expect.arrayContaining(['SECONDS', 'Seconds', 'second', ' seconds', '']));
    expect(bad.some((v) => units.includes(v))).toBe(false);
  });

  it('refuses rules it does not cover', () => {
    const semantic = contract.rules.find((r) => r.id === 'user-pool.exists')!;
    expect(modelBreaker(semantic, fullPool)).toEqual({ ok: false, reason: expect.stringContaining('not a model constraint') });
  });
});
