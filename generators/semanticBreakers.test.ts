import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { modelConstraintOf } from './modelBreakers.js';
import { semanticBreakers } from './semanticBreakers.js';

describe('semanticBreakers', () => {
  it('has one breaker for each breakable rule that is not a model constraint, and none for anything else', () => {
    const wanted = contract.rules.filter((r) => r.breakable && !modelConstraintOf(r)).map((r) => r.id).sort();
    expect(Object.keys(semanticBreakers).sort()).toEqual(wanted);
  });
});
