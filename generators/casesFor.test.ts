import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, ruleById } from '../contract/contract.js';
import { requestViolations } from '../contract/requestViolations.js';
import { barePool, fullPool } from '../testing/poolFixtures.js';
import { MAX_VALID_BODY_BYTES, PROTOCOL_FAULT_RULES, casesFor } from './casesFor.js';
import { fixedCasesFor } from './fixedCases.js';
import { breakProblem, checkSameSeedSameValue } from '../testing/generatorBattery.js';

const SEED = 20260421;
const RUNS = 60;

function memberAt(v: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined), v);
}

describe('casesFor', () => {
  it.each(contract.rules.map((r) => [r.id, r] as const))('%s: cases labelled with the rule, of the right kind', (_, rule) => {
    const source = casesFor(rule, fullPool);
    if (!source.ok) {
      // Probes and message.client-not-found have only fixed cases (generators/fixedCases.ts).
      if (rule.kind === 'probe' || rule.id === 'message.client-not-found') {
        expect(fixedCasesFor(rule, fullPool, 'http').cases.length, rule.id).toBeGreaterThan(0);
        return;
      }
      expect(rule.expect.outcome).toBe('rejected');
      expect(source.reason).toMatch(/also breaks/);
      return;
    }
    checkSameSeedSameValue(source.arbitrary, { seed: SEED });
    const cases = fc.sample(source.arbitrary, { seed: SEED, numRuns: RUNS });
    for (const c of cases) {
      expect(c.ruleId).toBe(rule.id);
      // A region rule's request is valid; its why names the rule, which the region breaks.
      if (rule.via === 'other-region') {
        expect(requestViolations(c.request, fullPool)).toEqual([]);
        expect(c.why?.ruleId).toBe(rule.id);
        expect(c.request.UserPoolId).toBe(fullPool.userPoolId);
      } else if (rule.expect.outcome === 'rejected') expect(breakProblem(c, rule, fullPool)).toBeUndefined();
      else if (c.why) expect(requestViolations(c.request, fullPool)).toEqual([c.why.ruleId]);
      else {
        expect(requestViolations(c.request, fullPool)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(c.request))).toBeLessThanOrEqual(MAX_VALID_BODY_BYTES);
      }
    }
    if (rule.expect.outcome === 'accepted') {
      for (const c of cases) {
        for (const p of rule.expect.when?.omit ?? []) expect(memberAt(c.request, p)).toBeUndefined();
        for (const [p, v] of Object.entries(rule.expect.when?.set ?? {})) expect(memberAt(c.request, p)).toEqual(v);
      }
    }
    if (rule.expect.outcome === 'any' && rule.kind !== 'protocol' && rule.kind !== 'side-effect' && rule.kind !== 'message') expect(cases.every((c) => !c.why)).toBe(true);
    // A message rule judges rejections: every case breaks one rule whose message it knows.
    if (rule.kind === 'message') expect(cases.every((c) => c.why !== undefined)).toBe(true);
  });

  it('mixes valid cases with rejections of each error family for protocol rules', () => {
    const source = casesFor(ruleById('protocol.error-body'), fullPool);
    if (!source.ok) throw new Error(source.reason);
    const cases = fc.sample(source.arbitrary, { seed: SEED, numRuns: 200 });
    expect(cases.some((c) => !c.why)).toBe(true);
    expect(new Set(cases.filter((c) => c.why).map((c) => c.why!.ruleId))).toEqual(new Set(PROTOCOL_FAULT_RULES));
  });

  it('draws side-effect cases from many breakable rules, all rejected', () => {
    const source = casesFor(ruleById('side-effect.none-on-rejection'), fullPool);
    if (!source.ok) throw new Error(source.reason);
    const cases = fc.sample(source.arbitrary, { seed: SEED, numRuns: 300 });
    expect(cases.every((c) => c.why && c.ruleId === 'side-effect.none-on-rejection')).toBe(true);
    expect(new Set(cases.map((c) => c.why!.ruleId)).size).toBeGreaterThan(40);
    for (const c of cases) expect(requestViolations(c.request, fullPool)).toEqual([c.why!.ruleId]);
  });

  it('generates a secret in every case of consistency.list-shape, valid ones, so a listing of whole clients shows one', () => {
    for (const pool of [fullPool, barePool]) {
      const source = casesFor(ruleById('consistency.list-shape'), pool);
      if (!source.ok) throw new Error(source.reason);
      const cases = fc.sample(source.arbitrary, { seed: SEED, numRuns: RUNS });
      expect(cases.every((c) => c.request.GenerateSecret === true && !c.why)).toBe(true);
      for (const c of cases) expect(requestViolations(c.request, pool)).toEqual([]);
    }
  });

  it('gives a reason instead of cases when the pool lacks a fixture', () => {
    const source = casesFor(ruleById('analytics.application-id-or-arn'), barePool);
    expect(source).toEqual({ ok: false, reason: expect.stringMatching(/lacks .*analytics/) });
    expect(casesFor(ruleById('default.analytics-configuration.absent'), barePool).ok).toBe(true);
  });
});
