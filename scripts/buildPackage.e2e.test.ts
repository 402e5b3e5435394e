import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appLockfile, type Lockfile, type PackedManifest } from './appLockfile.js';
import { unmetNeeds, unwantedPackedFiles } from './packageChecks.js';

/**
 * The package as a user gets it (issue 16 part 4): `npm pack` (which builds dist/ through
 * prepack: scripts/buildPackage.ts), the tarball installed into an empty app, then the bin and
 * the library entry used there with plain node. One pack and one install serve every check: they
 * are the cost (the build type-checks the program; the install links about 250 packages).
 *
 * The install is `npm ci --offline` of a lockfile made from the repository's (scripts/appLockfile.ts
 * says why): the dependencies come from the tarballs `npm ci` cached, so the test needs no network,
 * also on a fresh machine (and says so when the cache lacks one). `--ignore-scripts`: no
 * dependency's install script matters here (the only one, aws-sdk v2's under cognito-local,
 * prints a notice).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackedManifest & {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/**
 * A child without the parent's npm lifecycle variables (`npm test` sets them), so `npm pack` runs
 * its own prepack; npm offline throughout (npx included: it must find the installed bin, never fetch one).
 */
function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_lifecycle_') && !k.startsWith('npm_package_')));
  return spawnSync(command, args, { cwd, env: { ...env, NO_COLOR: '1', npm_config_offline: 'true' }, encoding: 'utf8', timeout: 200_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what}: exit ${result.status}\n${result.stderr.slice(-2000)}`);
  return result.stdout;
}

describe('the packed package', () => {
  let work = '';
  let app = '';
  let installed = '';
  let packed: string[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'cc-pack-'));
    // The build's own line shares stdout with npm's JSON: the JSON is the array that ends it.
    const out = ok(run('npm', ['pack', '--json', '--pack-destination', work], root), 'npm pack');
    const listing = JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string; integrity: string; files: { path: string }[] }[];
    const tarball = listing[0]!;
    packed = tarball.files.map((f) => f.path).sort();
    app = join(work, 'app');
    mkdirSync(app);
    const repoLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
    const { manifest, lock } = appLockfile(repoLock, pkg, { file: join('..', tarball.filename), integrity: tarball.integrity });
    writeFileSync(join(app, 'package.json'), JSON.stringify(manifest));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lock));
    const install = run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app);
    if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
      throw new Error('npm install --offline: a dependency is not in the npm cache; run `npm ci` first (it fills the cache)');
    }
    ok(install, 'npm install <tarball>');
    installed = join(app, 'node_modules', pkg.name);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships the compiled build with its data, and the bin: no sources, tests, benches, CI files, fakes or reports', () => {
    expect(packed).toEqual(expect.arrayContaining(['package.json', 'README.md', 'cli/bin.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js']));
    expect(unwantedPackedFiles(packed)).toEqual([]);
    // Besides code, dist/ holds the data its modules read (scripts/buildPackage.ts PACKAGE_DATA).
    const data = packed.filter((p) => p.startsWith('dist/') && !/\.(js|d\.ts)$/.test(p));
    expect(data).toContain('dist/reports/baselines/cognito-local.json');
    // Wherever targets/ keeps it: the folder may be grouped by concern.
    expect(data.filter((p) => /^dist\/targets\/(.+\/)?recordedExchange\.schema\.json$/.test(p))).toHaveLength(1);
    expect(data.filter((p) => /^dist\/contract\/evidence\/[^/]+\.jsonl$/.test(p)).length).toBeGreaterThan(0);
  });

  it('needs nothing it does not declare: every import is a dependency, every file read beside a module is there', () => {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
    expect(unmetNeeds(installed, declared, pkg.name)).toEqual([]);
  });

  it('runs `npx cognito-conformance --help` in the app with plain node', () => {
    const help = run('npx', ['cognito-conformance', '--help'], app);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cognito-conformance/);
  });

  it('reads its data from the installed build: `contract --json` lists the rules with the evidence records behind them', () => {
    const out = ok(run('npx', ['cognito-conformance', 'contract', '--json'], app), 'contract --json');
    const rules = (JSON.parse(out) as { rules: { id: string; observedIn: string[] }[] }).rules;
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.some((r) => r.observedIn.length > 0)).toBe(true);
  });

  it('is imported by plain node as `cognito-conformance`, with declarations for the compiled entry', () => {
    // Also, from inside: the commands the installed tool prints (replay, judge) start it as an app can.
    const script = [
      "const m = await import('cognito-conformance');",
      `const { cliInvocation } = await import(${JSON.stringify(pathToFileURL(join(installed, 'dist', 'reports', 'cliInvocation.js')).href)});`,
      'console.log(JSON.stringify({ rules: m.contract.rules.length, exports: Object.keys(m), invocation: cliInvocation() }));',
    ].join('\n');
    const out = JSON.parse(ok(run(process.execPath, ['--input-type=module', '-e', script], app), 'import')) as { rules: number; exports: string[]; invocation: string };
    expect(out.rules).toBeGreaterThan(100);
    expect(out.exports).toEqual(expect.arrayContaining(['contract', 'prepareRun', 'checkRule', 'buildRunReport']));
    expect(out.invocation).toBe('npx cognito-conformance');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { private?: boolean; exports: { '.': { types: string } } };
    expect(manifest.private).toBeUndefined();
    const types = join(installed, manifest.exports['.'].types);
    expect(existsSync(types)).toBe(true);
    expect(readFileSync(types, 'utf8')).toContain('export { contract, ruleById');
  });

  it('type-checks a TypeScript app against the shipped declarations (strict, nodenext), and refuses a name the entry lacks', () => {
    writeFileSync(join(app, 'uses.ts'), [
      "import { contract, ruleById, type Rule, type RunReport } from 'cognito-conformance';",
      'const first: Rule | undefined = contract.rules[0];',
      "export const id: string = ruleById(first?.id ?? '')?.id ?? '';",
      "export type ToolName = RunReport['tool']['name'];",
    ].join('\n'));
    // The planted misuse shares the one tsc run (a run costs seconds): its error must be the only one.
    writeFileSync(join(app, 'misuses.ts'), "import { notExported } from 'cognito-conformance';\nexport const x: number = notExported;\n");
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      files: ['uses.ts', 'misuses.ts'],
    }));
    const checked = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], app);
    const errors = checked.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors).toEqual([expect.stringMatching(/^misuses\.ts\(1,10\): error TS2305: .*has no exported member 'notExported'/)]);
  });
});
