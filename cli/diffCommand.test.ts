import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../testing/sampleReport.js';
import { totalsOf, type RunReport } from '../reports/runReport.js';
import type { ReportDiff } from '../reports/diffReports.js';
import { diffCommand } from './diffCommand.js';

const dir = mkdtempSync(join(tmpdir(), 'diff-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function withStatus(report: RunReport, id: string, status: RunReport['rules'][number]['status']): RunReport {
  const rules = report.rules.map((r) => (r.id === id ? { ...r, status } : r));
  return { ...report, rules, totals: totalsOf(rules) };
}

const base = sampleReport();
const a = write('a.json', base);
const regressed = write('regressed.json', withStatus(base, 'default.auth-session-validity', 'failed'));
const fixed = write('fixed.json', withStatus(base, 'client-name.max-length', 'passed'));

function run(argv: string[]): { code: number; text: string } {
  let text = '';
  const code = diffCommand(argv, (s) => void (text += s));
  return { code, text };
}

describe('diff command', () => {
  it('exit 1 on regressions, naming them', () => {
    const { code, text } = run([a, regressed]);
    expect(code).toBe(1);
    expect(text).toMatch(/^Regressions \(1\):\n {2}default\.auth-session-validity +passed → failed/m);
  });

  it('exit 0 when there are only fixes', () => {
    const { code, text } = run([a, fixed]);
    expect(code).toBe(0);
    expect(text).toMatch(/^Fixes \(1\):\n {2}client-name\.max-length +failed → passed/m);
  });

  it('--json prints the diff as JSON', () => {
    const { code, text } = run(['--json', a, regressed]);
    expect(code).toBe(1);
    const diff = JSON.parse(text) as ReportDiff;
    expect(diff.regressions).toEqual([{ id: 'default.auth-session-validity', before: 'passed', after: 'failed' }]);
    expect(diff.before.target).toBe('cognito-local');
  });

  it.each([
    [[a], /E_USAGE|two report files/],
    [[a, regressed, fixed], /two report files/],
    [[a, join(dir, 'missing.json')], /report .*missing\.json: cannot read it \(no such file\)/],
    [[a, write('bad.json', '{ "rules": ')], /report .*bad\.json: not JSON/],
    [[a, write('other.json', { hello: 1 })], /report .*other\.json: not a cognito-conformance report/],
    [[a, write('badrule.json', { ...base, rules: [{ id: 'x', status: 'weird' }] })], /rules\[0\] \(x\) has status "weird"/],
    [['--nope', a, regressed], /Unknown option '--nope'/],
  ])('bad input %j is one clear error', (argv, message) => {
    expect(() => run(argv)).toThrow(message);
  });

  it('through the CLI, bad input is one line on stderr and exit 2, no stack', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', main, 'diff', a, join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toMatch(/^cognito-conformance: E_CONFIG: report \S+missing\.json: cannot read it \(no such file\)\n$/);
  });
});
