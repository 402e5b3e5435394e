import { describe, expect, it } from 'vitest';
import { contract, ruleById } from './contract.js';
import { isConfirmed, unconfirmedBecause } from './verdictStrength.js';

describe('verdictStrength', () => {
  it('confirms what AWS is known, documented or bound to do', () => {
    for (const id of ['client-name.max-length', 'oauth.flag-needs-flows-and-scopes', 'default-redirect-uri.in-callback-urls', 'side-effect.none-on-rejection', 'output.client-id.unique']) {
      expect(isConfirmed(ruleById(id)), id).toBe(true);
    }
    // A superseded claim is settled: the rule follows the newer evidence.
    expect(isConfirmed(ruleById('explicit-auth-flows.refresh-token-auth-optional'))).toBe(true);
    expect(isConfirmed(ruleById('callback-urls.https-except-loopback'))).toBe(true);
  });

  it('leaves guesses and split sources unconfirmed, and says why', () => {
    expect(unconfirmedBecause(ruleById('logout-urls.same-rules-as-callback'))).toMatch(/inferred/);
    expect(unconfirmedBecause(ruleById('analytics.application-id-or-arn'))).toMatch(/inferred/);
    expect(unconfirmedBecause(ruleById('default.refresh-token-rotation'))).toMatch(/inferred/);
    // Real responses settle a documentation claim that disputes an observed rule: it stays confirmed.
    expect(unconfirmedBecause(ruleById('default.explicit-auth-flows.absent'))).toBeUndefined();
    expect(unconfirmedBecause(ruleById('protocol.content-type'))).toBeUndefined();
    expect(unconfirmedBecause({ evidence: 'documented', conflicts: [{ claim: 'x', sources: ['s'], status: 'disputed' }] })).toMatch(/disagree \(disputed\)/);
    expect(unconfirmedBecause({ evidence: 'observed', conflicts: [{ claim: 'x', sources: ['s'], status: 'unresolved' }] })).toMatch(/unresolved/);
  });

  it('classifies every rule of the contract by its evidence and conflicts alone', () => {
    const unconfirmed = contract.rules.filter((r) => !isConfirmed(r)).map((r) => r.id).sort();
    expect(unconfirmed).toEqual([
      'analytics.application-id-needs-role-and-external-id',
      'analytics.application-id-or-arn',
      'default.refresh-token-rotation',
      'logout-urls.same-rules-as-callback',
      'probe.body-not-json',
      'probe.unknown-operation',
      'token-validity.unit-without-value',
    ]);
  });
});
