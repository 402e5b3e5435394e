#!/usr/bin/env node
// The package's bin: runs the TypeScript CLI through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main, quietOnClosedPipe } = await import('./main.ts');
quietOnClosedPipe();
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const code = err?.code && !String(err.code).startsWith('ERR_PARSE_ARGS') ? `${err.code}: ` : '';
  process.stderr.write(`cognito-conformance: ${code}${err?.message ?? err}\n`);
  process.exitCode = 2;
}
