import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import type { Rule } from '../contract/rule.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { createCleanupRegistry } from '../targets/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import { createPoolFixture, type PoolFixture } from '../targets/poolFixture.js';
import { readRecordings } from '../targets/readRecordings.js';
import { recordContext, withRecording, type RecordingTarget } from '../targets/recordingTarget.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import type { FaultName } from '../testing/fakeFaults.js';
import { sendToFake } from '../testing/sendToFake.js';
import { checkRule } from './checkRule.js';
import { judgeRecords } from './judgeRecords.js';

/**
 * record → judge round trip: rules are run against the fake Cognito through the recording Target
 * (each rule inside `recordContext.run({ rule })`, as a runner tags them), and `judge` over the
 * recording alone must give every rule the status the run gave it — clean, and with planted
 * faults that fail some rules — while the recording holds none of the secrets the fake issued.
 */
const RULES: readonly string[] = [
  'client-name.max-length',
  'oauth.scopes.exist',
  'write-attributes.exist-and-writable',
  'analytics.application-id-or-arn',
  'default.refresh-token-validity',
  'default.token-validity-units',
  'output.shape',
  'output.echo',
  'output.lists-as-sets',
  'output.client-id.format',
  'output.client-id.unique',
  'output.client-secret.format',
  'output.client-secret.when-generated',
  'output.timestamps.epoch-seconds',
  'protocol.request-id',
  'protocol.error-body',
  'side-effect.none-on-rejection',
  'consistency.describe-matches-create',
  'consistency.list-matches-create',
];
const FAULTS: readonly FaultName[] = ['default-refresh-30-missing', 'duplicate-client-id', 'no-request-id', 'secret-short', 'side-effect-on-reject', 'describe-differs'];

const quietRegistry = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });

function fakeTarget(endpoint: string): Target {
  return {
    info: { name: 'fake-cognito', endpoint, region: 'us-east-1', transport: 'http' },
    send: (operation, input) => sendToFake(endpoint, operation, input),
    close: async () => undefined,
  };
}

interface Session {
  fake: FakeCognito;
  dir: string;
  target: RecordingTarget;
  fixture: PoolFixture;
  run: Map<string, RuleResult['status']>;
}

async function recordRun(faults: readonly FaultName[]): Promise<Session> {
  const fake = await startFakeCognito({ faults: new Set(faults) });
  const dir = mkdtempSync(join(tmpdir(), 'cc-roundtrip-'));
  const target = withRecording(fakeTarget(fake.endpoint), dir, { fileName: 'run.jsonl' });
  const fixture = await createPoolFixture(target, { runIdPrefix: 'cc-roundtrip', syntheticAnalytics: true, registry: quietRegistry() });
  target.setPool(fixture.context);
  const earlierClientIds = new Set<string>();
  const run = new Map<string, RuleResult['status']>();
  const rules: Rule[] = RULES.map(ruleById);
  for (const rule of rules) {
    const result = await recordContext.run({ rule: rule.id }, () =>
      checkRule(rule, {
        target, pool: fixture.context, capabilities: fixture.capabilities, runSeed: 42, runs: 6, earlierClientIds,
        replayCommand: () => 'replay',
      }));
    run.set(rule.id, result.status);
  }
  await fixture.cleanup();
  return { fake, dir, target, fixture, run };
}

function judged(session: Session): Map<string, RuleResult['status']> {
  const outcome = judgeRecords(readRecordings([session.dir]), { rules: RULES.map(ruleById) });
  return new Map(outcome.results.map((r) => [r.id, r.status]));
}

describe.each([
  ['a clean fake', [] as readonly FaultName[]],
  ['a fake with planted faults', FAULTS],
])('record → judge round trip against %s', (_name, faults) => {
  let session: Session;
  beforeAll(async () => {
    session = await recordRun(faults);
  });
  afterAll(async () => {
    await session?.fake.close();
    if (session) rmSync(session.dir, { recursive: true, force: true });
  });

  it('judge reproduces every rule status of the run from the recording alone', () => {
    expect(Object.fromEntries(judged(session))).toEqual(Object.fromEntries(session.run));
    const statuses = new Set(session.run.values());
    expect(statuses.has('passed')).toBe(true);
    if (faults.length) expect(statuses.has('failed')).toBe(true);
  });

  it('records fixtures as fixtures and holds no secret the fake issued', () => {
    const text = readFileSync(session.target.file, 'utf8');
    expect(session.fake.secrets().length).toBeGreaterThan(0);
    for (const secret of session.fake.secrets()) expect(text).not.toContain(secret);
    const records = readRecordings([session.dir]).map((r) => r.record);
    const fixtureOps = new Set(records.filter((r) => r.fixture).map((r) => r.operation));
    expect([...fixtureOps]).toEqual(expect.arrayContaining(['CreateUserPool', 'DeleteUserPool']));
    expect(records.filter((r) => r.rule !== undefined).every((r) => r.pool?.userPoolId === session.fixture.context.userPoolId)).toBe(true);
  });
});
