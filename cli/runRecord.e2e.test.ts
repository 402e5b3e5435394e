import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../reports/runReport.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import type { FaultName } from '../testing/fakeFaults.js';
import { sendToFake } from '../testing/sendToFake.js';
import { privateTmp, report, runCli, workDir } from './runCli.fixture.js';

/**
 * `run --record DIR` then `judge DIR`, both as a user runs them: judge, with the recording alone,
 * gives every rule the status the run gave it. Against the fake Cognito over the whole contract,
 * clean and with planted faults (failures, counterexamples and shrinking included), and against
 * the embedded cognito-local for a few rules (its known gaps and the rules it cannot serve).
 */
const work = workDir();
afterAll(() => work.remove());

function statuses(r: RunReport): Record<string, string> {
  return Object.fromEntries(r.rules.map((x) => [x.id, x.status]));
}

function records(dir: string): RecordedExchange[] {
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RecordedExchange));
}

/** Runs with --record, judges the recording; returns both reports and the records. */
async function roundTrip(name: string, runArgs: string[], env: NodeJS.ProcessEnv = {}): Promise<{ run: RunReport; judged: RunReport; recorded: RecordedExchange[]; runCode: number | null }> {
  const out = join(work.dir, `${name}-run`);
  const recording = join(work.dir, `${name}-recording`);
  const ran = await runCli(['run', ...runArgs, '--no-baseline', '--out', out, '--record', recording], { env });
  expect(ran.code === 0 || ran.code === 1, ran.stderr + ran.stdout.slice(-2000)).toBe(true);
  expect(ran.stdout).toMatch(/^Recording: .*\.jsonl \(\d+ exchanges; `judge .*` judges it again without the target\)$/m);
  const judgedOut = join(work.dir, `${name}-judged`);
  const rulesAt = runArgs.indexOf('--rules');
  const judge = await runCli(['judge', ...(rulesAt >= 0 ? ['--rules', runArgs[rulesAt + 1] as string] : []), '--out', judgedOut, recording]);
  expect(judge.code, judge.stderr).toBe(ran.code);
  return { run: report(out), judged: report(judgedOut), recorded: records(recording), runCode: ran.code };
}

/** Faults across oracles: request validation, defaults, echo, consistency, identity formats, protocol. */
const FAULTS: FaultName[] = ['accept-invalid', 'wrong-error-type', 'token-revocation-default-false', 'echo-drops-list-item', 'describe-secret-differs', 'secret-short', 'timestamps-ms', 'no-request-id', 'side-effect-on-reject'];

describe('run --record, then judge the recording', () => {
  let clean: FakeCognito;
  let faulty: FakeCognito;
  beforeAll(async () => {
    clean = await startFakeCognito();
    faulty = await startFakeCognito({ faults: new Set(FAULTS) });
  });
  afterAll(async () => {
    await clean.close();
    await faulty.close();
  });

  it('against the clean fake: every rule of the contract gets the run\'s status, fixtures are marked, cases tagged', async () => {
    const { run, judged, recorded } = await roundTrip('clean', ['--endpoint', clean.endpoint, '--region', 'us-east-1', '--runs', '3']);
    expect(run.rules.length).toBeGreaterThanOrEqual(100);
    expect(statuses(judged)).toEqual(statuses(run));
    const fixtureOps = new Set(recorded.filter((r) => r.fixture).map((r) => r.operation));
    expect([...fixtureOps]).toEqual(expect.arrayContaining(['CreateUserPool', 'CreateResourceServer', 'CreateIdentityProvider', 'DeleteUserPool']));
    const cases = recorded.filter((r) => !r.fixture);
    expect(cases.every((r) => typeof r.rule === 'string' && typeof r.case === 'string')).toBe(true);
    expect(new Set(cases.map((r) => r.rule)).size).toBe(run.rules.filter((x) => x.cases > 0).length);
  });

  it('against a fake with planted faults: failing rules fail again from the recording alone', async () => {
    const { run, judged } = await roundTrip('faulty', ['--endpoint', faulty.endpoint, '--region', 'us-east-1', '--runs', '3']);
    expect(run.rules.filter((x) => x.status === 'failed').length).toBeGreaterThan(2);
    expect(statuses(judged)).toEqual(statuses(run));
  });

  it('a run a budget cut short: judge gives the rules it left incomplete the run\'s status, not passed or skipped', async () => {
    const { run, judged } = await roundTrip('budget', ['--endpoint', clean.endpoint, '--region', 'us-east-1', '--runs', '5', '--max-requests', '150']);
    const incomplete = run.rules.filter((x) => x.status === 'incomplete').map((x) => x.id);
    expect(incomplete.length).toBeGreaterThan(0);
    expect(statuses(judged)).toEqual(statuses(run));
    expect(judged.rules.find((x) => x.id === incomplete[0])?.reason).toContain('as the recorded run reported it');
  });

  it('an unusable --record DIR fails in one line before anything is created', async () => {
    const ran = await runCli(['run', '--endpoint', clean.endpoint, '--region', 'us-east-1', '--runs', '1', '--out', join(work.dir, 'bad-record'), '--record', '/proc/cc-record/here']);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toEqual(['cognito-conformance: E_USAGE: --record /proc/cc-record/here: cannot create the directory (ENOENT)']);
    const pools = await sendToFake(clean.endpoint, 'ListUserPools', { MaxResults: 60 });
    expect((pools.body as { UserPools: unknown[] }).UserPools).toEqual([]);
  });

  it('against the embedded cognito-local: a few rules, its gaps and the rules it cannot serve alike', async () => {
    const tmp = privateTmp(work.dir, 'record-local');
    const rules = 'default.*,client-name.*,oauth.scopes.exist,side-effect.*,output.client-id.*';
    const { run, judged, runCode } = await roundTrip('cognito-local', ['--rules', rules, '--runs', '2'], tmp.env);
    expect(runCode).toBe(1);
    const seen = new Set(run.rules.map((x) => x.status));
    expect(seen.has('passed') && seen.has('failed')).toBe(true);
    expect(statuses(judged)).toEqual(statuses(run));
    expect(tmp.leftovers()).toEqual([]);
  });
});
