import { describe, expect, it } from 'vitest';
import { classifySdkTransportFailure } from './sdkTransportFailure.js';

const timeout = Object.assign(new Error('@smithy/node-http-handler - the request socket timed out'), { name: 'TimeoutError' });
const limits = { connectTimeoutMs: 2_500, socketTimeoutMs: 30_000 };

describe('classifySdkTransportFailure', () => {
  it('classifies coded socket errors as the HTTP target does, even renamed TimeoutError by the handler', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(classifySdkTransportFailure(refused, { sinceHandedMs: 1, ...limits })).toMatchObject({ code: 'E_TARGET_UNREACHABLE', cause: 'ECONNREFUSED', beforeSend: true });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });
    expect(classifySdkTransportFailure(reset, { sinceHandedMs: 1, ...limits })).toMatchObject({ code: 'E_TARGET_UNREACHABLE', cause: 'ECONNRESET', beforeSend: false });
  });

  it('a TimeoutError sooner than the socket timeout is the connect timer: nothing was sent', () => {
    expect(classifySdkTransportFailure(timeout, { sinceHandedMs: 2_501, ...limits })).toEqual({
      code: 'E_TARGET_TIMEOUT', cause: 'TimeoutError', beforeSend: true, transient: true, description: 'no connection within 2500 ms',
    });
  });

  it('a TimeoutError after the socket timeout may have reached the server', () => {
    expect(classifySdkTransportFailure(timeout, { sinceHandedMs: 30_001, ...limits })).toMatchObject({ code: 'E_TARGET_TIMEOUT', beforeSend: false, description: 'no answer for 30000 ms' });
    // Timers that do not separate by time are read the safe way: maybe sent.
    expect(classifySdkTransportFailure(timeout, { sinceHandedMs: 10, connectTimeoutMs: 500, socketTimeoutMs: 500 })).toMatchObject({ beforeSend: false });
  });

  it('anything else is not a transport failure', () => {
    expect(classifySdkTransportFailure(new TypeError('Invalid URL'), { sinceHandedMs: 1, ...limits })).toBeUndefined();
    expect(classifySdkTransportFailure('boom', { sinceHandedMs: 1, ...limits })).toBeUndefined();
  });
});
