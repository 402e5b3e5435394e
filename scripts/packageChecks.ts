import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Checks of a packed package (scripts/buildPackage.e2e.test.ts runs them on the real tarball;
 * packageChecks.test.ts shows each one flag a planted fault). Each returns its findings, one line
 * each; none is a pass.
 */

/** What may ship: the build, the bin, and what npm always adds. */
const SHIPPED = /^(dist\/.+|cli\/bin\.js|package\.json|README\.md|LICEN[CS]E(\.\w+)?)$/;

/**
 * Packed paths that should not ship: anything outside the allowed set, TypeScript sources (only
 * declarations ship), tests, suites, fixtures and vitest configs, and in dist/ only the folders
 * the library and the CLI are built from (no fakes, suites, benches, examples, scripts, and of reports/
 * only the baselines: run output never ships).
 */
export function unwantedPackedFiles(paths: readonly string[]): string[] {
  return paths.filter((p) =>
    !SHIPPED.test(p) ||
    (p.endsWith('.ts') && !p.endsWith('.d.ts')) ||
    /\.(test|e2e|suite|fixture|browser)\.|(^|\/)vitest\.config\./.test(p) ||
    /^dist\/(testing|suites|bench|examples|scripts|\.ci|docs)\//.test(p) ||
    /^dist\/reports\/(?!baselines\/)[^/]+\//.test(p),
  );
}

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`); undefined for a relative one or a built-in. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? undefined : name;
}

/** Every file under dir, relative to it with `/` separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/**
 * What the compiled modules under packageDir/dist need and the package lacks: an import (static,
 * dynamic, or `createRequire(import.meta.url)(…)`) of a package that is not among `declared`
 * (its dependencies, peer and optional dependencies; `self` is the package's own name), and a
 * file read beside a module (`new URL('…', import.meta.url)`) that is not there.
 */
export function unmetNeeds(packageDir: string, declared: ReadonlySet<string>, self: string): string[] {
  const found: string[] = [];
  const dist = join(packageDir, 'dist');
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.js'))) {
    const path = join(dist, file);
    const text = readFileSync(path, 'utf8');
    const specifiers = [
      // `from '…'` only where a statement begins (`import`/`export` at the start of a line): the
      // word "from" followed by a quote also occurs in messages (`… from ${dir} '…'`).
      ...text.matchAll(/^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*'([^']+)'/gm),
      ...text.matchAll(/^\s*import\s*'([^']+)'/gm),
      ...text.matchAll(/\bimport\s*\(\s*'([^']+)'/g),
      ...text.matchAll(/createRequire\(import\.meta\.url\)\(\s*'([^']+)'/g),
    ].map((m) => m[1]!);
    for (const spec of specifiers) {
      const name = packageOf(spec);
      if (name !== undefined && name !== self && !declared.has(name)) found.push(`dist/${file}: imports ${spec}, not a declared dependency`);
    }
    for (const [, rel] of text.matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)) {
      if (!existsSync(fileURLToPath(new URL(rel!, pathToFileURL(path))))) found.push(`dist/${file}: reads ${rel}, not in the package`);
    }
  }
  return found;
}
