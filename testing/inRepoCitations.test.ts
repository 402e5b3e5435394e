import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Citations stay inside the repository (issue 7): a user of the package has neither the research
 * notes the contract was written from nor any other file outside it. Code and docs cite
 * contract/sources.ts entries or docs/evidence.md sections instead.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
/**
 * Not the project's text: dependencies, git, run output (`reports/latest` and the like are not
 * tracked) and the package build (`dist/`, compiled from the sources, rebuilt by the packed-package test).
 */
const SKIP = new Set(['node_modules', '.git', 'latest', '.cognito', 'dist']);
const OUTSIDE = /shared\/reference|aws-evidence|shared\/DESIGN\.md/;
/** This test names the patterns it looks for. */
const ALLOWED: ReadonlySet<string> = new Set(['testing/inRepoCitations.test.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|md|json|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('citations inside the repository', () => {
  it('no code, test or doc points at research notes outside the repo', () => {
    const offenders = files(root)
      .map((path) => relative(root, path))
      .filter((path) => !ALLOWED.has(path))
      .flatMap((path) => readFileSync(join(root, path), 'utf8').split('\n').map((line, i) => ({ path, line: i + 1, text: line })))
      .filter(({ text }) => OUTSIDE.test(text))
      .map(({ path, line, text }) => `${path}:${line}: ${text.trim().slice(0, 120)}`);
    expect(offenders, 'cite contract/sources.ts or docs/evidence.md §N instead').toEqual([]);
  });

  it('every docs/evidence.md section a citation names exists', () => {
    const doc = readFileSync(join(root, 'docs/evidence.md'), 'utf8');
    const sections = new Set([...doc.matchAll(/^## (§\d+)/gm)].map((m) => m[1]));
    const rows = new Set([...doc.matchAll(/^\| (X\d+|RAW-\d+) \|/gm)].map((m) => m[1]));
    const cited = files(root)
      .filter((p) => !p.endsWith('evidence.md'))
      .flatMap((p) => [...readFileSync(p, 'utf8').matchAll(/docs\/evidence\.md,? (§\d+)(?: (X\d+|RAW-\d+))?/g)].map((m) => ({ p: relative(root, p), section: m[1], row: m[2] })));
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) {
      expect(sections, `${c.p} cites ${c.section}`).toContain(c.section);
      if (c.row) expect(rows, `${c.p} cites ${c.row}`).toContain(c.row);
    }
  });
});
