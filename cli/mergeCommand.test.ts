import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../testing/sampleReport.js';
import { totalsOf, type RunReport } from '../reports/runReport.js';
import { readReport } from '../reports/readReport.js';
import { mergeCommand } from './mergeCommand.js';

const dir = mkdtempSync(join(tmpdir(), 'merge-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Splits the sample report's rules over two shard directories, as `vitest --shard` would. */
function writeShard(name: string, pick: (id: string, i: number) => boolean): string {
  const base = sampleReport();
  const rules = base.rules.filter((r, i) => pick(r.id, i));
  const report: RunReport = { ...base, rules, totals: totalsOf(rules) };
  mkdirSync(join(dir, name), { recursive: true });
  const path = join(dir, name, 'report.json');
  writeFileSync(path, JSON.stringify(report));
  return path;
}

const s1 = writeShard('shard-1', (_id, i) => i % 2 === 0);
const s2 = writeShard('shard-2', (_id, i) => i % 2 === 1);

function run(argv: string[]): { code: number; text: string } {
  let text = '';
  const code = mergeCommand(argv, (s) => void (text += s));
  return { code, text };
}

describe('merge command', () => {
  it('writes every format of the merged report into --out', () => {
    const out = join(dir, 'merged');
    const { code, text } = run(['--out', out, s1, s2]);
    for (const f of ['report.json', 'junit.xml', 'scorecard.html', 'summary.md']) expect(existsSync(join(out, f))).toBe(true);
    const merged = readReport(join(out, 'report.json'));
    const whole = sampleReport();
    expect(merged.rules.map((r) => r.id).sort()).toEqual(whole.rules.map((r) => r.id).sort());
    expect(merged.totals).toEqual(whole.totals);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('**1 passed, 1 failed, 1 skipped, 1 errors** of 4 rules');
    expect(text).toContain(`Merged 2 shard reports into ${out}`);
    expect(text).toContain('Totals: 1 passed, 1 failed, 1 skipped, 1 errors (4 rules)');
    // The sample run has a harness error, so the merged run exits as the run would have: 2.
    expect(code).toBe(2);
  });

  it('exit code follows the merged run (1 on conformance failures only)', () => {
    const failing = writeShard('only-failed', (id) => id === 'client-name.max-length');
    const passing = writeShard('only-passed', (id) => id === 'default.auth-session-validity');
    expect(run(['--out', join(dir, 'm1'), failing, passing]).code).toBe(1);
    expect(run(['--out', join(dir, 'm0'), passing]).code).toBe(0);
  });

  it.each([
    [[s1, s2], /needs --out DIR/],
    [['--out', join(dir, 'x')], /at least one shard/],
    [['--out', join(dir, 'x'), s1, join(dir, 'nope', 'report.json')], /report .*nope\/report\.json: cannot read it \(no such file\)/],
  ])('bad input %j is one clear error', (argv, message) => {
    expect(() => run(argv)).toThrow(message);
  });

  it('an unusable --out fails in one line before any shard is read (checkOutputPath: no endless mkdir under /proc)', () => {
    const missingShard = join(dir, 'no-such-shard', 'report.json');
    expect(() => run(['--out', '/proc/merged/reports', missingShard])).toThrow(/^--out \/proc\/merged\/reports: cannot create the directory/);
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    expect(() => run(['--out', join(file, 'merged'), missingShard])).toThrow(/^--out .*plain-file\/merged: .*ENOTDIR/);
  });

  it('shards that disagree on a rule are an error naming both files', () => {
    const clash = writeShard('clash', () => true);
    const clashing = JSON.parse(readFileSync(clash, 'utf8')) as RunReport;
    clashing.rules = clashing.rules.map((r) => (r.id === 'client-name.max-length' ? { ...r, status: 'passed' } : r));
    writeFileSync(clash, JSON.stringify(clashing));
    expect(() => run(['--out', join(dir, 'y'), s1, clash])).toThrow(`rule client-name.max-length is failed in ${s1} but passed in ${clash}`);
  });
});
