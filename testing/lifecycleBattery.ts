import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { recordedExchangeOf } from '../runner/recordedExchangeOf.js';
import type { Exchange } from '../targets/exchange.js';
import { lifecycleJudges } from '../oracles/lifecycleJudges.js';
import type { Verdict } from '../oracles/verdict.js';
import { randomBase32Hex } from './randomBase32Hex.js';
import { sendToFake } from './sendToFake.js';
import { setUpBatteryPool } from './fakeBattery.js';

/**
 * The lifecycle battery (issue 17): one hand-built sequence of Create, Describe, Update, List and
 * Delete against the fake, judged after every exchange by every lifecycle judge — the proof,
 * independent of the generators and of fast-check, that each judge catches its planted fault
 * (lifecycleFaults.ts) and passes the clean fake. Hand-built so each rule meets the exchange it
 * needs: updates that omit members, name or not the name, refused updates (a token out of range,
 * client_credentials without a secret) and an accepted client_credentials update of a client with
 * one, listings of two per page, MaxResults 0 and 61, a double delete and lookups of the deleted and
 * of a ClientId never made.
 */
const RESOURCE_SERVER = 'https://api.example.com';
/** Longer than the dates rule needs between two writes on a millisecond clock (oracles/lifecycleDatesJudge.ts). */
const WRITE_GAP_MS = 25;
/** A listing is followed at most this far: the judges fail a never-ending one well before. */
const MAX_PAGES = 12;

export interface LifecycleBatteryResult {
  history: RecordedExchange[];
  verdicts: Verdict[];
}

export async function runLifecycleBattery(endpoint: string): Promise<LifecycleBatteryResult> {
  const pool = await setUpBatteryPool(endpoint);
  const P = pool.userPoolId;
  const history: RecordedExchange[] = [];
  const verdicts: Verdict[] = [];
  const send = async (operation: string, input: Record<string, unknown>): Promise<Exchange> => {
    const sentAt = Date.now();
    const e = await sendToFake(endpoint, operation, input);
    history.push(recordedExchangeOf(e, sentAt, pool));
    for (const j of lifecycleJudges) verdicts.push(...j.judge(history));
    return e;
  };
  const idOf = (e: Exchange) => String((e.body as { UserPoolClient: { ClientId: string } }).UserPoolClient.ClientId);
  const pause = () => new Promise((r) => setTimeout(r, WRITE_GAP_MS));
  const listAll = async (max: number) => {
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const e = await send('ListUserPoolClients', { UserPoolId: P, MaxResults: max, ...(token === undefined ? {} : { NextToken: token }) });
      const next = (e.body as { NextToken?: unknown } | undefined)?.NextToken;
      if (typeof next !== 'string' || verdicts.some((v) => !v.ok && v.ruleId === 'lifecycle.list-complete')) return;
      token = next;
    }
  };
  const read = `${RESOURCE_SERVER}/read`;
  const a = idOf(await send('CreateUserPoolClient', {
    UserPoolId: P, ClientName: 'web', GenerateSecret: true, RefreshTokenValidity: 10, AccessTokenValidity: 60,
    TokenValidityUnits: { AccessToken: 'minutes' }, ReadAttributes: ['email', 'custom:tier'], ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    CallbackURLs: ['https://app.example.com/cb'], AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], AllowedOAuthFlowsUserPoolClient: true,
    PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: false, AuthSessionValidity: 5,
  }));
  const b = idOf(await send('CreateUserPoolClient', { UserPoolId: P, ClientName: 'cli', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], EnableTokenRevocation: false }));
  const c = idOf(await send('CreateUserPoolClient', { UserPoolId: P, ClientName: 'third' }));
  await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: a });
  await pause();
  await send('UpdateUserPoolClient', { UserPoolId: P, ClientId: a, ClientName: 'web renamed', RefreshTokenValidity: 5 });
  await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: a });
  await pause();
  await send('UpdateUserPoolClient', { UserPoolId: P, ClientId: b, AccessTokenValidity: 2 });
  await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: b });
  await pause();
  await send('UpdateUserPoolClient', { UserPoolId: P, ClientId: b, ClientName: 'cli', AccessTokenValidity: 25 });
  const clientCredentials = { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: [read], AllowedOAuthFlowsUserPoolClient: true };
  await send('UpdateUserPoolClient', { UserPoolId: P, ClientId: b, ClientName: 'cli', ...clientCredentials });
  await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: b });
  await pause();
  await send('UpdateUserPoolClient', { UserPoolId: P, ClientId: a, ...clientCredentials });
  await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: a });
  await listAll(2);
  await send('ListUserPoolClients', { UserPoolId: P, MaxResults: 0 });
  await send('ListUserPoolClients', { UserPoolId: P, MaxResults: 61 });
  await send('DeleteUserPoolClient', { UserPoolId: P, ClientId: c });
  await send('DeleteUserPoolClient', { UserPoolId: P, ClientId: c });
  await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: c });
  await send('UpdateUserPoolClient', { UserPoolId: P, ClientId: c, ClientName: 'back' });
  await listAll(60);
  const never = randomBase32Hex(128);
  await send('DescribeUserPoolClient', { UserPoolId: P, ClientId: never });
  await send('UpdateUserPoolClient', { UserPoolId: P, ClientId: never, ClientName: 'nobody' });
  await send('DeleteUserPoolClient', { UserPoolId: P, ClientId: never });
  await send('DeleteUserPoolClient', { UserPoolId: P, ClientId: a });
  await send('DeleteUserPoolClient', { UserPoolId: P, ClientId: b });
  return { history, verdicts };
}
