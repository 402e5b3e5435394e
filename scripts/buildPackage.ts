import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The data files that compiled modules read beside themselves (through `new URL(…, import.meta.url)`),
 * as globs relative to the package root: the recorded-exchange schema (targets/recording/readRecordings.ts),
 * the contract's evidence corpus (runner/evidenceCorpus.ts, for `contract`) and the shipped
 * cognito-local baseline (cli/runCommand.ts, the default run's known gaps). Each is copied to the
 * same relative place under dist/, so the same relative URL finds it from the sources and from the
 * build. Globs rather than names: a module moved into a sub-folder keeps its data with it. The
 * packed-package test checks that every such URL in the build resolves.
 */
export const PACKAGE_DATA: readonly string[] = ['**/*.schema.json', 'contract/evidence/*.jsonl', 'reports/baselines/*.json'];

export interface BuiltPackage {
  /** Files written under outDir, relative to it: compiled JavaScript and declarations. */
  emitted: string[];
  /** Data files copied under outDir, relative to it. */
  data: string[];
}

/** `**` any folders (none included), `*` any name part; nothing else is special. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .split('/')
    .map((part) => (part === '**' ? '(?:[^/]+/)*' : `${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}/`))
    .join('');
  return new RegExp(`^${body.slice(0, -1)}$`);
}

/** Files under dir, relative to root with `/` separators; no dot-folders, node_modules or the build itself. */
function filesUnder(root: string, dir: string, skip: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || path === skip) continue;
      out.push(...filesUnder(root, path, skip));
    } else if (entry.isFile()) {
      out.push(relative(root, path).split(sep).join('/'));
    }
  }
  return out;
}

/**
 * Builds what the package ships: tsconfig.build.json's program (the library entry index.ts and the
 * CLI entry cli/main.ts with every module they import, so tests, suites, fakes and benches, which
 * neither imports, stay out) compiled to JavaScript and declarations under a fresh outDir, then
 * the data files those modules read. Only the top-level folders that hold compiled modules are
 * searched for data, so the fakes' fixtures (testing/) or a stray report never ship.
 * Throws with tsc's diagnostics when the program has errors.
 */
export function buildPackage(root: string): BuiltPackage {
  const configFile = join(root, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`${configFile}: cannot be read`);
  const outDir = parsed.options.outDir;
  if (outDir === undefined) throw new Error(`${configFile}: no outDir`);
  rmSync(outDir, { recursive: true, force: true });

  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, configFileParsingDiagnostics: parsed.errors });
  const emitted: string[] = [];
  const result = program.emit(undefined, (file, text) => {
    mkdirSync(dirname(file), { recursive: true });
    ts.sys.writeFile(file, text);
    emitted.push(relative(outDir, file).split(sep).join('/'));
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(ts.formatDiagnostics(diagnostics, host).trimEnd());
  }

  const sourceFolders = new Set(
    program
      .getSourceFiles()
      .map((f) => relative(root, f.fileName).split(sep))
      .filter((parts) => parts.length > 1 && parts[0] !== '..' && parts[0] !== 'node_modules')
      .map((parts) => parts[0]!),
  );
  const patterns = PACKAGE_DATA.map(globRegExp);
  const data: string[] = [];
  for (const folder of [...sourceFolders].sort()) {
    for (const file of filesUnder(root, join(root, folder), outDir)) {
      if (!patterns.some((p) => p.test(file))) continue;
      mkdirSync(dirname(join(outDir, file)), { recursive: true });
      copyFileSync(join(root, file), join(outDir, file));
      data.push(file);
    }
  }
  return { emitted: emitted.sort(), data: data.sort() };
}

// `npm run build` (and so `npm pack` and `npm publish`, through prepack).
if (process.argv[1] !== undefined && /scripts[\\/]buildPackage\.ts$/.test(process.argv[1])) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const built = buildPackage(root);
    process.stdout.write(`dist/: ${built.emitted.length} compiled files, ${built.data.length} data files (${built.data.join(', ')})\n`);
  } catch (err) {
    process.stderr.write(`build: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
