import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../testing/sampleReport.js';
import { matrixCommand } from './matrixCommand.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, targetName: string): string {
  const report = sampleReport();
  mkdirSync(join(dir, name), { recursive: true });
  const path = join(dir, name, 'report.json');
  writeFileSync(path, JSON.stringify({ ...report, target: { ...report.target, name: targetName } }));
  return path;
}

describe('matrix command', () => {
  it('writes matrix.md and matrix.html into --out and exits 0', () => {
    const out = join(dir, 'out');
    let text = '';
    const code = matrixCommand(['--out', out, write('aws', 'aws'), write('local', 'cognito-local')], (s) => void (text += s));
    expect(code).toBe(0);
    expect(text).toMatch(/^Matrix of \d+ rules × 2 columns \(aws, cognito-local\): 0 rules where AWS and another column disagree\./);
    expect(readFileSync(join(out, 'matrix.md'), 'utf8')).toContain('| | rule | evidence | aws | cognito-local |');
    expect(readFileSync(join(out, 'matrix.html'), 'utf8')).toContain('<table class="matrix">');
  });

  it('is a usage error without reports, and a one-line error for a file that is not a report', () => {
    expect(() => matrixCommand([], () => undefined)).toThrow('matrix needs at least one report.json (see matrix --help)');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"rules": []}');
    expect(() => matrixCommand(['--out', join(dir, 'o2'), bad], () => undefined)).toThrow(/^report .*bad\.json: not a cognito-conformance report/);
  });
});
