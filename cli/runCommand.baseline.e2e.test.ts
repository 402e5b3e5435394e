import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountingProxy, type CountingProxy } from '../testing/countingProxy.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { report, runCli, workDir } from './runCli.fixture.js';

/**
 * Baselines as CI uses them, against the fake Cognito with one planted fault, reached through the
 * counting proxy so that "before any request" is counted outside the tool: a baseline names its
 * target by the preset, --name or host:port (never the Server header); a baseline for another
 * target, or one that cannot be read, fails before anything is sent; --update-baseline exits 0
 * once it wrote the file, and says so after the summary; every report carries the split.
 */
const work = workDir();
afterAll(() => work.remove());
const RULES = 'default-redirect-uri.in-callback-urls,default.refresh-token-validity';

describe('baselines keyed by the name the run is given', () => {
  let fake: FakeCognito;
  let proxy: CountingProxy;
  beforeAll(async () => {
    fake = await startFakeCognito({ faults: new Set(['accept-invalid'] as const) });
    proxy = await startCountingProxy(fake.endpoint);
  });
  afterAll(async () => {
    await proxy.close();
    await fake.close();
  });
  const target = () => ['--endpoint', proxy.endpoint, '--region', 'us-east-1', '--rules', RULES, '--runs', '2'];

  it('refuses a baseline for another target, and an unreadable one, before any request: one line, exit 2', async () => {
    const other = join(work.dir, 'moto.json');
    writeFileSync(other, JSON.stringify({ version: 1, target: 'Werkzeug/2.2.2 Python/3.11.2, amazon.com', entries: [] }));
    const broken = join(work.dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    proxy.reset();
    const cases = [
      [other, /E_CONFIG: baseline .*moto\.json is for target "Werkzeug\/2\.2\.2 Python\/3\.11\.2, amazon\.com" but this run's target is "127\.0\.0\.1:\d+"/],
      [broken, /E_CONFIG: baseline .*broken\.json: not JSON/],
    ] as const;
    const runs = await Promise.all(cases.map(([file], i) => runCli([...target(), '--out', join(work.dir, `refused-${i}`), '--baseline', file])));
    for (const [i, ran] of runs.entries()) {
      expect(ran.code, ran.stderr).toBe(2);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(ran.stderr).toMatch(cases[i]?.[1] as RegExp);
    }
    expect(proxy.counts()).toEqual({});
  });

  it('--update-baseline writes it under the host:port, exits 0, and says so after the summary; the next run is green and every report says why', async () => {
    const file = join(work.dir, 'emulator.json');
    const written = await runCli([...target(), '--out', join(work.dir, 'update'), '--baseline', file, '--update-baseline']);
    expect(written.code, written.stdout + written.stderr).toBe(0);
    const host = new URL(proxy.endpoint).host;
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ target: host, entries: [{ ruleId: 'default-redirect-uri.in-callback-urls' }] });
    const lines = written.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe(`Baseline written: ${file} (1 entry for target "${host}")`);
    expect(lines.findIndex((l) => l.startsWith('Totals: '))).toBeLessThan(lines.length - 1);

    const out = join(work.dir, 'green');
    const ran = await runCli([...target(), '--out', out, '--baseline', file]);
    expect(ran.code, ran.stdout).toBe(0);
    const r = report(out);
    expect(r.exitCode).toBe(0);
    expect(r.baseline).toMatchObject({ file, target: host, newFailures: [], knownFailures: ['default-redirect-uri.in-callback-urls'] });
    expect(ran.stdout).toContain(`Result: exit 0: 0 new failures, 1 known gap (baseline ${file})`);
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toMatch(/^✅ \*\*exit 0: 0 new failures, 1 known gap/m);
    expect(md).not.toContain('❌');
    const html = readFileSync(join(out, 'scorecard.html'), 'utf8');
    expect(html).toContain('<span data-outcome="new-failures">0 new failures</span>');
    expect(html).toContain('data-exit-code="0"');
    const xml = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(xml).not.toContain('<failure');
    expect(xml).toContain('<property name="exit-code" value="0"/>');
    expect(xml).toContain('<property name="verdict" value="known-gap"/>');
  });
});
