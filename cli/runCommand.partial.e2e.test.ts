import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackHttpServer } from '../testing/loopbackHttpServer.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { runCli, workDir } from './runCli.fixture.js';

/**
 * What a user sees when the endpoint cannot give the run a pool: one line on stderr, exit 2, no
 * stack. In process, runner/partialTargets.test.ts proves the runs that do go on.
 */
const work = workDir();
let web: LoopbackHttpServer;
let noPools: FakeCognito;
beforeAll(async () => {
  web = await listenOnLoopback((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html>\n<html><body>Not Found</body></html>');
  });
  noPools = await startFakeCognito({ lacking: new Set(['CreateUserPool']) });
});
afterAll(async () => {
  await web.close();
  await noPools.close();
  work.remove();
});

describe('run against an endpoint that cannot give it a pool', { concurrent: true }, () => {
  it('a plain web server: E_NOT_COGNITO in one line, exit 2', async () => {
    const ran = await runCli(['--endpoint', web.endpoint, '--region', 'us-east-1', '--out', join(work.dir, 'web')]);
    expect(ran.code, ran.stderr).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(new RegExp(`^cognito-conformance: E_NOT_COGNITO: ${web.endpoint}/? does not answer as Cognito: CreateUserPool, ListUserPools, DescribeUserPoolClient all got HTTP 404 text/html: Not Found\\.`));
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });

  it('a Cognito without CreateUserPool: E_FIXTURE in one line suggesting --user-pool-id, exit 2', async () => {
    const ran = await runCli(['--endpoint', noPools.endpoint, '--region', 'us-east-1', '--out', join(work.dir, 'nopools')]);
    expect(ran.code, ran.stderr).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(/^cognito-conformance: E_FIXTURE: CreateUserPool failed on .* This target lacks CreateUserPool; to judge it anyway, run against a pool that exists there: --user-pool-id ID\n$/);
  });
});
