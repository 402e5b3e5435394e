import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { memberOfRedactedPath, recordView } from './recordView.js';

const base: RecordedExchange = {
  operation: 'CreateUserPoolClient',
  request: { UserPoolId: 'ap-northeast-1_*********', ClientName: 'a', ClientSecret: '<redacted>' },
  response: { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: { UserPoolClient: { ClientId: 'x', ClientSecret: '<redacted:52 chars of 0-9 a-v, lead 1>', ClientName: 'a' } } },
  recordedAt: '2024-01-01',
  redacted: ['request.UserPoolId', 'request.ClientSecret', 'response.body.UserPoolClient.ClientSecret', 'response.body.UserPoolClient.ClientId'],
};

describe('recordView', () => {
  it('puts a stand-in where the mask keeps the classes, a model-valid placeholder in the request, and hides the rest from the shape', () => {
    const v = recordView(base);
    expect([...v.blind].sort()).toEqual(['ClientId', 'ClientSecret', 'UserPoolId']);
    expect(v.request.UserPoolId).toMatch(/^[\w-]+_[0-9a-zA-Z]+$/);
    expect(v.request.ClientSecret).toBe('a'.repeat(24));
    const client = (v.exchange.body as { UserPoolClient: Record<string, unknown> }).UserPoolClient;
    expect(client.ClientSecret).toMatch(/^1[0-9a-v]{51}$/);
    expect(client.ClientId).toBe('x');
    expect((v.blindExchange.body as { UserPoolClient: Record<string, unknown> }).UserPoolClient).toEqual({ ClientSecret: client.ClientSecret, ClientName: 'a' });
    expect(base.request.ClientSecret).toBe('<redacted>');
  });

  it('normalizes as a transport does: error type and message, a body that was not JSON, no headers', () => {
    const err = recordView({ ...base, redacted: [], response: { status: 400, body: { __type: 'aws.cognito#InvalidParameterException:http://x', message: 'bad' } } }).exchange;
    expect(err).toMatchObject({ status: 400, errorType: 'InvalidParameterException', errorMessage: 'bad', headers: {}, layer: 'server' });
    const html = recordView({ ...base, redacted: [], response: { status: 413, body: null, rawBody: '<html>' } }).exchange;
    expect(html).toMatchObject({ body: undefined, rawBody: '<html>' });
  });

  it('names the member a redacted path is about', () => {
    expect(memberOfRedactedPath('request.ClientSecret')).toBe('ClientSecret');
    expect(memberOfRedactedPath('response.body.UserPoolClients.0.ClientId')).toBe('ClientId');
    expect(memberOfRedactedPath('response.headers.authorization')).toBe('authorization');
  });
});
