import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../harnessError.js';

/** The package the SDK transport sends through. */
export const SDK_PACKAGE = '@aws-sdk/client-cognito-identity-provider';

/**
 * Where the SDK came from: `--sdk-from DIR` (or CONFORMANCE_SDK_FROM), the node_modules nearest to
 * the working directory (the app the tool runs in), or the tool's own dependency.
 */
export type SdkOriginKind = 'sdk-from' | 'project' | 'tool';

/** One installed copy of the SDK, found but not loaded yet (loadSdk.ts loads it). */
export interface SdkSource {
  /** Its package.json `version`. */
  version: string;
  /** The package's own folder (the one holding its package.json). */
  packageDir: string;
  /** The file a dynamic import loads: the package's entry as Node's `require` resolves it. */
  entry: string;
  kind: SdkOriginKind;
  /** Where it came from, in words, for report.json (`target.sdkOrigin`) and the terminal header. */
  origin: string;
}

export interface SdkSourceOptions {
  /** `--sdk-from DIR` as given: an app folder to resolve the package from, or the package's own folder. */
  from?: string;
  /** How the setting is named in messages: `--sdk-from` (default) or `CONFORMANCE_SDK_FROM`. */
  fromLabel?: string;
  /** Where relative paths and the project's node_modules are resolved from; the process's by default. */
  cwd?: string;
}

interface PackageJson {
  name?: unknown;
  version?: unknown;
}

function readPackageJson(dir: string): PackageJson | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The package's folder above a file inside it: the nearest package.json that names the SDK. An
 * npm-alias install (`node_modules/<alias>/`) keeps the real name in its package.json, so the
 * name, not the folder, identifies it.
 */
function packageDirAbove(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (readPackageJson(dir)?.name === SDK_PACKAGE) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The SDK as Node resolves it from `dir` (its node_modules, then its parents'), or undefined. */
function resolvableFrom(dir: string): { entry: string; packageDir: string } | undefined {
  let entry: string;
  try {
    entry = createRequire(join(dir, 'noop.js')).resolve(SDK_PACKAGE);
  } catch {
    return undefined;
  }
  const packageDir = packageDirAbove(entry);
  return packageDir === undefined ? undefined : { entry, packageDir };
}

/** Whether the nearest package.json at or above `dir` (the app's) depends on the SDK in any way. */
function declaresSdk(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    const pkg = readPackageJson(d) as Record<string, unknown> | undefined;
    if (pkg !== undefined) {
      return ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].some((field) => {
        const deps = pkg[field];
        return typeof deps === 'object' && deps !== null && SDK_PACKAGE in deps;
      });
    }
    if (dirname(d) === d) return false;
  }
}

/** Relative to the working directory when below it (shorter, and the same on every clone); else absolute. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The tool's own dependency, as this file resolves it. */
function toolCopy(): { entry: string; packageDir: string } {
  const found = resolvableFrom(dirname(fileURLToPath(import.meta.url)));
  if (found === undefined) throw new HarnessError('E_CONFIG', `${SDK_PACKAGE} is not installed (neither in the working directory's node_modules nor as the tool's own dependency)`);
  return found;
}

function sourceAt(found: { entry: string; packageDir: string }, kind: SdkOriginKind, origin: string, problem: string): SdkSource {
  const version = readPackageJson(found.packageDir)?.version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new HarnessError('E_CONFIG', `${problem}: its package.json has no version like 3.900.0`);
  }
  return { version, packageDir: found.packageDir, entry: found.entry, kind, origin };
}

/**
 * Which copy of the SDK a run sends through: `--sdk-from DIR` when given, else the one Node
 * resolves from the working directory (the app the tool runs in: what the app itself ships),
 * else the tool's own. DIR is either the package's own folder (its package.json is named
 * `@aws-sdk/client-cognito-identity-provider`, as an npm-alias install under
 * `node_modules/<alias>/` is too) or a folder to resolve it from (an app). A DIR that is neither
 * is an E_CONFIG harness error, one line, before anything is started.
 */
export function resolveSdkSource(options: SdkSourceOptions = {}): SdkSource {
  const cwd = options.cwd ?? process.cwd();
  if (options.from !== undefined) {
    const label = `${options.fromLabel ?? '--sdk-from'} ${options.from}`;
    const dir = resolve(cwd, options.from);
    if (!isDirectory(dir)) throw new HarnessError('E_CONFIG', `${label}: no such directory`);
    let found: { entry: string; packageDir: string } | undefined;
    if (readPackageJson(dir)?.name === SDK_PACKAGE) {
      let entry: string;
      try {
        entry = createRequire(join(dir, 'noop.js')).resolve(dir);
      } catch {
        throw new HarnessError('E_CONFIG', `${label}: the package has no entry file Node can load (its package.json "main")`);
      }
      found = { entry, packageDir: dir };
    } else {
      found = resolvableFrom(dir);
    }
    if (found === undefined) {
      throw new HarnessError('E_CONFIG', `${label}: not ${SDK_PACKAGE} itself (a folder whose package.json names it) and ${SDK_PACKAGE} cannot be resolved from there (no node_modules/${SDK_PACKAGE} in it or above it)`);
    }
    return sourceAt(found, 'sdk-from', `${shown(found.packageDir, cwd)} (${options.fromLabel ?? '--sdk-from'})`, label);
  }
  const project = resolvableFrom(cwd);
  if (project !== undefined) {
    // npm hoists the tool's own dependency into the app's node_modules when the app has none: say
    // so, rather than let it pass for the app's choice.
    const hoisted = !declaresSdk(cwd) && resolvableFrom(dirname(fileURLToPath(import.meta.url)))?.packageDir === project.packageDir;
    const same = hoisted ? "; the tool's own copy, which the app does not depend on" : '';
    return sourceAt(project, 'project', `${shown(project.packageDir, cwd)} (the working directory's node_modules${same})`, `${SDK_PACKAGE} in ${project.packageDir}`);
  }
  const own = toolCopy();
  return sourceAt(own, 'tool', "the tool's own copy", `${SDK_PACKAGE} in ${own.packageDir}`);
}
