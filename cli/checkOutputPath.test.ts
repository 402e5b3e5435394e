import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputPath } from './checkOutputPath.js';

const work = mkdtempSync(join(tmpdir(), 'cc-out-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('checkOutputPath', () => {
  it('creates a missing directory, several levels deep, and leaves nothing in it', () => {
    const dir = join(work, 'a', 'b', 'c');
    checkOutputPath(dir, { flag: '--out', kind: 'directory' });
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('accepts a file to be written in a new directory', () => {
    checkOutputPath(join(work, 'd', 'baseline.json'), { flag: '--baseline', kind: 'file' });
    expect(existsSync(join(work, 'd'))).toBe(true);
  });

  it.each([
    ['/proc/forbidden/dir', 'directory', /^--out \/proc\/forbidden\/dir: cannot create the directory \(ENOENT\)$/],
    ['/proc/x.json', 'file', /^--out \/proc\/x\.json: cannot write in \/proc \(/],
  ] as const)('refuses %s (%s) with one line, fast', (path, kind, message) => {
    expect(() => checkOutputPath(path, { flag: '--out', kind })).toThrow(message);
  });

  it('refuses a file where a directory is wanted, and a directory where a file is', () => {
    const file = join(work, 'plain-file');
    writeFileSync(file, '');
    expect(() => checkOutputPath(join(file, 'sub'), { flag: '--out', kind: 'directory' })).toThrow(/ENOTDIR/);
    expect(() => checkOutputPath(work, { flag: '--baseline', kind: 'file' })).toThrow(/is a directory, not a file/);
    expect(() => checkOutputPath(file, { flag: '--out', kind: 'directory' })).toThrow(/--out .*plain-file: /);
  });
});
