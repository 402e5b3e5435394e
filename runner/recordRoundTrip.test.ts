import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import { createPoolFixture, type PoolFixture } from '../targets/pool/poolFixture.js';
import { readRecordings } from '../targets/recording/readRecordings.js';
import { recordContext, withRecording, type RecordingTarget } from '../targets/recording/recordingTarget.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { FAULT_NAMES, type FaultName } from '../testing/fakeFaults.js';
import { sendToFake } from '../testing/sendToFake.js';
import { checkRule } from './checkRule.js';
import { judgeRecords } from './judgeRecords.js';

/**
 * record → judge round trip: every rule of the contract is run against the fake Cognito through
 * the recording Target, several rules at a time as the runner's queue runs them, each inside
 * `recordContext.run({ rule })` as a runner tags them; `judge` over the recording alone must give
 * every rule the status the run gave it. Against a clean fake and against fakes with every planted
 * fault (in three groups, so that each still leaves rules passing); the recording holds none of
 * the secrets the fake issued.
 */
const FAULT_GROUPS: readonly (readonly FaultName[])[] = [0, 1, 2].map((g) => FAULT_NAMES.filter((_f, i) => i % 3 === g));
const RUNS = 4;
const RULES_IN_FLIGHT = 4;

const quietRegistry = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });

/** `region`: what requests are signed for (the fake reads the credential scope); unsigned is us-east-1. */
function fakeTarget(endpoint: string, region?: string): Target {
  return {
    info: { name: 'fake-cognito', endpoint, region: region ?? 'us-east-1', transport: 'http' },
    send: (operation, input) => sendToFake(endpoint, operation, input, region),
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
  // The region rules' second region, recorded beside the run as prepareRun records it.
  const other = withRecording(fakeTarget(fake.endpoint, 'eu-west-1'), dir, { fileName: 'run-eu-west-1.jsonl', pool: fixture.context });
  const earlierClientIds = new Set<string>();
  const run = new Map<string, RuleResult['status']>();
  const queue = [...contract.rules];
  await Promise.all(Array.from({ length: RULES_IN_FLIGHT }, async () => {
    for (let rule = queue.shift(); rule !== undefined; rule = queue.shift()) {
      const current = rule;
      const result = await recordContext.run({ rule: current.id }, () =>
        checkRule(current, {
          target, pool: fixture.context, capabilities: fixture.capabilities, runSeed: 42, runs: RUNS, earlierClientIds,
          replayCommand: () => 'replay', otherRegion: { region: 'eu-west-1', target: other },
        }));
      run.set(current.id, result.status);
    }
  }));
  await fixture.cleanup();
  return { fake, dir, target, fixture, run };
}

function judged(session: Session): Map<string, RuleResult['status']> {
  const outcome = judgeRecords(readRecordings([session.dir]));
  return new Map(outcome.results.map((r) => [r.id, r.status]));
}

const SETUPS: ReadonlyArray<{ name: string; faults: readonly FaultName[] }> = [
  { name: 'a clean fake', faults: [] },
  ...FAULT_GROUPS.map((faults, i) => ({ name: `a fake with planted faults (group ${i + 1} of ${FAULT_GROUPS.length})`, faults })),
];

describe.each(SETUPS)('record → judge round trip against $name', ({ faults }) => {
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
    // A generated custom secret such as 24 times "e" also occurs, by coincidence, inside other
    // generated text (a ClientName of 40 "e"s): only secrets that cannot be such a run are checked.
    const distinctive = session.fake.secrets().filter((s) => new Set(s).size >= 4);
    expect(distinctive.length).toBeGreaterThan(0);
    for (const secret of distinctive) expect(text).not.toContain(secret);
    const records = readRecordings([session.dir]).map((r) => r.record);
    const fixtureOps = new Set(records.filter((r) => r.fixture).map((r) => r.operation));
    expect([...fixtureOps]).toEqual(expect.arrayContaining(['CreateUserPool', 'DeleteUserPool']));
    expect(records.filter((r) => r.rule !== undefined).every((r) => r.pool?.userPoolId === session.fixture.context.userPoolId)).toBe(true);
  });
});
