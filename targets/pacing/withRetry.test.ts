import { describe, expect, it } from 'vitest';
import type { Exchange, TargetInfo } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { TransportFailure, type NetworkFailure } from '../transports/networkFailure.js';
import { withRetry, type SendAttempt } from './withRetry.js';

const info: TargetInfo = { name: 'fake', endpoint: 'http://127.0.0.1:9/', region: 'us-east-1', transport: 'http' };
const fast = { throttleBaseDelayMs: 1, connectBaseDelayMs: 1 };
const refused: NetworkFailure = { code: 'E_TARGET_UNREACHABLE', cause: 'ECONNREFUSED', beforeSend: true, transient: true, description: 'connection refused' };
const reset: NetworkFailure = { code: 'E_TARGET_UNREACHABLE', cause: 'ECONNRESET', beforeSend: false, transient: true, description: 'connection reset' };

function answer(status: number, errorType?: string, layer: Exchange['layer'] = 'server'): Exchange {
  return { operation: 'X', input: {}, status, headers: {}, body: undefined, rawBody: '', elapsedMs: 1, layer, ...(errorType ? { errorType } : {}) };
}

/** An attempt function that plays `script` in order and counts its calls. */
function scripted(script: (Exchange | NetworkFailure | Error)[]): SendAttempt & { calls: number } {
  const fn = Object.assign(async () => {
    const step = script[Math.min(fn.calls++, script.length - 1)];
    if (step instanceof Error) throw step;
    if ('cause' in step && 'beforeSend' in step) throw new TransportFailure(step, `socket said ${step.cause}`);
    return step;
  }, { calls: 0 });
  return fn;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);
}

describe('withRetry: the one retry of every transport', () => {
  it('retries throttling answers and counts the attempts on the final Exchange', async () => {
    const attempt = scripted([answer(400, 'TooManyRequestsException'), answer(429), answer(200)]);
    const ex = await withRetry(attempt, { info, retry: fast })('CreateUserPoolClient', {}, undefined);
    expect(ex).toMatchObject({ status: 200, attempts: 3 });
    expect(attempt.calls).toBe(3);
  });

  it('returns an ordinary answer, and a client library refusing to send, after one attempt', async () => {
    for (const final of [answer(400, 'InvalidParameterException'), answer(0, 'ThrottlingException', 'sdk-client')]) {
      const attempt = scripted([final]);
      expect(await withRetry(attempt, { info, retry: fast })('CreateUserPoolClient', {}, undefined)).toMatchObject({ status: final.status, attempts: 1 });
      expect(attempt.calls).toBe(1);
    }
  });

  it('never sends a create twice after a failure that may have reached the server; a read is retried', async () => {
    const create = scripted([reset, answer(200)]);
    const err = await rejection(withRetry(create, { info, retry: fast })('CreateUserPoolClient', {}, undefined));
    expect(err).toBeInstanceOf(HarnessError);
    expect((err as HarnessError).code).toBe('E_TARGET_UNREACHABLE');
    expect(create.calls).toBe(1);

    const read = scripted([reset, answer(200)]);
    expect(await withRetry(read, { info, retry: fast })('DescribeUserPoolClient', {}, undefined)).toMatchObject({ status: 200, attempts: 2 });
  });

  it('retries a refused connection, then fails in one line naming the target, the cause and the attempts', async () => {
    const attempt = scripted([refused]);
    const err = (await rejection(withRetry(attempt, { info, retry: fast, via: ' through the AWS SDK' })('CreateUserPoolClient', {}, undefined))) as HarnessError;
    expect(attempt.calls).toBe(3);
    expect(err.message).toMatch(/^CreateUserPoolClient: cannot reach fake at http:\/\/127\.0\.0\.1:9\/ through the AWS SDK: connection refused \(ECONNREFUSED\) after 3 attempts/);
    // The cause keeps the code and the first line only.
    expect(Object.keys(err.cause as object)).toEqual(['code']);
    expect((err.cause as Error).message).toBe('socket said ECONNREFUSED');
  });

  it('lets any other error through untouched, after one attempt', async () => {
    const credentials = new HarnessError('E_CREDENTIALS', 'no credentials');
    const attempt = scripted([credentials]);
    expect(await rejection(withRetry(attempt, { info, retry: fast })('ListUserPools', {}, undefined))).toBe(credentials);
    expect(attempt.calls).toBe(1);
  });

  it('an abort is E_INTERRUPTED, not retried', async () => {
    const controller = new AbortController();
    controller.abort();
    const attempt = scripted([refused]);
    const err = await rejection(withRetry(attempt, { info, retry: fast })('ListUserPools', {}, controller.signal));
    expect((err as HarnessError).code).toBe('E_INTERRUPTED');
    expect(attempt.calls).toBe(1);
  });
});
