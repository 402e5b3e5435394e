import type { HarnessEvent } from '../reports/runReport.js';
import type { QuotaCounts, QuotaRates } from '../targets/pacing/quotaLimiter.js';

/**
 * The run's traffic under its quotas as a harness event for the report (report.json
 * `harnessEvents`, a line in every summary): requests sent (retries included), answers that asked
 * to slow down, retries, the time requests waited for a quota slot and how often the rate was
 * lowered. Throttling is the account's load, never a verdict. Undefined when there is nothing to
 * say: no quota and no throttling (an emulator that never pushed back).
 */
export function throttlingEvent(counts: QuotaCounts, quotas: QuotaRates | undefined): HarnessEvent | undefined {
  if (quotas === undefined && counts.throttled === 0) return undefined;
  const limits = quotas === undefined
    ? 'no quota configured: rates learned from the throttling answers'
    : `quotas ${quotas.poolWritesPerSecond}/s per operation per pool, ${quotas.accountWritesPerSecond}/s per category per account`;
  const message = `${counts.sent} requests sent (${limits}): ${counts.throttled} answered with throttling, ${counts.retried} retries, ` +
    `${(counts.waitedMs / 1000).toFixed(1)} s waited for a quota slot in all, rate lowered ${counts.rateDecreases} times`;
  return {
    code: 'throttling',
    message,
    counts: { sent: counts.sent, throttled: counts.throttled, retried: counts.retried, waitedMs: Math.round(counts.waitedMs), rateDecreases: counts.rateDecreases },
  };
}
