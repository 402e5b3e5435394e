#!/usr/bin/env node
// The package's bin. In the installed package it runs the compiled build (dist/, made by
// `npm run build` before every pack: scripts/buildPackage.ts), with plain node. In the repo, where
// the TypeScript sources sit beside this file, it runs them: from a compiled copy kept up to date
// in node_modules/.cache (compiledCli.js says why and how), else through tsx's loader, so that no
// build step is ever needed there and a stale dist/ is never run.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// The old generation grows by 10% at each collection rather than by V8's own factor (up to 2x):
// a run's heap then stays near what it keeps, the same at --runs 25 as at --runs 400 (about
// 135 MiB for the process), at no measurable cost in time (issue 10). The flag is read at every
// collection, so setting it now takes effect.
setFlagsFromString('--heap-growing-percent=10');

/** The CLI from its TypeScript sources (the repo): compiled copy, else tsx (a devDependency). */
async function sourceCli() {
  const { compiledCli } = await import('./compiledCli.js');
  const compiled = await compiledCli();
  if (compiled !== undefined) return compiled;
  const { register } = await import('tsx/esm/api');
  register();
  return import('./main.ts');
}

// The published files hold this bin and dist/ only (package.json "files"), never main.ts.
const cli = existsSync(new URL('./main.ts', import.meta.url)) ? await sourceCli() : await import('../dist/cli/main.js');
const { main, quietOnClosedPipe } = cli;
quietOnClosedPipe();
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const code = err?.code && !String(err.code).startsWith('ERR_PARSE_ARGS') ? `${err.code}: ` : '';
  process.stderr.write(`cognito-conformance: ${code}${err?.message ?? err}\n`);
  process.exitCode = 2;
}
