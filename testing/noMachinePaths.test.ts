import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Nothing in the clone names a place on one particular machine (issue 15 part 7): a fresh clone
 * anywhere must run, so code, tests and docs reach files relative to themselves (`import.meta.url`,
 * `../shared` beside the clone) or through the OS (`os.tmpdir()`), never at `/work/…` or a home.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
/**
 * Not the project's text: dependencies, git, run output (`reports/latest` and the like are not
 * tracked) and the package build (`dist/`, compiled from the sources, rebuilt by the packed-package test).
 */
const SKIP = new Set(['node_modules', '.git', 'latest', '.cognito', 'dist']);
/** An absolute path into a machine's own directories (the leading boundary keeps URLs' paths out). */
const MACHINE_PATH = /(?:^|[\s'"`(=:,[])(?:\/(?:work|home|root|Users|tmp|mnt|opt|srv|var\/folders)\/|[A-Z]:\\\\Users\\\\)/;
/** This test names the patterns it looks for. */
const ALLOWED: ReadonlySet<string> = new Set(['testing/noMachinePaths.test.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|md|json|jsonl|mjs|js|yml|yaml)$/.test(name) ? [path] : [];
  });
}

describe('no machine paths', () => {
  it('no code, test, doc or data file names an absolute path on one machine', () => {
    const offenders = files(root)
      .map((path) => relative(root, path))
      .filter((path) => !ALLOWED.has(path) && path !== 'package-lock.json')
      .flatMap((path) => readFileSync(join(root, path), 'utf8').split('\n').map((line, i) => ({ path, line: i + 1, text: line })))
      .filter(({ text }) => MACHINE_PATH.test(text))
      .map(({ path, line, text }) => `${path}:${line}: ${text.trim().slice(0, 120)}`);
    expect(offenders, 'reach files relative to the clone (import.meta.url) or through os.tmpdir()').toEqual([]);
  });

  it('recognises the paths it forbids and leaves URLs alone', () => {
    for (const bad of ["'/work/shared/tools/check-spec.mjs'", 'cd /home/me/x', '"/tmp/summary.md"', '(/root/.aws)']) expect(MACHINE_PATH.test(bad), bad).toBe(true);
    for (const good of ['https://example.com/home/x', '../shared/tools/check-spec.mjs', 'reports/latest/summary.md']) expect(MACHINE_PATH.test(good), good).toBe(false);
  });
});
