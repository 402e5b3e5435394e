import { beforeAll, describe, expect, it } from 'vitest';
import { allOracles } from '../oracles/allOracles.js';
import { startFakeCognito } from './fakeCognito.js';
import { runFakeBattery } from './fakeBattery.js';
import { FAKE_FAULTS, FAULT_NAMES, type FaultInfo, type FaultName } from './fakeFaults.js';
import type { Observation } from '../oracles/observation.js';
import type { Verdict } from '../oracles/verdict.js';
import { shownFailure } from '../runner/shownFailure.js';

/**
 * The planted-fault proof (issue 3, item 6): against the clean fake every oracle judges and none
 * fails; with each fault alone, exactly the rules its catalogue entry names fail — the oracle it
 * was planted for catches it and nothing else raises a false alarm. Controls fail nothing.
 */
async function verdictsWith(fault?: FaultName): Promise<{ observations: Observation[]; verdicts: Verdict[] }> {
  const fake = await startFakeCognito({ faults: new Set(fault ? [fault] : []) });
  try {
    const observations = await runFakeBattery(fake.endpoint);
    return { observations, verdicts: observations.flatMap((o) => allOracles.flatMap((oracle) => oracle.check(o))) };
  } finally {
    await fake.close();
  }
}

const failedRules = (vs: readonly Verdict[]) => [...new Set(vs.filter((v) => !v.ok).map((v) => v.ruleId))].sort();

describe('the clean fake', () => {
  let clean: { observations: Observation[]; verdicts: Verdict[] };
  beforeAll(async () => {
    clean = await verdictsWith();
  });

  it.each(allOracles.map((o) => [o.id, o] as const))('passes oracle %s, which judges it', (_id, oracle) => {
    const vs = clean.observations.flatMap((o) => oracle.check(o));
    expect(vs.length).toBeGreaterThan(0);
    expect(vs.filter((v) => !v.ok)).toEqual([]);
  });

  it('gets every rule the battery can reach judged, and passed', () => {
    const judged = new Set(clean.verdicts.map((v) => v.ruleId));
    for (const oracle of allOracles.filter((o) => o.id !== 'rejection')) {
      for (const r of oracle.rules) expect(judged.has(r), `${oracle.id}: ${r} never judged by the battery`).toBe(true);
    }
    expect(failedRules(clean.verdicts)).toEqual([]);
  });
});

describe('planted faults', () => {
  it('plants at least one fault per oracle, and each names a real oracle and rules it owns', () => {
    const byId = new Map(allOracles.map((o) => [o.id, o]));
    for (const o of allOracles) expect(FAULT_NAMES.some((f) => FAKE_FAULTS[f].oracle === o.id), o.id).toBe(true);
    for (const f of FAULT_NAMES) {
      const info: FaultInfo = FAKE_FAULTS[f];
      if (info.oracle === null) {
        expect(info.flags, f).toEqual([]);
        continue;
      }
      const own = byId.get(info.oracle);
      expect(own, f).toBeDefined();
      expect(info.flags.some((r) => own?.rules.includes(r)), `${f}: flags none of ${info.oracle}'s rules`).toBe(true);
    }
  });

  it.each(FAULT_NAMES.map((f) => [f, FAKE_FAULTS[f].oracle ?? 'control', [...FAKE_FAULTS[f].flags].sort()] as const))(
    '%s is flagged by %s under exactly its rules, each failure showing an expectation apart from what was observed',
    async (fault, _oracle, expected) => {
      const { observations, verdicts } = await verdictsWith(fault);
      expect(failedRules(verdicts)).toEqual(expected);
      // As the reports show them (secrets masked): the real expectation, never a copy of the
      // observation or a mask over the expected pattern (issue 14, "What a maintainer reads").
      for (const o of observations) {
        for (const v of allOracles.flatMap((oracle) => oracle.check(o)).filter((x) => !x.ok)) {
          const shown = shownFailure(v, o);
          const at = `${v.ruleId} on ${o.testCase.ruleId}`;
          expect(shown.expected, `${at}: no expectation`).toBeDefined();
          expect(JSON.stringify(shown.expected), `${at}: expected is what was observed`).not.toBe(JSON.stringify(shown.observed));
          expect(JSON.stringify(shown.expected), `${at}: the expectation is masked`).not.toMatch(/<redacted:(object|null|number|boolean)>/);
        }
      }
    },
  );
});
