import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { startFakeCognito, type FakeCognitoOptions } from '../testing/fakeCognito.js';
import type { FaultName } from '../testing/fakeFaults.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { prepareRun } from './prepareRun.js';
import { readRunSettings } from './runSettings.js';
import { runRules } from './runRules.js';
import { selectRules } from './selectRules.js';

/**
 * The lifecycle rules as model-based properties against the fake (few sequences: the judges are
 * proven one by one by testing/lifecycleFaults.test.ts; this proves the runner drives them, shrinks,
 * replays, cleans up and never hangs on a listing that does not end).
 */
const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function runAgainst(patterns: string, options: FakeCognitoOptions = {}, extra: Record<string, string> = {}, teardownMayFail = false): Promise<{ results: Map<string, RuleResult>; listed: () => Promise<number> }> {
  const fake = await startFakeCognito(options);
  closers.push(() => fake.close());
  const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: '25', concurrency: '2', rules: patterns, seed: '7', ...extra }, 'flags');
  const prepared = await prepareRun(settings, quiet());
  // A target whose listing never ends defeats the pool teardown's own listing too (it reports that, bounded).
  closers.push(() => (teardownMayFail ? prepared.close().catch(() => undefined) : prepared.close()));
  const outcome = await runRules(selectRules(contract.rules, ALL_KINDS, patterns), { target: prepared.target, context: prepared.context });
  expect(outcome.harnessErrors).toEqual([]);
  const listed = async () => {
    const e = await prepared.target.send('ListUserPoolClients', { UserPoolId: prepared.context.pool.userPoolId, MaxResults: 60 });
    return ((e.body as { UserPoolClients: unknown[] }).UserPoolClients).length;
  };
  return { results: new Map(outcome.results.map((r) => [r.id, r])), listed };
}

const faults = (...names: FaultName[]) => new Set<FaultName>(names);

describe('lifecycle rules as model-based properties', () => {
  it('passes every lifecycle rule on the clean fake, and leaves no client behind', async () => {
    const { results, listed } = await runAgainst('lifecycle.*');
    expect(results.size).toBe(10);
    for (const r of results.values()) expect(r.status, `${r.id}: ${r.reason ?? ''}`).toBe('passed');
    expect(await listed()).toBe(0);
  });

  it('fails update-replaces on an Update that merges, with a shrunk sequence whose replay reproduces it', async () => {
    const { results, listed } = await runAgainst('lifecycle.update-replaces', { faults: faults('update-merges') });
    const r = results.get('lifecycle.update-replaces');
    expect(r).toMatchObject({ status: 'failed', oracle: 'update-replaces' });
    expect(r?.reason).toContain('did not replace');
    const steps = (r?.counterexample as { steps: unknown[] }).steps;
    // The shortest failing sequence: the first Create, the rule's own Create and the Update that omits what it set.
    expect(steps.length).toBeLessThanOrEqual(3);
    expect(Object.keys(steps.at(-1) as object)).toContain('UpdateUserPoolClient');
    expect(r?.replay).toContain(`--replay-path ${r?.path ?? ''}`);
    expect(await listed()).toBe(0);
    const again = await runAgainst('lifecycle.update-replaces', { faults: faults('update-merges') }, { replayPath: r?.path ?? '' });
    expect(again.results.get('lifecycle.update-replaces')).toMatchObject({ status: 'failed', reason: r?.reason === undefined ? expect.any(String) : expect.stringContaining('did not replace') });
  });

  it('fails list-complete within the run on a NextToken that never ends, and the other list rules still finish', async () => {
    const { results } = await runAgainst('lifecycle.list-*', { faults: faults('list-never-ends') }, {}, true);
    expect(results.get('lifecycle.list-complete')).toMatchObject({ status: 'failed' });
    expect(results.get('lifecycle.list-complete')?.reason).toMatch(/has not ended after \d+ pages/);
    expect(results.get('lifecycle.list-max-results')?.status).toBe('passed');
    expect(results.get('lifecycle.list-max-results-range')?.status).toBe('passed');
  });

  it('fails deleted-gone on a second Delete that answers 200', async () => {
    const { results } = await runAgainst('lifecycle.deleted-gone', { faults: faults('delete-twice-200') });
    expect(results.get('lifecycle.deleted-gone')).toMatchObject({ status: 'failed' });
    expect(results.get('lifecycle.deleted-gone')?.reason).toContain('DeleteUserPoolClient of a deleted client answered HTTP 200');
  });
});
