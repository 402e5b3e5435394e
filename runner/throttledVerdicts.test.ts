import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { startFakeCognito } from '../testing/fakeCognito.js';
import { startThrottlingCognito } from '../testing/throttlingCognito.js';
import { prepareRun } from './prepareRun.js';
import { readRunSettings } from './runSettings.js';
import { runRules } from './runRules.js';
import { selectRules } from './selectRules.js';

const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
const PATTERNS = 'output.*,client-name.*';

/** Every rule's status from one in-process run of PATTERNS against an endpoint, with no quota flag. */
async function statuses(endpoint: string): Promise<{ byRule: Record<string, string>; throttled: number; sent: number; harnessErrors: number }> {
  const settings = readRunSettings({ endpoint, region: 'us-east-1', runs: '2', seed: '9', rules: PATTERNS }, 'flags');
  const prepared = await prepareRun(settings, quiet());
  try {
    const outcome = await runRules(selectRules(contract.rules, ALL_KINDS, PATTERNS), { target: prepared.target, context: prepared.context });
    const byRule = Object.fromEntries(outcome.results.map((r) => [r.id, r.status === 'error' ? `error: ${r.reason}` : r.status]));
    return { byRule, throttled: prepared.traffic().throttled, sent: prepared.traffic().sent, harnessErrors: outcome.harnessErrors.length };
  } finally {
    await prepared.close();
  }
}

describe('a run with no quota flags against an endpoint that throttles', () => {
  it('learns the rate from the first throttling answers and gives the verdicts of the same run unthrottled', async () => {
    const fake = await startFakeCognito();
    const clean = await statuses(fake.endpoint).finally(() => fake.close());
    // Twice AWS's documented limits, so that the test is quick; the run, 8 requests in flight and
    // unpaced at first, still sends far above them.
    const proxy = await startThrottlingCognito({ poolWritesPerSecond: 10, accountWritesPerSecond: 30, poolReadsPerSecond: 10, accountReadsPerSecond: 30 });
    const throttled = await statuses(proxy.endpoint).finally(() => proxy.close());
    expect(clean.throttled).toBe(0);
    expect(Object.keys(clean.byRule).length).toBeGreaterThan(5);
    // It was throttled (else this shows nothing), and no throttling answer became a verdict or an error.
    expect(throttled.throttled).toBeGreaterThan(0);
    expect(throttled.harnessErrors).toBe(0);
    expect(throttled.byRule).toEqual(clean.byRule);
    // Adapting, few answers are throttling (3–4 of about 50 sent, in the first burst); the same run
    // unpaced, living on retries alone, had 15 of 62.
    expect(throttled.throttled).toBeLessThanOrEqual(throttled.sent / 6);
  });
});
