import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, workDir } from './runCli.fixture.js';

/** Mistakes a user makes in the first hour: each is one line on stderr and exit 2, never a stack. */
const work = workDir();
afterAll(() => work.remove());

function oneLineExit2(ran: { code: number | null; stderr: string }, message: RegExp): void {
  expect(ran.code, ran.stderr).toBe(2);
  expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  expect(ran.stderr).toMatch(message);
  expect(ran.stderr).not.toMatch(/\n\s+at /);
}

describe('bad input to the tool', { concurrent: true }, () => {
  it.each([
    [['--runs', 'abc'], /--runs must be a whole number/],
    [['--target', 'nope'], /nope/],
    [['--endpoint', 'not a url'], /not a url|URL/i],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['spec', '--nope'], /Unknown option/],
    [['--rules', 'no.such.rule*'], /matches no rule id/],
    [['--transport', 'nope'], /--transport must be http or sdk, got "nope"/],
    [['--name', ' '], /--name needs a value/],
  ])('%j: one line, exit 2', async (args, message) => {
    oneLineExit2(await runCli(args), message);
  });

  it('an unreachable target: one line, exit 2, within 10 seconds', async () => {
    const ran = await runCli(['--endpoint', 'http://127.0.0.1:1', '--region', 'us-east-1', '--out', join(work.dir, 'unreachable')]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(/E_TARGET_UNREACHABLE: .*127\.0\.0\.1:1/);
    expect(ran.ms).toBeLessThan(10_000);
  });
});

describe('unusable output and baseline paths fail before the first request', { concurrent: true }, () => {
  // A target that counts what reaches it: none of these runs may send it anything.
  let server: Server;
  let endpoint: string;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const target = () => ['--endpoint', endpoint, '--region', 'us-east-1'];
  const notABaseline = () => {
    const path = join(work.dir, 'not-a-baseline.json');
    writeFileSync(path, JSON.stringify({ hello: 'world' }));
    return path;
  };
  const notJson = () => {
    const path = join(work.dir, 'not-json.json');
    writeFileSync(path, 'known gaps: none');
    return path;
  };

  it.each([
    ['--out under /proc', () => ['--out', '/proc/forbidden/dir'], /--out \/proc\/forbidden\/dir: cannot create the directory/],
    ['--out that is a file', () => ['--out', notJson()], /--out .*not-json\.json: cannot create the directory \(EEXIST\)|is not a directory/],
    ['a --baseline that does not exist', () => ['--out', join(work.dir, 'out'), '--baseline', join(work.dir, 'missing.json')], /E_CONFIG: baseline .*missing\.json: cannot read it \(no such file\)/],
    ['a --baseline that is not a baseline', () => ['--out', join(work.dir, 'out'), '--baseline', notABaseline()], /E_CONFIG: baseline .*not-a-baseline\.json: /],
    ['a --baseline that is not JSON', () => ['--out', join(work.dir, 'out'), '--baseline', notJson()], /E_CONFIG: baseline .*not-json\.json: not JSON/],
    ['--update-baseline into /proc', () => ['--out', join(work.dir, 'out'), '--update-baseline', '--baseline', '/proc/forbidden/b.json'], /--baseline \/proc\/forbidden\/b\.json: cannot create its directory/],
  ])('%s: one line, exit 2, nothing sent', async (_what, args, message) => {
    const before = requests;
    const ran = await runCli([...target(), ...args()]);
    oneLineExit2(ran, message);
    expect(requests).toBe(before);
  });

  it('--out under /proc with the embedded default: one line, exit 2', async () => {
    oneLineExit2(await runCli(['--out', '/proc/forbidden/dir']), /--out \/proc\/forbidden\/dir: cannot create the directory/);
  });
});
