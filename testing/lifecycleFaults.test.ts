import { beforeAll, describe, expect, it } from 'vitest';
import { lifecycleRules } from '../contract/lifecycleRules.js';
import { lifecycleJudges } from '../oracles/lifecycleJudges.js';
import type { Verdict } from '../oracles/verdict.js';
import { startFakeCognito } from './fakeCognito.js';
import type { FaultName } from './fakeFaults.js';
import { runLifecycleBattery, type LifecycleBatteryResult } from './lifecycleBattery.js';
import { runFakeBattery } from './fakeBattery.js';
import { allOracles } from '../oracles/allOracles.js';
import { LIFECYCLE_FAULT_NAMES, LIFECYCLE_FAULTS, REUSED_FAULTS } from './lifecycleFaults.js';

/**
 * The lifecycle planted-fault proof (issue 17): against the clean fake every lifecycle judge judges
 * and none fails; with each fault alone, exactly the rules its entry names fail.
 */
async function batteryWith(fault?: FaultName): Promise<LifecycleBatteryResult> {
  const fake = await startFakeCognito({ faults: new Set(fault ? [fault] : []) });
  try {
    return await runLifecycleBattery(fake.endpoint);
  } finally {
    await fake.close();
  }
}

const failedRules = (vs: readonly Verdict[]) => [...new Set(vs.filter((v) => !v.ok).map((v) => v.ruleId))].sort();

describe('the clean fake through the lifecycle battery', () => {
  let clean: LifecycleBatteryResult;
  beforeAll(async () => {
    clean = await batteryWith();
  });

  it('gets every lifecycle rule, and every rule a lifecycle judge enforces, judged and passed', () => {
    const judged = new Set(clean.verdicts.map((v) => v.ruleId));
    for (const r of lifecycleRules) expect(judged.has(r.id), `${r.id} never judged`).toBe(true);
    for (const j of lifecycleJudges) for (const r of j.rules) expect(judged.has(r), `${j.id}: ${r} never judged`).toBe(true);
    expect(clean.verdicts.filter((v) => !v.ok)).toEqual([]);
  });

  it('shows no ClientSecret value in any verdict', () => {
    const text = JSON.stringify(clean.verdicts);
    for (const e of clean.history) {
      const secret = (e.response.body as { UserPoolClient?: { ClientSecret?: string } } | null)?.UserPoolClient?.ClientSecret;
      if (secret) expect(text).not.toContain(secret);
    }
  });
});

describe('lifecycle planted faults', () => {
  it('plants a fault for every lifecycle rule', () => {
    const flagged = new Set<string>(LIFECYCLE_FAULT_NAMES.flatMap((f) => LIFECYCLE_FAULTS[f].flags));
    for (const r of lifecycleRules) expect(flagged.has(r.id), r.id).toBe(true);
  });

  const cases = [
    ...LIFECYCLE_FAULT_NAMES.map((f) => [f as FaultName, [...LIFECYCLE_FAULTS[f].flags].sort() as string[]] as const),
    ...Object.entries(REUSED_FAULTS).map(([f, flags]) => [f as FaultName, [...flags].sort() as string[]] as const),
  ];
  it.each(cases)('%s is flagged under exactly %j', async (fault, expected) => {
    const { verdicts } = await batteryWith(fault);
    expect(failedRules(verdicts)).toEqual(expected);
    for (const v of verdicts.filter((x) => !x.ok)) {
      expect(v.expected, `${v.ruleId}: no expectation`).toBeDefined();
      expect(JSON.stringify(v.expected)).not.toBe(JSON.stringify(v.observed));
    }
  });

  it('raises no false alarm in the Create battery: under each lifecycle fault it fails none but the fault\'s own rules', async () => {
    for (const fault of LIFECYCLE_FAULT_NAMES) {
      const fake = await startFakeCognito({ faults: new Set<FaultName>([fault]) });
      try {
        const observations = await runFakeBattery(fake.endpoint);
        const failed = failedRules(observations.flatMap((o) => allOracles.flatMap((oracle) => oracle.check(o))));
        for (const r of failed) expect(LIFECYCLE_FAULTS[fault].flags as readonly string[], `${fault}: ${r}`).toContain(r);
      } finally {
        await fake.close();
      }
    }
  });
});
