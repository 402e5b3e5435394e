import { describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import { createRunBudget } from './runBudget.js';

const rejected = ruleById('client-name.max-length'); // create + (at most) delete: 2
const consistency = ruleById('consistency.describe-matches-create'); // list, create, describe, delete: 4

describe('createRunBudget', () => {
  it('without limits, every case starts', () => {
    const budget = createRunBudget({});
    for (let i = 0; i < 1000; i++) expect(budget.beginCase(consistency)).toBe(true);
    expect(budget.signal.aborted).toBe(false);
    expect(budget.reason()).toBeUndefined();
    expect(budget.use()).toMatchObject({ reservedRequests: 4000, casesStarted: 1000, casesRefused: 0 });
  });

  it('--max-requests: reserves each case’s worst case after the fixture’s, and refuses the case that would not fit', () => {
    const budget = createRunBudget({ maxRequests: 20 }, { fixtureRequests: 7 });
    expect(budget.beginCase(consistency)).toBe(true); // 11
    expect(budget.beginCase(consistency)).toBe(true); // 15
    expect(budget.beginCase(rejected)).toBe(true); // 17
    expect(budget.beginCase(consistency)).toBe(false); // 21 > 20
    expect(budget.signal.aborted).toBe(true);
    expect(budget.reason()).toBe('request budget of 20 spent (17 requests reserved by the fixture and 3 cases)');
    expect(budget.signal.reason).toBe(budget.reason());
    // Once spent, stays spent, even for a case that would still fit: the run winds down.
    expect(budget.beginCase(rejected)).toBe(false);
    expect(budget.use()).toMatchObject({ reservedRequests: 17, casesStarted: 3, casesRefused: 2 });
  });

  it('--time-budget: no case starts once the time is up', () => {
    let t = 0;
    const budget = createRunBudget({ timeBudgetMs: 60_000 }, { now: () => t, deadlineTimer: false });
    expect(budget.beginCase(rejected)).toBe(true);
    t = 59_999;
    expect(budget.beginCase(rejected)).toBe(true);
    t = 60_000;
    expect(budget.beginCase(rejected)).toBe(false);
    expect(budget.reason()).toBe('time budget of 1m spent');
    expect(budget.use()).toMatchObject({ elapsedMs: 60_000, casesStarted: 2, casesRefused: 1 });
  });

  it('--time-budget also aborts the signal at the deadline, for whatever waits on it', async () => {
    const budget = createRunBudget({ timeBudgetMs: 5 });
    await new Promise<void>((resolve) => budget.signal.addEventListener('abort', () => resolve(), { once: true }));
    expect(budget.reason()).toBe('time budget of 5ms spent');
    expect(budget.beginCase(rejected)).toBe(false);
    budget.dispose();
  });

  it('rejects limits that make no sense', () => {
    expect(() => createRunBudget({ maxRequests: 0 })).toThrow(RangeError);
    expect(() => createRunBudget({ timeBudgetMs: Number.NaN })).toThrow(RangeError);
  });
});
