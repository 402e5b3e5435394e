import { describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import { requestsPerSequence } from './lifecycleRequests.js';

describe('requestsPerSequence', () => {
  it('counts every lifecycle operation, a Create at least, and at most never below expected', () => {
    const r = requestsPerSequence(ruleById('lifecycle.list-complete'));
    expect(Object.keys(r).sort()).toEqual(['CreateUserPoolClient', 'DeleteUserPoolClient', 'DescribeUserPoolClient', 'ListUserPoolClients', 'UpdateUserPoolClient']);
    expect(r.CreateUserPoolClient?.expected).toBeGreaterThanOrEqual(1);
    for (const n of Object.values(r)) expect(n.atMost).toBeGreaterThanOrEqual(n.expected);
  });

  it('plans more Lists for a listing rule than for an update rule', () => {
    const lists = (id: string) => requestsPerSequence(ruleById(id)).ListUserPoolClients?.expected ?? 0;
    expect(lists('lifecycle.list-complete')).toBeGreaterThan(lists('lifecycle.update-replaces'));
  });
});
