import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import type { RunReport } from '../reports/runReport.js';
import { diffCommand } from './diffCommand.js';
import { report, runCli, workDir } from './runCli.fixture.js';

/**
 * Issue 16: two runs of the same cases through the same transport (and SDK) against the same
 * target differ only in what a run makes up — server-generated ids, names built from the run id,
 * secrets, dates, request ids, the order of lists — and `diff` must call them "no change". The CLI
 * in its own processes against the fake Cognito in this process, with planted faults so that
 * failures carry observed answers (ids, timestamps, a listing) to compare, and a pool fixture with
 * scopes, an identity provider and synthetic analytics built from the run id.
 */
const work = workDir();
afterAll(() => work.remove());

/** Rules whose cases use the fixture's run-scoped names, and rules the planted faults break. */
const RULES = 'oauth.*,supported-identity-providers.*,analytics.*,consistency.*,output.timestamps.*,default-redirect-uri.*,default.refresh-token-validity';
const FAULTS = ['list-shows-secret', 'describe-differs', 'timestamps-stale', 'accept-invalid', 'lists-reordered'] as const;

describe('diff of two same-transport runs against the same target', () => {
  let fake: FakeCognito;
  beforeAll(async () => {
    fake = await startFakeCognito({ faults: new Set(FAULTS) });
  });
  afterAll(async () => {
    await fake.close();
  });

  async function twoRuns(transport: 'http' | 'sdk'): Promise<[string, string]> {
    const outs: [string, string] = [join(work.dir, `${transport}-a`), join(work.dir, `${transport}-b`)];
    for (const out of outs) {
      const ran = await runCli(['--endpoint', fake.endpoint, '--region', 'us-east-1', '--transport', transport, '--rules', RULES, '--runs', '2', '--no-baseline', '--out', out]);
      expect(ran.code, ran.stdout.slice(-2000) + ran.stderr).toBe(1);
    }
    return outs;
  }

  /** `diff` in this process: the runs are what needs processes of their own (each its own run id). */
  function diff(a: string, b: string): { code: number; stdout: string } {
    let stdout = '';
    const code = diffCommand([a, b], (s) => void (stdout += s));
    return { code, stdout };
  }

  for (const transport of ['sdk', 'http'] as const) {
    it(`--transport ${transport}: no change, though ids, run-scoped names and dates differ; a real change still shows`, async () => {
      const [a, b] = await twoRuns(transport);
      const [ra, rb] = [report(a), report(b)];
      // Not vacuous: the runs failed rules with observed answers, and made up different values.
      expect(ra.rules.filter((r) => r.status === 'failed').length).toBeGreaterThanOrEqual(4);
      const compared = (r: RunReport) => JSON.stringify(r.rules.map((x) => [x.observed, x.sdk]));
      expect(compared(ra)).not.toBe(compared(rb));
      if (transport === 'sdk') {
        expect(ra.rules.filter((r) => r.sdk !== undefined).length).toBeGreaterThanOrEqual(10);
        expect(compared(ra)).toMatch(/https:\/\/cc-\d{8}t\d{6}-[0-9a-f]{4}\.example\/read/);
      }

      const same = diff(join(a, 'report.json'), join(b, 'report.json'));
      expect(same.code, same.stdout).toBe(0);
      expect(same.stdout).toMatch(/\nNo change: every rule has the same status/);

      // B with one member gone from what the target answered: named, not hidden by the tokens.
      const changed = structuredClone(rb);
      const victim = changed.rules.find((r) => (transport === 'sdk' ? r.sdk?.output !== undefined : r.status === 'failed' && typeof r.observed === 'object'))!;
      if (transport === 'sdk') delete (victim.sdk!.output as { UserPoolClient: Record<string, unknown> }).UserPoolClient.ClientName;
      else (victim.observed as Record<string, unknown>).status = 418;
      const path = join(work.dir, `${transport}-changed.json`);
      writeFileSync(path, JSON.stringify(changed));
      const shown = diff(join(a, 'report.json'), path);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(transport === 'sdk' ? `  ${victim.id}\n    output.UserPoolClient.ClientName: only in A` : 'in A, 418 in B');
      expect(shown.stdout).not.toMatch(/No change/);
    });
  }
});
