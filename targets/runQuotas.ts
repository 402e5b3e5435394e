import { AWS_QUOTA_RATES, type QuotaRates } from './quotaLimiter.js';

/** `--pool-rps` and `--account-rps` as given (runner/runSettings.ts). */
export interface GivenRates {
  poolRps?: number;
  accountRps?: number;
}

/**
 * The quotas a run keeps to. Against AWS, Cognito's documented defaults (5 requests per second per
 * user pool, 15 per account, for the client write and read categories alike: quotaLimiter.ts)
 * unless overridden; a sandbox account with raised quotas passes its own. Emulators have no quota,
 * so none applies unless one is given; one given alone is then the limit for both, since a run
 * works in one pool (an emulator under test for throttling, or one that shares a machine).
 */
export function quotaRatesFor(kind: 'aws' | 'emulator', given: GivenRates = {}): QuotaRates | undefined {
  let pool: number;
  let account: number;
  if (kind === 'aws') {
    pool = given.poolRps ?? AWS_QUOTA_RATES.poolWritesPerSecond;
    account = given.accountRps ?? AWS_QUOTA_RATES.accountWritesPerSecond;
  } else {
    const either = given.poolRps ?? given.accountRps;
    if (either === undefined) return undefined;
    pool = given.poolRps ?? either;
    account = given.accountRps ?? either;
  }
  return { poolWritesPerSecond: pool, poolReadsPerSecond: pool, accountWritesPerSecond: account, accountReadsPerSecond: account };
}
