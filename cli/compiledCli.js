// @ts-check
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The CLI compiled to plain JavaScript once, then imported from a cache, instead of through tsx's
 * loader on every start. The loader costs each start a hooks thread (about 37 MiB) and a round
 * trip per module (about 0.4 s for `run`'s 120-odd files): issue 10 measured `--help` at 0.4 s,
 * a replay at 1.5 s and the CLI alone at 160–190 MiB that way. Compiled, `--help` takes 0.1 s.
 *
 * Nothing for a user to do: the compiled copy is made with esbuild (tsx's own compiler) on the
 * first start after any of its source files changed, in about 0.3 s, under
 * node_modules/.cache/cognito-conformance/cli/. Fresh means: every source file the last build read
 * has the size and modification time it had then. Each module keeps its own `import.meta.url`
 * (replaced by its source file's URL), so files read relative to a module (baselines, schemas,
 * evidence) are found where they are; packages stay imports of node_modules; dynamic imports stay
 * separate chunks, so a command loads only what it uses. Anything unusual (no esbuild, a read-only
 * directory, a failed build) returns undefined and bin.js falls back to tsx.
 * CONFORMANCE_NO_COMPILE=1 always uses tsx (to debug with source line numbers).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bump when the way the compiled copy is built changes: older copies are then stale. */
const FORMAT = 1;
/** Older copies are removed once this old (a process may still be importing one). */
const KEEP_OLD_MS = 10 * 60_000;

/**
 * @typedef {{ format: number; node: string; dir: string; inputs: Record<string, [number, number]> }} Manifest
 * @typedef {{ root: string; entry: string; cache: string }} Place
 */

/** @type {Place} */
const CLI = { root: ROOT, entry: join(ROOT, 'cli', 'main.ts'), cache: join(ROOT, 'node_modules', '.cache', 'cognito-conformance', 'cli') };

/** @param {string} file @returns {[number, number] | undefined} */
function fingerprint(file) {
  try {
    const s = statSync(file);
    return [s.size, s.mtimeMs];
  } catch {
    return undefined;
  }
}

/** @param {Place} place @returns {Manifest | undefined} */
function freshManifest(place) {
  /** @type {Manifest} */
  let m;
  try {
    m = JSON.parse(readFileSync(join(place.cache, 'current.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (m.format !== FORMAT || m.node !== process.versions.node) return undefined;
  for (const [file, [size, mtime]] of Object.entries(m.inputs)) {
    const now = fingerprint(join(place.root, file));
    if (now === undefined || now[0] !== size || now[1] !== mtime) return undefined;
  }
  return m;
}

/** esbuild, as tsx depends on it (hoisted or under tsx). @returns {Promise<typeof import('esbuild') | undefined>} */
async function loadEsbuild() {
  const places = [() => join(ROOT, 'package.json'), () => createRequire(import.meta.url).resolve('tsx/package.json')];
  for (const place of places) {
    try {
      return await import(pathToFileURL(createRequire(place()).resolve('esbuild')).href);
    } catch {
      // Try the next place.
    }
  }
  return undefined;
}

/** @param {Place} place @returns {Promise<Manifest | undefined>} */
async function build(place) {
  const esbuild = await loadEsbuild();
  if (esbuild === undefined) return undefined;
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const dir = join(place.cache, id);
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  /** @type {import('esbuild').BuildResult<{ metafile: true }>} */
  let result;
  try {
    result = await esbuild.build({
      entryPoints: { main: place.entry },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      outdir: dir,
      absWorkingDir: place.root,
      outExtension: { '.js': '.mjs' },
      metafile: true,
      logLevel: 'silent',
      plugins: [{
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, async (args) => ({
            contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      }],
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  /** @type {Manifest['inputs']} */
  const inputs = {};
  // A source written while the build read it may be in the copy in either version: the copy is
  // used now but not recorded as fresh, so the next start builds again.
  let settled = true;
  for (const input of Object.keys(result.metafile?.inputs ?? {})) {
    const print = fingerprint(join(place.root, input));
    if (print === undefined) return undefined;
    if (print[1] >= started - 1) settled = false;
    inputs[relative(place.root, join(place.root, input))] = print;
  }
  /** @type {Manifest} */
  const manifest = { format: FORMAT, node: process.versions.node, dir: id, inputs };
  if (!settled) return manifest;
  const manifestFile = join(place.cache, 'current.json');
  const tmp = `${manifestFile}.${id}`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, manifestFile);
  removeOld(place.cache, id);
  return manifest;
}

/** @param {string} cache @param {string} keep */
function removeOld(cache, keep) {
  try {
    for (const name of readdirSync(cache)) {
      const path = join(cache, name);
      if (name === keep || name === 'current.json') continue;
      const s = statSync(path);
      if (Date.now() - s.mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Best effort: a leftover copy costs disk, not correctness.
  }
}

/**
 * The compiled CLI's `main` module, built first when stale; undefined when it cannot be had.
 * `place`: another entry and cache (tests).
 * @param {Place} [place]
 * @returns {Promise<any>}
 */
export async function compiledCli(place = CLI) {
  if (process.env.CONFORMANCE_NO_COMPILE === '1') return undefined;
  try {
    const manifest = freshManifest(place) ?? (await build(place));
    if (manifest === undefined) return undefined;
    return await import(pathToFileURL(join(place.cache, manifest.dir, 'main.mjs')).href);
  } catch {
    return undefined;
  }
}
