import { describe, expect, it } from 'vitest';
import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { sendOptional } from './optionalFixture.js';

function answering(over: Partial<Exchange> | Error): Target {
  return {
    info: { name: 't', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
    async send(operation, input) {
      if (over instanceof Error) throw over;
      return { operation, input, status: 200, headers: {}, body: {}, rawBody: '{}', elapsedMs: 1, ...over };
    },
    close: async () => undefined,
  };
}

const send = (over: Partial<Exchange> | Error) => sendOptional(answering(over), 'CreateResourceServer', { UserPoolId: 'us-east-1_X' });

describe('sendOptional: however an optional fixture fails, the run gets a reason, never an exception', () => {
  it('a success is ok', async () => {
    expect(await send({})).toMatchObject({ ok: true });
  });

  it.each<[string, Partial<Exchange> | Error, string]>([
    ['an error of any status', { status: 500, errorType: 'InternalErrorException', errorMessage: 'boom' }, 'CreateResourceServer answered HTTP 500 InternalErrorException: boom'],
    ['a 4xx refusal', { status: 400, errorType: 'InvalidParameterException', errorMessage: 'bad' }, 'CreateResourceServer answered HTTP 400 InvalidParameterException: bad'],
    ['an unknown operation', { status: 400, errorType: 'UnknownOperationException' }, 'target lacks CreateResourceServer (HTTP 400 UnknownOperationException)'],
    ['a 501', { status: 501, rawBody: '' }, 'target lacks CreateResourceServer (HTTP 501)'],
    ['a body that is not JSON', { status: 500, body: undefined, rawBody: 'Traceback (most recent call last):\n  ...', headers: { 'content-type': 'text/plain' } }, 'CreateResourceServer answered HTTP 500 text/plain: Traceback (most recent call last):'],
    ['no answer at all', new HarnessError('E_TARGET_UNREACHABLE', 'connect ECONNREFUSED 127.0.0.1:1\nmore'), 'CreateResourceServer got no answer: connect ECONNREFUSED 127.0.0.1:1'],
  ])('%s', async (_what, over, reason) => {
    expect(await send(over)).toMatchObject({ ok: false, reason });
  });
});
