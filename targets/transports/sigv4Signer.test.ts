import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isHarnessError } from '../harnessError.js';
import { createSigV4Signer, type SignableRequest } from './sigv4Signer.js';

/*
 * Vectors from the AWS Signature Version 4 test suite
 * (https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html), as transcribed in
 * smithy-lang/smithy-typescript packages/signature-v4/src/suite.fixture.ts. The key pair and the
 * date are the suite's published example values.
 */
const suite = {
  region: 'us-east-1',
  service: 'service',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  signingDate: new Date('2015-08-30T12:36:00Z'),
};
const scope = 'Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';

function req(method: string, extra: Partial<SignableRequest> = {}): SignableRequest {
  return {
    method,
    protocol: 'https:',
    hostname: 'example.amazonaws.com',
    path: '/',
    ...extra,
    headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z', ...(extra.headers ?? {}) },
  };
}

const vectors: { name: string; request: SignableRequest; signedHeaders: string; signature: string }[] = [
  { name: 'get-vanilla', request: req('GET'), signedHeaders: 'host;x-amz-date', signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31' },
  {
    name: 'get-vanilla-query-order-key-case',
    request: req('GET', { query: { Param2: 'value2', Param1: 'value1' } }),
    signedHeaders: 'host;x-amz-date',
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
  },
  {
    name: 'get-header-value-trim',
    request: req('GET', { headers: { 'my-header1': 'value1', 'my-header2': '"a   b   c"' } }),
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  { name: 'post-vanilla', request: req('POST'), signedHeaders: 'host;x-amz-date', signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b' },
  {
    name: 'post-header-key-sort',
    request: req('POST', { headers: { 'my-header1': 'value1' } }),
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c',
  },
  {
    name: 'post-vanilla-query-nonunreserved',
    request: req('POST', { query: { '@#$%^': '', '+': '/,?><`";:\\|][{}' } }),
    signedHeaders: 'host;x-amz-date',
    signature: '66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e',
  },
  {
    name: 'post-x-www-form-urlencoded',
    request: req('POST', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Param1=value1' }),
    signedHeaders: 'content-type;host;x-amz-date',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
  {
    name: 'post-sts-header-before',
    request: req('POST', {
      headers: {
        'x-amz-security-token':
          'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==',
      },
    }),
    signedHeaders: 'host;x-amz-date;x-amz-security-token',
    signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
  },
];

describe('createSigV4Signer', () => {
  const signer = createSigV4Signer({ region: suite.region, service: suite.service, credentials: suite.credentials });

  for (const v of vectors) {
    it(`matches the AWS SigV4 test suite: ${v.name}`, async () => {
      const headers = await signer.sign(v.request, { signingDate: suite.signingDate });
      expect(headers.authorization).toBe(`AWS4-HMAC-SHA256 ${scope}, SignedHeaders=${v.signedHeaders}, Signature=${v.signature}`);
    });
  }

  it('signs a Cognito call with the cognito-idp scope, adds the session token and keeps the request headers', async () => {
    const cognito = createSigV4Signer({
      region: 'eu-west-1',
      credentials: async () => ({ ...suite.credentials, sessionToken: 'session-token-example' }),
    });
    const headers = await cognito.sign(
      {
        method: 'POST',
        protocol: 'https:',
        hostname: 'cognito-idp.eu-west-1.amazonaws.com',
        path: '/',
        headers: {
          host: 'cognito-idp.eu-west-1.amazonaws.com',
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPoolClient',
        },
        body: '{"UserPoolId":"eu-west-1_abc","ClientName":"x"}',
      },
      { signingDate: suite.signingDate },
    );
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/eu-west-1\/cognito-idp\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers['x-amz-security-token']).toBe('session-token-example');
    expect(headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.CreateUserPoolClient');
  });

  it('turns a failing credential provider into E_CREDENTIALS without leaking anything secret', async () => {
    const failing = createSigV4Signer({
      region: 'us-east-1',
      credentials: async () => {
        throw new Error('Could not load credentials from any providers');
      },
    });
    const err = await failing.sign(req('POST')).catch((e: unknown) => e);
    expect(isHarnessError(err) && err.code).toBe('E_CREDENTIALS');
    expect(String((err as Error).message)).toMatch(/^no AWS credentials from .*: Could not load credentials from any providers$/);
  });

  it('does not show the secret when the signer object is printed', () => {
    expect(inspect(signer, { depth: 10 })).not.toContain(suite.credentials.secretAccessKey);
    expect(JSON.stringify(signer)).not.toContain(suite.credentials.secretAccessKey);
  });
});
