import { describe, expect, it } from 'vitest';
import { classifyNetworkFailure } from './networkFailure.js';

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyNetworkFailure', () => {
  it('a refused connection is unreachable, before sending, transient', () => {
    expect(classifyNetworkFailure(coded('ECONNREFUSED'))).toMatchObject({ code: 'E_TARGET_UNREACHABLE', beforeSend: true, transient: true });
  });

  it('finds the code inside an AggregateError (several addresses) or a cause', () => {
    expect(classifyNetworkFailure(new AggregateError([coded('ECONNREFUSED')], 'all failed'))?.cause).toBe('ECONNREFUSED');
    expect(classifyNetworkFailure(new Error('fetch failed', { cause: coded('ENOTFOUND') }))).toMatchObject({ cause: 'ENOTFOUND', transient: false });
  });

  it('timeouts are E_TARGET_TIMEOUT; header timeouts happen after sending', () => {
    expect(classifyNetworkFailure(coded('UND_ERR_CONNECT_TIMEOUT'))).toMatchObject({ code: 'E_TARGET_TIMEOUT', beforeSend: true });
    expect(classifyNetworkFailure(coded('UND_ERR_HEADERS_TIMEOUT'))).toMatchObject({ code: 'E_TARGET_TIMEOUT', beforeSend: false });
  });

  it('TLS failures are permanent; aborts are interruptions', () => {
    expect(classifyNetworkFailure(coded('DEPTH_ZERO_SELF_SIGNED_CERT'))).toMatchObject({ transient: false, code: 'E_TARGET_UNREACHABLE' });
    expect(classifyNetworkFailure(Object.assign(new Error('aborted'), { name: 'AbortError' }))?.code).toBe('E_INTERRUPTED');
  });

  it('anything else is not a network failure: a bug must surface as itself', () => {
    expect(classifyNetworkFailure(new TypeError('x is undefined'))).toBeUndefined();
    expect(classifyNetworkFailure('nope')).toBeUndefined();
  });
});
