import { describe, expect, it } from 'vitest';
import type { NetworkFailure } from '../transports/networkFailure.js';
import { backoff, DEFAULT_RETRY_POLICY, isReadOnlyOperation, nextRetryDelay } from './retryPolicy.js';

const half = () => 0.5;
const refused: NetworkFailure = { code: 'E_TARGET_UNREACHABLE', cause: 'ECONNREFUSED', beforeSend: true, transient: true, description: '' };
const reset: NetworkFailure = { code: 'E_TARGET_UNREACHABLE', cause: 'ECONNRESET', beforeSend: false, transient: true, description: '' };
const dns: NetworkFailure = { code: 'E_TARGET_UNREACHABLE', cause: 'ENOTFOUND', beforeSend: true, transient: false, description: '' };

describe('nextRetryDelay', () => {
  const p = DEFAULT_RETRY_POLICY;

  it('retries throttling with a growing delay up to maxThrottleAttempts', () => {
    const throttled = { kind: 'answer', exchange: { status: 400, errorType: 'TooManyRequestsException' } } as const;
    expect(nextRetryDelay(p, 'CreateUserPoolClient', throttled, 1, 0, half)).toBe(375);
    expect(nextRetryDelay(p, 'CreateUserPoolClient', throttled, 2, 0, half)).toBe(750);
    expect(nextRetryDelay(p, 'CreateUserPoolClient', throttled, p.maxThrottleAttempts, 0, half)).toBeUndefined();
    expect(nextRetryDelay(p, 'X', { kind: 'answer', exchange: { status: 429 } }, 1, 0, half)).toBeDefined();
  });

  it('never retries an ordinary answer', () => {
    expect(nextRetryDelay(p, 'X', { kind: 'answer', exchange: { status: 400, errorType: 'InvalidParameterException' } }, 1, 0)).toBeUndefined();
    expect(nextRetryDelay(p, 'X', { kind: 'answer', exchange: { status: 200 } }, 1, 0)).toBeUndefined();
  });

  it('retries a refused connection a few times within the time budget', () => {
    expect(nextRetryDelay(p, 'CreateUserPoolClient', { kind: 'failure', failure: refused }, 1, 0, half)).toBe(75);
    expect(nextRetryDelay(p, 'CreateUserPoolClient', { kind: 'failure', failure: refused }, p.maxConnectAttempts, 0)).toBeUndefined();
    expect(nextRetryDelay(p, 'CreateUserPoolClient', { kind: 'failure', failure: refused }, 1, p.connectBudgetMs)).toBeUndefined();
  });

  it('retries a failure after sending only for reads, and never a permanent failure', () => {
    expect(nextRetryDelay(p, 'ListUserPoolClients', { kind: 'failure', failure: reset }, 1, 0)).toBeDefined();
    expect(nextRetryDelay(p, 'CreateUserPoolClient', { kind: 'failure', failure: reset }, 1, 0)).toBeUndefined();
    expect(nextRetryDelay(p, 'ListUserPools', { kind: 'failure', failure: dns }, 1, 0)).toBeUndefined();
  });
});

describe('backoff and isReadOnlyOperation', () => {
  it('caps at maxMs and keeps half of the step fixed', () => {
    expect(backoff(100, 1000, 10, () => 0)).toBe(500);
    expect(backoff(100, 1000, 10, () => 1)).toBe(1000);
  });

  it('knows reads by their verb', () => {
    expect(isReadOnlyOperation('DescribeUserPoolClient')).toBe(true);
    expect(isReadOnlyOperation('DeleteUserPoolClient')).toBe(false);
  });
});
