import { describe, expect, it } from 'vitest';
import { isUnsupportedOperation } from './unsupportedOperation.js';

const ex = (status: number, errorType?: string, rawBody = '', errorMessage?: string) => ({
  status, rawBody, ...(errorType === undefined ? {} : { errorType }), ...(errorMessage === undefined ? {} : { errorMessage }),
});

describe('isUnsupportedOperation', () => {
  it('recognizes what targets send for a missing operation', () => {
    expect(isUnsupportedOperation(ex(500, 'Unsupported', '{"__type":"CognitoLocal#Unsupported"}'))).toBe(true);
    expect(isUnsupportedOperation(ex(400, 'UnknownOperationException'))).toBe(true);
    expect(isUnsupportedOperation(ex(501, 'InternalFailure'))).toBe(true);
    expect(isUnsupportedOperation(ex(404, undefined, 'Not Found'))).toBe(true);
    expect(isUnsupportedOperation(ex(500, undefined, 'NotImplementedError: CreateResourceServer'))).toBe(true);
    expect(isUnsupportedOperation(ex(500, 'InternalFailure', '', 'The API action is not yet implemented'))).toBe(true);
  });

  it('does not mistake a refusal or a real failure for a missing operation', () => {
    expect(isUnsupportedOperation(ex(200))).toBe(false);
    expect(isUnsupportedOperation(ex(400, 'InvalidParameterException'))).toBe(false);
    expect(isUnsupportedOperation(ex(404, 'ResourceNotFoundException'))).toBe(false);
    expect(isUnsupportedOperation(ex(500, 'InternalErrorException', '{"message":"boom"}'))).toBe(false);
  });
});
