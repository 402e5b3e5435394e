import { describe, expect, it } from 'vitest';
import { parseAwsJsonError, sanitizeErrorType } from './awsJsonError.js';

// Cases named after the Smithy awsJson1_1 protocol tests (smithy-aws-protocol-tests
// model/awsJson1_1/errors.smithy, FooError) plus what Cognito and cognito-local send.
describe('parseAwsJsonError', () => {
  const uri = 'http://internal.amazon.com/coral/com.amazon.coral.validate/';
  const cases: [string, Record<string, string>, unknown, string | undefined][] = [
    ['AwsJson11FooErrorUsingXAmznErrorType', { 'x-amzn-errortype': 'FooError' }, undefined, 'FooError'],
    ['AwsJson11FooErrorUsingXAmznErrorTypeWithUri', { 'x-amzn-errortype': `FooError:${uri}` }, undefined, 'FooError'],
    ['AwsJson11FooErrorUsingXAmznErrorTypeWithUriAndNamespace', { 'x-amzn-errortype': `aws.protocoltests.json#FooError:${uri}` }, undefined, 'FooError'],
    ['AwsJson11FooErrorUsingCode', {}, { code: 'FooError' }, 'FooError'],
    ['AwsJson11FooErrorUsingCodeAndNamespace', {}, { code: 'aws.protocoltests.json#FooError' }, 'FooError'],
    ['AwsJson11FooErrorUsingCodeUriAndNamespace', {}, { code: `aws.protocoltests.json#FooError:${uri}` }, 'FooError'],
    ['AwsJson11FooErrorWithDunderType', {}, { __type: 'FooError' }, 'FooError'],
    ['AwsJson11FooErrorWithDunderTypeAndNamespace', {}, { __type: 'aws.protocoltests.json#FooError' }, 'FooError'],
    ['AwsJson11FooErrorWithDunderTypeUriAndNamespace', {}, { __type: `aws.protocoltests.json#FooError:${uri}` }, 'FooError'],
    [
      'AwsJson11FooErrorWithNestedTypeProperty',
      {},
      { __type: 'aws.protocoltests.json#FooError', ErrorDetails: [{ __type: 'com.amazon.internal#ErrorDetails' }] },
      'FooError',
    ],
    ['Cognito: bare shape name', {}, { __type: 'ResourceNotFoundException', message: 'x' }, 'ResourceNotFoundException'],
    ['cognito-local: namespaced', {}, { __type: 'CognitoLocal#Unsupported' }, 'Unsupported'],
    ['header wins over the body', { 'x-amzn-errortype': 'FromHeader' }, { __type: 'FromType' }, 'FromHeader'],
    ['code wins over __type', {}, { code: 'FromCode', __type: 'FromType' }, 'FromCode'],
    ['no name anywhere', {}, { message: 'x' }, undefined],
    ['not an object', {}, ['FooError'], undefined],
  ];
  for (const [name, headers, body, expected] of cases) {
    it(name, () => {
      expect(parseAwsJsonError(headers, body).errorType).toBe(expected);
    });
  }

  it('takes message, then Message', () => {
    expect(parseAwsJsonError({}, { __type: 'X', message: 'lower' }).errorMessage).toBe('lower');
    expect(parseAwsJsonError({}, { __type: 'X', Message: 'upper' }).errorMessage).toBe('upper');
    expect(parseAwsJsonError({}, { __type: 'X' }).errorMessage).toBeUndefined();
  });

  it('keeps the first of several header values', () => {
    expect(sanitizeErrorType('FooError,BarError')).toBe('FooError');
  });
});
