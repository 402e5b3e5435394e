import { describe, expect, it } from 'vitest';
import { answersAsCognito, createUserPoolFailure, notCognitoError } from './cognitoProbe.js';
import type { Exchange, Target } from '../exchange.js';

function tableTarget(answers: Record<string, Partial<Exchange>>) {
  const sent: string[] = [];
  const target: Target = {
    info: { name: 'web', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
    async send(operation, input) {
      sent.push(operation);
      return { operation, input, status: 404, headers: { 'content-type': 'text/html' }, body: undefined, rawBody: '<html>Not Found</html>', elapsedMs: 1, ...answers[operation] };
    },
    close: async () => undefined,
  };
  return { target, sent };
}

const page: Exchange = {
  operation: 'CreateUserPool', input: {}, status: 404, headers: { 'content-type': 'text/html' }, body: undefined, rawBody: '<html>Not Found</html>', elapsedMs: 1,
};

describe('answersAsCognito', () => {
  it('an error with a name, or a success with a JSON object, speaks the protocol; a page does not', () => {
    expect(answersAsCognito({ status: 400, body: { __type: 'UnknownOperationException' }, errorType: 'UnknownOperationException' })).toBe(true);
    expect(answersAsCognito({ status: 200, body: { UserPools: [] } })).toBe(true);
    expect(answersAsCognito({ status: 404, body: undefined })).toBe(false);
    expect(answersAsCognito({ status: 501, body: { error: 'not implemented' } })).toBe(false);
    expect(answersAsCognito({ status: 200, body: undefined })).toBe(false);
  });
});

describe('notCognitoError', () => {
  it('a web server answering pages to everything: E_NOT_COGNITO naming the endpoint and what each request got', async () => {
    const { target, sent } = tableTarget({});
    const err = await notCognitoError(target, page);
    expect(err).toMatchObject({ code: 'E_NOT_COGNITO' });
    expect(err?.message).toBe(
      'http://127.0.0.1:1/ does not answer as Cognito: CreateUserPool, ListUserPools, DescribeUserPoolClient all got HTTP 404 text/html: Not Found. Is this the right endpoint?',
    );
    expect(sent).toEqual(['ListUserPools', 'DescribeUserPoolClient']);
  });

  it('an emulator that answers one probe with a named error is Cognito: no error, no further probe', async () => {
    const { target, sent } = tableTarget({ ListUserPools: { status: 400, errorType: 'UnknownOperationException', body: { __type: 'UnknownOperationException' } } });
    expect(await notCognitoError(target, page)).toBeUndefined();
    expect(sent).toEqual(['ListUserPools']);
  });

  it('a failed answer that is already an awsJson error needs no probe', async () => {
    const { target, sent } = tableTarget({});
    expect(await notCognitoError(target, { ...page, status: 400, errorType: 'UnknownOperationException' })).toBeUndefined();
    expect(sent).toEqual([]);
  });
});

describe('createUserPoolFailure', () => {
  it('says the target lacks CreateUserPool, or could not create the pool, and suggests --user-pool-id', () => {
    const { target } = tableTarget({});
    const lacks = createUserPoolFailure(target, { ...page, status: 400, errorType: 'UnknownOperationException', errorMessage: 'Unknown operation CreateUserPool.' });
    expect(lacks).toMatchObject({ code: 'E_FIXTURE' });
    expect(lacks.message).toBe('CreateUserPool failed on web at http://127.0.0.1:1/: HTTP 400 UnknownOperationException: Unknown operation CreateUserPool. This target lacks CreateUserPool; to judge it anyway, run against a pool that exists there: --user-pool-id ID');
    const refused = createUserPoolFailure(target, { ...page, status: 400, errorType: 'LimitExceededException' });
    expect(refused.message).toMatch(/HTTP 400 LimitExceededException\. This target could not create the run's user pool; .* --user-pool-id ID$/);
  });
});
