#!/usr/bin/env node
// The package's bin. It runs the TypeScript CLI from a compiled copy kept up to date in
// node_modules/.cache (compiledCli.js says why and how), else through tsx's loader, so that no
// build step is ever needed.
import { compiledCli } from './compiledCli.js';

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
