import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../harnessError.js';
import { resolveSdkSource, SDK_PACKAGE } from './sdkSource.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const floorDir = join(root, 'node_modules', 'aws-sdk-cognito-floor');
const toolDir = join(root, 'node_modules', '@aws-sdk', 'client-cognito-identity-provider');
// realpath: the OS temporary folder may be reached through a symlink (macOS), Node resolves through it.
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'sdk-source-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder with a package.json (and an entry file) as npm would lay it out. */
function fakePackage(dir: string, pkg: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ main: './index.js', ...pkg }));
  writeFileSync(join(dir, 'index.js'), 'module.exports = {};\n');
  return dir;
}

function harnessError(f: () => unknown): HarnessError {
  try {
    f();
  } catch (err) {
    if (err instanceof HarnessError) return err;
    throw err;
  }
  throw new Error('expected a HarnessError');
}

describe('resolveSdkSource', () => {
  it('--sdk-from the package folder itself: an npm-alias install is recognised by the name in its package.json', () => {
    const s = resolveSdkSource({ from: floorDir, cwd: root });
    expect(s).toMatchObject({ version: '3.521.0', packageDir: floorDir, kind: 'sdk-from', origin: 'node_modules/aws-sdk-cognito-floor (--sdk-from)' });
    expect(s.entry).toBe(join(floorDir, 'dist-cjs', 'index.js'));
  });

  it('--sdk-from an app folder: the package is resolved from there, as the app itself would load it', () => {
    const app = join(scratch, 'app');
    fakePackage(app, { name: 'my-app', version: '1.0.0' });
    const pkg = fakePackage(join(app, 'node_modules', ...SDK_PACKAGE.split('/')), { name: SDK_PACKAGE, version: '3.1178.0' });
    const s = resolveSdkSource({ from: 'app', cwd: scratch, fromLabel: 'CONFORMANCE_SDK_FROM' });
    expect(s).toMatchObject({ version: '3.1178.0', packageDir: pkg, entry: join(pkg, 'index.js'), kind: 'sdk-from' });
    expect(s.origin).toBe(`app/node_modules/${SDK_PACKAGE} (CONFORMANCE_SDK_FROM)`);
  });

  it('without --sdk-from: the working directory\'s node_modules (the app the tool runs in), from a folder below it too', () => {
    const app = join(scratch, 'project');
    const pkg = fakePackage(join(app, 'node_modules', ...SDK_PACKAGE.split('/')), { name: SDK_PACKAGE, version: '3.900.0' });
    mkdirSync(join(app, 'src'), { recursive: true });
    expect(resolveSdkSource({ cwd: app })).toMatchObject({ version: '3.900.0', packageDir: pkg, kind: 'project', origin: `node_modules/${SDK_PACKAGE} (the working directory's node_modules)` });
    expect(resolveSdkSource({ cwd: join(app, 'src') })).toMatchObject({ version: '3.900.0', kind: 'project' });
  });

  it("the tool's own copy hoisted into an app that does not depend on the SDK is named as such; in one that does, it is the app's", () => {
    const app = join(scratch, 'hoisted');
    fakePackage(app, { name: 'app-without-sdk', version: '1.0.0' });
    // The tool's own copy, as npm hoists it: the same folder the tool resolves.
    const linked = join(app, 'node_modules', '@aws-sdk');
    mkdirSync(linked, { recursive: true });
    symlinkSync(toolDir, join(linked, 'client-cognito-identity-provider'));
    const s = resolveSdkSource({ cwd: app });
    expect(s.origin).toBe(`${toolDir} (the working directory's node_modules; the tool's own copy, which the app does not depend on)`);
    // This repository depends on it: the same folder is the project's.
    expect(resolveSdkSource({ cwd: root }).origin).toBe(`node_modules/${SDK_PACKAGE} (the working directory's node_modules)`);
  });

  it("with none there: the tool's own copy", () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty, { recursive: true });
    const s = resolveSdkSource({ cwd: empty });
    expect(s).toMatchObject({ kind: 'tool', origin: "the tool's own copy", packageDir: toolDir });
    expect(s.version).toMatch(/^3\.\d+\.\d+$/);
  });

  it('an unusable --sdk-from is one E_CONFIG line naming the flag and the folder', () => {
    const missing = harnessError(() => resolveSdkSource({ from: 'no-such-dir', cwd: scratch }));
    expect(missing.code).toBe('E_CONFIG');
    expect(missing.message).toBe('--sdk-from no-such-dir: no such directory');

    mkdirSync(join(scratch, 'bare'), { recursive: true });
    const bare = harnessError(() => resolveSdkSource({ from: 'bare', cwd: scratch }));
    expect(bare.code).toBe('E_CONFIG');
    expect(bare.message).toMatch(new RegExp(`^--sdk-from bare: not ${SDK_PACKAGE} itself .* cannot be resolved from there`));
    expect(bare.message).not.toContain('\n');

    fakePackage(join(scratch, 'noversion'), { name: SDK_PACKAGE });
    expect(harnessError(() => resolveSdkSource({ from: 'noversion', cwd: scratch })).message).toBe('--sdk-from noversion: its package.json has no version like 3.900.0');
  });
});
