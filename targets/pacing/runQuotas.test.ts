import { describe, expect, it } from 'vitest';
import { AWS_QUOTA_RATES } from './quotaLimiter.js';
import { quotaRatesFor } from './runQuotas.js';

describe('quotaRatesFor', () => {
  it('keeps AWS to its documented defaults unless a flag overrides one', () => {
    expect(quotaRatesFor('aws')).toEqual(AWS_QUOTA_RATES);
    expect(quotaRatesFor('aws', { poolRps: 2 })).toEqual({ poolWritesPerSecond: 2, poolReadsPerSecond: 2, accountWritesPerSecond: 15, accountReadsPerSecond: 15 });
    expect(quotaRatesFor('aws', { accountRps: 30 })).toMatchObject({ poolWritesPerSecond: 5, accountWritesPerSecond: 30 });
  });

  it('leaves emulators unlimited unless given; one rate alone limits both', () => {
    expect(quotaRatesFor('emulator')).toBeUndefined();
    expect(quotaRatesFor('emulator', { poolRps: 5, accountRps: 15 })).toEqual(AWS_QUOTA_RATES);
    expect(quotaRatesFor('emulator', { accountRps: 7 })).toEqual({ poolWritesPerSecond: 7, poolReadsPerSecond: 7, accountWritesPerSecond: 7, accountReadsPerSecond: 7 });
  });
});
