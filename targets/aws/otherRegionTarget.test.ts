import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../testing/loopbackHttpServer.js';
import { startFakeCognito, type FakeCognito } from '../../testing/fakeCognito.js';
import { sendToFake } from '../../testing/sendToFake.js';
import { openOtherRegionTarget, otherRegionSettings } from './otherRegionTarget.js';
import type { TargetSettings } from '../targetSettings.js';

const LOCAL = { AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST', AWS_SECRET_ACCESS_KEY: 'localTestSecret' };

describe('the target in the second region', () => {
  let fake: FakeCognito;
  let main: TargetSettings;
  beforeAll(async () => {
    fake = await startFakeCognito();
    main = { name: 'fake', kind: 'emulator', endpoint: `${fake.endpoint}/`, region: 'us-east-1', transport: 'http', credentials: 'local', concurrency: 2 };
  });
  afterAll(() => fake.close());

  it('is the main target signed for the other region, at the main endpoint unless given one', () => {
    expect(otherRegionSettings(main, { region: 'us-west-2' })).toEqual({ ...main, region: 'us-west-2' });
    expect(otherRegionSettings(main, { region: 'eu-west-1', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/' }).endpoint).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
  });

  it('signs for its region: the fake does not find a us-east-1 pool through it', async () => {
    const made = await sendToFake(fake.endpoint, 'CreateUserPool', { PoolName: 'home' }, 'us-east-1');
    const id = (made.body as { UserPool: { Id: string } }).UserPool.Id;
    const other = await openOtherRegionTarget(otherRegionSettings(main, { region: 'us-west-2' }), { env: LOCAL });
    try {
      const e = await other.send('CreateUserPoolClient', { UserPoolId: id, ClientName: 'x' });
      expect([e.status, e.errorType, e.errorMessage]).toEqual([400, 'ResourceNotFoundException', `User pool ${id} does not exist.`]);
      expect(other.info.region).toBe('us-west-2');
    } finally {
      await other.close();
    }
  });

  it('turns a refusal of the credentials into a harness error, not a verdict', async () => {
    const denying = await listenOnLoopback((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized in this region' }));
    });
    const other = await openOtherRegionTarget({ ...main, endpoint: `${denying.endpoint}/`, region: 'eu-west-1' }, { env: LOCAL });
    try {
      await expect(other.send('CreateUserPoolClient', { UserPoolId: 'us-east-1_abcdefghi', ClientName: 'x' })).rejects.toMatchObject({
        code: 'E_CREDENTIALS', message: expect.stringMatching(/second region eu-west-1 .* refused the run's credentials: AccessDeniedException/),
      });
    } finally {
      await other.close();
      await denying.close();
    }
  });
});
