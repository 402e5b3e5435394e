import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCli, type CompiledCliPlace } from './compiledCli.js';

/** A small TypeScript project: an entry importing a module, lazily another, and reading a file beside it. */
function project(): CompiledCliPlace & { write(file: string, text: string): void } {
  const root = mkdtempSync(join(tmpdir(), 'cc-compiled-'));
  // Written a minute ago: a source modified while a build reads it is (rightly) never recorded as fresh.
  const write = (file: string, text: string) => {
    writeFileSync(join(root, file), text);
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, file), past, past);
  };
  write('entry.ts', [
    "import { readFileSync } from 'node:fs';",
    "import { value } from './dep.js';",
    'export const answer: number = value;',
    "export const beside: string = readFileSync(new URL('./data.txt', import.meta.url), 'utf8');",
    "export async function later(): Promise<string> { return (await import('./lazy.js')).lazy; }",
  ].join('\n'));
  write('dep.ts', 'export const value: number = 1;\n');
  write('lazy.ts', "export const lazy: string = 'loaded on demand';\n");
  write('data.txt', 'next to the source');
  return { root, entry: join(root, 'entry.ts'), cache: join(root, 'cache'), write };
}

describe('compiledCli', () => {
  const p = project();
  afterAll(() => rmSync(p.root, { recursive: true, force: true }));

  it('compiles the entry once, keeps each module\'s own import.meta.url and lazy imports, and rebuilds when a source changes', async () => {
    const first = await compiledCli(p);
    expect(first.answer).toBe(1);
    // import.meta.url is the source file's: a file beside it is found, though the code runs from the cache.
    expect(first.beside).toBe('next to the source');
    await expect(first.later()).resolves.toBe('loaded on demand');
    const manifest = JSON.parse(readFileSync(join(p.cache, 'current.json'), 'utf8')) as { dir: string; inputs: Record<string, unknown> };
    expect(Object.keys(manifest.inputs).sort()).toEqual(['dep.ts', 'entry.ts', 'lazy.ts']);

    // Unchanged sources: the same compiled copy.
    await compiledCli(p);
    expect(JSON.parse(readFileSync(join(p.cache, 'current.json'), 'utf8')).dir).toBe(manifest.dir);

    // An edited source (new size and time): a new copy with the new code.
    p.write('dep.ts', 'export const value: number = 42;\n');
    const second = await compiledCli(p);
    expect(second.answer).toBe(42);
    expect(JSON.parse(readFileSync(join(p.cache, 'current.json'), 'utf8')).dir).not.toBe(manifest.dir);
  });

  it('gives way to tsx when asked (CONFORMANCE_NO_COMPILE=1) or when the entry cannot be compiled', async () => {
    const saved = process.env.CONFORMANCE_NO_COMPILE;
    process.env.CONFORMANCE_NO_COMPILE = '1';
    try {
      await expect(compiledCli(p)).resolves.toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.CONFORMANCE_NO_COMPILE;
      else process.env.CONFORMANCE_NO_COMPILE = saved;
    }
    const broken = project();
    broken.write('entry.ts', "import { nothing } from './missing.js';\nexport const x = nothing;\n");
    try {
      await expect(compiledCli(broken)).resolves.toBeUndefined();
    } finally {
      rmSync(broken.root, { recursive: true, force: true });
    }
  });
});
