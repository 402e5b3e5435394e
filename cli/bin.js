#!/usr/bin/env node
// The package's bin. It runs the TypeScript CLI from a compiled copy kept up to date in
// node_modules/.cache (compiledCli.js says why and how), else through tsx's loader, so that no
// build step is ever needed.
import { setFlagsFromString } from 'node:v8';
import { compiledCli } from './compiledCli.js';

// The old generation grows by 10% at each collection rather than by V8's own factor (up to 2x):
// a run's heap then stays near what it keeps, the same at --runs 25 as at --runs 400 (about
// 135 MiB for the process), at no measurable cost in time (issue 10). The flag is read at every
// collection, so setting it now takes effect.
setFlagsFromString('--heap-growing-percent=10');

let cli = await compiledCli();
if (cli === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('./main.ts');
}
const { main, quietOnClosedPipe } = cli;
quietOnClosedPipe();
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const code = err?.code && !String(err.code).startsWith('ERR_PARSE_ARGS') ? `${err.code}: ` : '';
  process.stderr.write(`cognito-conformance: ${code}${err?.message ?? err}\n`);
  process.exitCode = 2;
}
