import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffReports, diffText } from '../reports/diffReports.js';
import { SDK_FLOOR } from '../targets/sdk/sdkFloor.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { report, runCli, workDir, type Ran } from './runCli.fixture.js';

/**
 * `run --transport sdk` through SDK copies other than the tool's own, each an npm alias in
 * devDependencies, in the CLI's own process over a real socket against the fake Cognito: the floor
 * (3.521.0), a release below it, and 3.794.0, the first release whose model has
 * RefreshTokenRotation (3.787.0 is the last without; docs/sdk-upgrades.md), diffed against the
 * floor. One small run per SDK.
 */
const work = workDir();
afterAll(() => work.remove());
const alias = (name: string) => fileURLToPath(new URL(`../node_modules/${name}`, import.meta.url));

/**
 * The rules of these runs: user-pool.exists (an error the SDK maps), and
 * default.refresh-token-rotation, whose case omits RefreshTokenRotation; the fake answers it with
 * {"Feature":"DISABLED","RetryGracePeriodSeconds":0}, the reading that Terraform provider reports
 * attribute to AWS (hashicorp/terraform-provider-aws#43531; docs/evidence.md §10, RefreshTokenRotation
 * when not configured), which the rule accepts as it accepts an absent member.
 */
const RULES = 'default.refresh-token-rotation,user-pool.exists';

describe('run --transport sdk with the SDK of --sdk-from', () => {
  let fake: FakeCognito;
  const sdkRun = (name: string, sdkFrom: string, endpoint = fake.endpoint) =>
    runCli(['--endpoint', endpoint, '--region', 'us-east-1', '--transport', 'sdk', '--sdk-from', sdkFrom, '--rules', RULES, '--runs', '1', '--out', join(work.dir, name)]);
  let floor: Ran;
  let newer: Ran;
  beforeAll(async () => {
    fake = await startFakeCognito({ faults: new Set(['rotation-default-disabled'] as const) });
    // Both runs at once: one small run per SDK, each the side of the pair below.
    [floor, newer] = await Promise.all([sdkRun('floor', alias('aws-sdk-cognito-floor')), sdkRun('sdk-3.794.0', alias('aws-sdk-cognito-3.794.0'))]);
  }, 60_000);
  afterAll(async () => {
    await fake.close();
  });

  it(`runs through the floor (${SDK_FLOOR}), and the report and the summary name it and where it came from`, () => {
    expect(floor.code, floor.stderr.slice(-2000) + floor.stdout.slice(-2000)).toBe(0);
    const r = report(join(work.dir, 'floor'));
    expect(r.target).toMatchObject({ transport: 'sdk', sdkVersion: SDK_FLOOR, sdkOrigin: 'node_modules/aws-sdk-cognito-floor (--sdk-from)' });
    expect(r.rules.map((x) => `${x.id} ${x.status}`).sort()).toEqual(['default.refresh-token-rotation passed', 'user-pool.exists passed']);
    expect(r.rules.find((x) => x.id === 'user-pool.exists')?.sdk).toMatchObject({ layer: 'server', status: 400, sdkError: 'ResourceNotFoundException' });
    expect(floor.stdout).toContain(`sdk @aws-sdk/client-cognito-identity-provider ${SDK_FLOOR} from node_modules/aws-sdk-cognito-floor (--sdk-from)`);
    // The written reports say it too: summary.md and the scorecard head with the SDK and its origin.
    for (const file of ['summary.md', 'scorecard.html']) {
      expect(readFileSync(join(work.dir, 'floor', file), 'utf8'), file).toContain(`@aws-sdk/client-cognito-identity-provider ${SDK_FLOOR} from node_modules/aws-sdk-cognito-floor (--sdk-from)`);
    }
  });

  it('the pair: the floor lacks RefreshTokenRotation (added in 3.794.0), and the diff names it as what the older SDK drops from the answer', () => {
    expect(newer.code, newer.stderr.slice(-2000)).toBe(0);
    const before = report(join(work.dir, 'floor'));
    const after = report(join(work.dir, 'sdk-3.794.0'));
    expect(after.target.sdkVersion).toBe('3.794.0');
    const diff = diffReports(before, after);
    // Same statuses: the model difference shows in the SDK view only.
    expect([...diff.regressions, ...diff.fixes, ...diff.otherChanges]).toEqual([]);
    const change = diff.sdkChanged.find((c) => c.id === 'default.refresh-token-rotation');
    const client = (v: unknown) => (v as { output?: { UserPoolClient?: Record<string, unknown> } }).output?.UserPoolClient ?? {};
    expect(change, diffText(diff)).toBeDefined();
    expect(client(change?.after).RefreshTokenRotation).toEqual({ Feature: 'DISABLED', RetryGracePeriodSeconds: 0 });
    // Only that member: everything else the newer SDK returned, the older returned too.
    expect(Object.keys(client(change?.after)).filter((k) => !(k in client(change?.before)))).toEqual(['RefreshTokenRotation']);
    const text = diffText(diff);
    expect(text).toContain(`@aws-sdk/client-cognito-identity-provider ${SDK_FLOOR}`);
    expect(text).toContain('@aws-sdk/client-cognito-identity-provider 3.794.0');
    // Each side says which copy it loaded, so a diff of two upgrades shows what was compared.
    expect(text).toContain(`@aws-sdk/client-cognito-identity-provider ${SDK_FLOOR} from node_modules/aws-sdk-cognito-floor (--sdk-from)`);
    expect(text).toContain("  default.refresh-token-rotation\n    UserPoolClient.RefreshTokenRotation: dropped from the parsed answer by A's SDK (the server sent it; B's SDK kept it)\n");
    // Ids, run-scoped names, secrets and dates are tokens before comparing: the model difference is the only change.
    expect(diff.sdkChanged.map((c) => c.id)).toEqual(['default.refresh-token-rotation']);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 SDK view change');
  });

  it('refuses a release below the floor in one line naming the minimum, exit 2, before any request', async () => {
    const old = join(work.dir, 'old-sdk');
    mkdirSync(old, { recursive: true });
    writeFileSync(join(old, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-cognito-identity-provider', version: '3.515.0', main: './index.js' }));
    writeFileSync(join(old, 'index.js'), "throw new Error('a release below the floor must not be loaded');\n");
    // Nothing listens on port 9: had the run sent anything, it would end E_TARGET_UNREACHABLE.
    const ran = await sdkRun('old', old, 'http://127.0.0.1:9');
    expect(ran.code).toBe(2);
    const lines = ran.stderr.trim().split('\n').filter((l) => !l.startsWith('['));
    expect(lines).toEqual([`cognito-conformance: E_CONFIG: @aws-sdk/client-cognito-identity-provider 3.515.0 from ${old} (--sdk-from) is older than ${SDK_FLOOR}, the oldest release the SDK transport supports: install ${SDK_FLOOR} or newer (or name another with --sdk-from DIR)`]);
  });
});
