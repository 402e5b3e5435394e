import { AWS_QUOTA_RATES, type QuotaRates } from './quotaLimiter.js';

/** `--pool-rps` and `--account-rps` as given (runner/runSettings.ts). */
export interface GivenRates {
  poolRps?: number;
  accountRps?: number;
}

/**
 * The quotas a run keeps to. Against AWS, Cognito's documented defaults (5 requests per second per
 * operation in one user pool, 15 per category per account: quotaLimiter.ts,
 * cognitoQuotaCategory.ts) unless overridden; a sandbox account with raised quotas passes its
 * own. Emulators have no quota, so none applies unless one is given (the run's limiter then learns
 * the rate from the first throttling answer, if any); one given alone is then the limit for both.
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
