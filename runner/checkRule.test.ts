import { afterEach, describe, expect, it } from 'vitest';
import { contract, ruleById } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { startFakeCognito, type FakeCognitoOptions } from '../testing/fakeCognito.js';
import type { FaultName } from '../testing/fakeFaults.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { prepareRun } from './prepareRun.js';
import { readRunSettings } from './runSettings.js';
import { runRules } from './runRules.js';
import { selectRules } from './selectRules.js';

const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A run of `patterns` against a fake, 2 generated cases per rule: the results by rule id. */
async function runAgainst(patterns: string, options: FakeCognitoOptions = {}, extra: Record<string, string> = {}): Promise<Map<string, RuleResult>> {
  const fake = await startFakeCognito(options);
  closers.push(() => fake.close());
  const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: '2', concurrency: '2', rules: patterns, ...extra }, 'flags');
  const prepared = await prepareRun(settings, quiet());
  closers.push(() => prepared.close());
  const outcome = await runRules(selectRules(contract.rules, ALL_KINDS, patterns), { target: prepared.target, context: prepared.context });
  expect(outcome.harnessErrors).toEqual([]);
  return new Map(outcome.results.map((r) => [r.id, r]));
}

const faults = (...names: FaultName[]) => new Set<FaultName>(names);

describe('probes and the error path of a target that rejects nothing (issue 14)', () => {
  it('judges the error-path rules on the probes, not skipped, against a target that validates nothing', async () => {
    const results = await runAgainst('protocol.*,probe.*,message.*', { validatesNothing: true });
    for (const id of ['protocol.error-body', 'protocol.client-error-status', 'protocol.error-type-header', 'protocol.content-type', 'protocol.request-id']) {
      expect(results.get(id), id).toMatchObject({ status: 'passed' });
    }
    // It takes any pool id as a pool: the two probes a lax target fails; every other probe conforms.
    expect(results.get('probe.unknown-pool')?.reason).toContain('accepted (HTTP 200)');
    expect(results.get('probe.unknown-pool.list')?.reason).toContain('ListUserPoolClients accepted (HTTP 200)');
    const poolProbes = ['probe.unknown-pool', 'probe.unknown-pool.list'];
    for (const r of [...results.values()].filter((x) => x.kind === 'probe')) expect(r.status, r.id).toBe(poolProbes.includes(r.id) ? 'failed' : 'passed');
    // The not-found messages come from the probes; the rest is judged only on rejections, which this target never makes.
    expect(results.get('message.client-not-found')).toMatchObject({ status: 'passed' });
    expect(results.get('message.validation-form')?.status).toBe('skipped');
  });

  it('fails protocol.error-body on a {"code": …} error body that only the probes see', async () => {
    const results = await runAgainst('protocol.error-body,probe.*', { validatesNothing: true, faults: faults('error-body-code-member') });
    const body = results.get('protocol.error-body');
    expect(body).toMatchObject({ status: 'failed', oracle: 'protocol' });
    expect(body?.path).toMatch(/^probe:probe\.unknown-client\./);
    expect(body?.reason).toContain('no __type in the body');
    expect(body?.replay).toContain('--replay-path probe:probe.unknown-client.');
    // The probes themselves conform: the type is still read (from `code`), the status is 400.
    for (const r of [...results.values()].filter((x) => x.kind === 'probe' && !x.id.startsWith('probe.unknown-pool'))) expect(r.status, r.id).toBe('passed');
  });

  it('replays one probe of a rule alone with --replay-path probe:<id>', async () => {
    const results = await runAgainst('protocol.error-body', { validatesNothing: true, faults: faults('error-body-code-member') }, { replayPath: 'probe:probe.unknown-client.update' });
    expect(results.get('protocol.error-body')).toMatchObject({ status: 'failed', cases: 1, path: 'probe:probe.unknown-client.update' });
  });

  it('fails a probe a target answers 200, and the message rules on wording AWS does not send', async () => {
    const results = await runAgainst('probe.unknown-client.*,message.pool-not-found,message.client-not-found', { faults: faults('unknown-client-200', 'message-pool-id-only') });
    expect(results.get('probe.unknown-client.describe')).toMatchObject({ status: 'failed', path: 'probe:probe.unknown-client.describe' });
    expect(results.get('probe.unknown-client.describe')?.reason).toContain('accepted (HTTP 200)');
    expect(results.get('message.pool-not-found')).toMatchObject({ status: 'failed', expected: { message: expect.stringMatching(/^User pool us-east-1_\w+ does not exist\.$/) } });
    // No not-found answer to judge: the client lookups answered 200.
    expect(results.get('message.client-not-found')?.status).toBe('skipped');
  });

  it('notes a Content-Type parameter without failing the rule', async () => {
    const results = await runAgainst('protocol.content-type', { faults: faults('content-type-charset') });
    const r = results.get('protocol.content-type');
    expect(r?.status).toBe('passed');
    expect(r?.notes?.[0]).toContain('charset=utf-8');
  });

  it('skips, with the reason, the probes the SDK transport cannot send, and sends the others through it', async () => {
    const results = await runAgainst('probe.*,protocol.error-body', {}, { transport: 'sdk' });
    expect(results.get('probe.body-not-json')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('cannot send one that is not JSON') });
    expect(results.get('probe.unknown-operation')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('only sends operations its model has') });
    for (const id of ['probe.unknown-pool', 'probe.unknown-client.describe', 'probe.unknown-client.update', 'probe.unknown-client.delete', 'protocol.error-body']) {
      expect(results.get(id)?.status, id).toBe('passed');
    }
  });

  it('sends every probe, and judges the message rules, on the clean fake', async () => {
    const results = await runAgainst('probe.*,message.*');
    expect([...results.values()].filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.status} ${r.reason}`)).toEqual([]);
    expect(results.get(ruleById('probe.body-not-json').id)?.cases).toBe(1);
  });
});

describe('probes under a least-privilege role', () => {
  it('does not judge a probe or case IAM refused (AccessDeniedException for another pool), and says why', async () => {
    const fake = await startFakeCognito();
    closers.push(() => fake.close());
    const settings = readRunSettings({ endpoint: fake.endpoint, region: 'us-east-1', runs: '2', rules: 'probe.unknown-pool,probe.unknown-client.describe' }, 'flags');
    const prepared = await prepareRun(settings, quiet());
    closers.push(() => prepared.close());
    const own = prepared.context.pool.userPoolId;
    // IAM as examples/iam-policy-existing-pool.json has it: only the run's pool may be named.
    const target = {
      info: prepared.target.info,
      close: () => prepared.target.close(),
      async send(operation: string, input: Readonly<Record<string, unknown>>) {
        if (input.UserPoolId !== own) {
          const body = { __type: 'AccessDeniedException', message: 'not authorized' };
          return { operation, input, status: 400, headers: {}, body, rawBody: JSON.stringify(body), errorType: 'AccessDeniedException', errorMessage: body.message, elapsedMs: 1 };
        }
        return prepared.target.send(operation, input);
      },
    };
    const outcome = await runRules(selectRules(contract.rules, ALL_KINDS, 'probe.unknown-pool,probe.unknown-client.describe,user-pool.exists'), { target, context: prepared.context });
    const byId = new Map(outcome.results.map((r) => [r.id, r]));
    expect(byId.get('probe.unknown-pool')).toMatchObject({ status: 'skipped' });
    expect(byId.get('probe.unknown-pool')?.reason).toContain('AccessDeniedException');
    // user-pool.exists names pools that do not exist: every case is IAM's to refuse.
    expect(byId.get('user-pool.exists')).toMatchObject({ status: 'skipped' });
    expect(byId.get('user-pool.exists')?.reason).toContain('AccessDeniedException');
    // A probe inside the run's own pool is still judged.
    expect(byId.get('probe.unknown-client.describe')).toMatchObject({ status: 'passed' });
  });
});
