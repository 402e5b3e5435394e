import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usageError.js';

/**
 * Fails at once, in one line, when the run could not write `path` at its end: every output path
 * a command takes (`--out DIR`, a baseline it will write, any added later) goes through here
 * before the first request or emulator start, so a typo costs a second rather than a whole run.
 * `directory`: created when missing (the run would create it anyway), then written to and cleaned;
 * `file`: its directory so, and the file itself, when it exists, must not be a directory.
 */
export function checkOutputPath(path: string, what: { flag: string; kind: 'directory' | 'file' }): void {
  const fail = (problem: string): never => {
    throw new UsageError(`${what.flag} ${path}: ${problem}`);
  };
  const dir = what.kind === 'directory' ? path : dirname(path);
  if (what.kind === 'file' && isDirectory(path)) fail('is a directory, not a file');
  try {
    makeDirectories(dir);
  } catch (err) {
    fail(`cannot create ${what.kind === 'file' ? `its directory ${dir}` : 'the directory'} (${codeOf(err)})`);
  }
  if (!isDirectory(dir)) fail(`${what.kind === 'file' ? `${dir} ` : ''}is not a directory`);
  // access(W_OK) says yes to root on a read-only mount or in /proc: only a write tells.
  const probe = join(dir, `.cognito-conformance-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (err) {
    fail(`cannot write in ${what.kind === 'file' ? dir : 'it'} (${codeOf(err)})`);
  }
  rmSync(probe, { force: true });
}

/**
 * `mkdir -p`, one level at a time: Node 20's own `mkdirSync(dir, { recursive: true })` never
 * returns for a path under /proc (it retries the ENOENT forever), and that is the kind of path
 * this check exists for.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err));
}
