import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../harnessError.js';
import { loadSdk } from './loadSdk.js';
import { SDK_FLOOR } from './sdkFloor.js';
import { resolveSdkSource } from './sdkSource.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'load-sdk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SUITE_OPERATIONS = [
  'CreateUserPoolClient', 'DescribeUserPoolClient', 'ListUserPoolClients', 'DeleteUserPoolClient', 'UpdateUserPoolClient', 'CreateUserPool', 'DeleteUserPool',
  'DescribeUserPool', 'CreateResourceServer', 'CreateIdentityProvider', 'ListUserPools', 'DeleteResourceServer', 'DeleteIdentityProvider',
];

async function rejection(p: Promise<unknown>): Promise<HarnessError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof HarnessError)) throw new Error(`expected a HarnessError, got ${String(err)}`);
  return err;
}

describe('loadSdk', () => {
  it.each([
    ["the tool's own copy", () => resolveSdkSource({ cwd: root })],
    [`the floor (${SDK_FLOOR}, which exports no $Command)`, () => resolveSdkSource({ from: join(root, 'node_modules', 'aws-sdk-cognito-floor') })],
  ])('%s: the client and every Command class the suite sends, found by shape', async (_name, source) => {
    const sdk = await loadSdk(source());
    expect(typeof sdk.Client).toBe('function');
    for (const op of SUITE_OPERATIONS) expect(sdk.commandClass(op)?.name, op).toBe(`${op}Command`);
    // Exports that are not commands, and names that are not operations.
    expect(sdk.commandClass('CognitoIdentityProviderClient')).toBeUndefined();
    expect(sdk.commandClass('$')).toBeUndefined();
    expect(sdk.commandClass('FrobnicateUserPool')).toBeUndefined();
    expect(sdk.commandClass('../x')).toBeUndefined();
  });

  it('loads each copy once per process, and two copies side by side', async () => {
    const own = resolveSdkSource({ cwd: root });
    const floor = resolveSdkSource({ from: join(root, 'node_modules', 'aws-sdk-cognito-floor') });
    const [a, b, c] = await Promise.all([loadSdk(own), loadSdk(own), loadSdk(floor)]);
    expect(a).toBe(b);
    expect(c.Client).not.toBe(a.Client);
    expect(c.source.version).toBe(SDK_FLOOR);
  });

  it('refuses a release below the floor before importing it (its entry would throw if loaded)', async () => {
    const dir = join(scratch, 'old');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-cognito-identity-provider', version: '3.400.0', main: './index.js' }));
    writeFileSync(join(dir, 'index.js'), "throw new Error('imported');\n");
    const err = await rejection((async () => loadSdk(resolveSdkSource({ from: dir })))());
    expect(err.code).toBe('E_CONFIG');
    expect(err.message).toMatch(new RegExp(`3\\.400\\.0 from .* is older than ${SDK_FLOOR.replace(/\./g, '\\.')}`));
  });

  it('a package that cannot be imported, or exports no client, is one E_CONFIG line', async () => {
    const broken = join(scratch, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-cognito-identity-provider', version: '3.900.0', main: './index.js' }));
    writeFileSync(join(broken, 'index.js'), "throw new Error('half installed\\nsecond line');\n");
    const err = await rejection(loadSdk(resolveSdkSource({ from: broken })));
    expect(err.message).toMatch(/^cannot load @aws-sdk\/client-cognito-identity-provider 3\.900\.0 from .*: half installed$/);

    const empty = join(scratch, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-cognito-identity-provider', version: '3.900.0', main: './index.js' }));
    writeFileSync(join(empty, 'index.js'), 'module.exports = { CreateUserPoolClientCommand: class {} };\n');
    expect((await rejection(loadSdk(resolveSdkSource({ from: empty })))).message).toMatch(/exports no CognitoIdentityProviderClient$/);
  });
});
