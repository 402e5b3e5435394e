import { describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import { interruptedResults } from './interruptedResults.js';
import type { RuleResult } from './ruleResult.js';

const result = (id: string, status: RuleResult['status'], extra: Partial<RuleResult> = {}): RuleResult => {
  const rule = ruleById(id);
  return { id, kind: rule.kind, members: rule.members, evidence: rule.evidence, basis: '', statement: rule.statement, status, cases: 3, ...extra };
};

describe('interruptedResults', () => {
  const ids = ['client-name.max-length', 'client-name.min-length', 'output.echo', 'protocol.request-id', 'default.refresh-token-validity', 'output.shape'];
  const rules = ids.map(ruleById);

  it('keeps what finished or was decided; makes everything else interrupted, an error after the signal included', () => {
    const results = [
      result('client-name.max-length', 'error', { errorCode: 'E_TARGET_UNREACHABLE', reason: 'x' }),
      result('client-name.min-length', 'failed'),
      result('output.echo', 'incomplete', { reason: 'stopped after 3 of 25 cases: interrupted by SIGINT' }),
      result('protocol.request-id', 'error', { errorCode: 'E_TARGET_UNREACHABLE', reason: 'cannot reach moto: the target was closed' }),
      result('output.shape', 'passed'),
    ];
    const out = interruptedResults(rules, results, new Set(['client-name.max-length']), 'SIGINT');
    expect(out.map((r) => [r.id, r.status, r.reason])).toEqual([
      ['client-name.max-length', 'error', 'x'],
      ['client-name.min-length', 'failed', undefined],
      ['output.echo', 'interrupted', 'interrupted by SIGINT after 3 cases'],
      ['protocol.request-id', 'interrupted', 'interrupted by SIGINT after 3 cases'],
      ['default.refresh-token-validity', 'interrupted', 'interrupted by SIGINT before it started'],
      ['output.shape', 'passed', undefined],
    ]);
    expect(out[3]?.errorCode).toBeUndefined();
    expect(out[4]).toMatchObject({ cases: 0, evidence: ruleById('default.refresh-token-validity').evidence });
  });
});
