import { describe, expect, it } from 'vitest';
import { protocolOracle } from './protocolOracle.js';
import { POOL_ID, acceptedCreate, makeExchange, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';

const request = { UserPoolId: POOL_ID, ClientName: 'web' };
const judge = (create: ReturnType<typeof makeExchange>) => protocolOracle.check(makeObservation(validCase(request), create));
const result = (vs: ReturnType<typeof judge>) => Object.fromEntries(vs.map((v) => [v.ruleId, v.ok]));
const withHeaders = (headers: Record<string, string>, create = acceptedCreate(request)) => ({ ...create, headers });

describe('protocol oracle', () => {
  it('judges Content-Type and request id on success, all five rules on a listed error', () => {
    expect(result(judge(acceptedCreate(request)))).toEqual({ 'protocol.content-type': true, 'protocol.request-id': true });
    expect(result(judge(rejectedCreate('ResourceNotFoundException', 'User pool x does not exist.')))).toEqual({
      'protocol.content-type': true, 'protocol.request-id': true, 'protocol.error-body': true, 'protocol.client-error-status': true,
      'protocol.error-type-header': true,
    });
  });

  it('judges the media type: application/x-amz-json-1.1 (type case free, not 1.0); a parameter is a note, not a failure', () => {
    const verdict = (value?: string) => judge(withHeaders({ 'x-amzn-requestid': 'r', ...(value === undefined ? {} : { 'content-type': value }) })).find((v) => v.ruleId === 'protocol.content-type');
    const ct = (value?: string) => verdict(value)?.ok;
    expect(ct('application/x-amz-json-1.1')).toBe(true);
    expect(verdict('application/x-amz-json-1.1')?.note).toBeUndefined();
    expect(ct('Application/X-Amz-Json-1.1')).toBe(true);
    expect(ct('application/x-amz-json-1.1; charset=utf-8')).toBe(true);
    expect(verdict('application/x-amz-json-1.1; charset=utf-8')?.note).toContain('charset=utf-8');
    expect(ct('application/x-amz-json-1.0')).toBe(false);
    expect(ct('application/x-amz-json-1.0; charset=utf-8')).toBe(false);
    expect(ct('application/json')).toBe(false);
    expect(ct(undefined)).toBe(false);
  });

  it('wants x-amzn-ErrorType on an error of the operation, naming the body\'s error (real Cognito: "<Name>:")', () => {
    const header = (headers: Record<string, string>, body: unknown = { __type: 'ResourceNotFoundException', message: 'm' }) =>
      judge(makeExchange({ status: 400, body, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r', ...headers }, errorType: 'ResourceNotFoundException', errorMessage: 'm' }))
        .find((v) => v.ruleId === 'protocol.error-type-header');
    expect(header({ 'x-amzn-errortype': 'ResourceNotFoundException:' })?.ok).toBe(true);
    expect(header({ 'x-amzn-errortype': 'ResourceNotFoundException' })?.ok).toBe(true);
    expect(header({ 'x-amzn-errortype': 'ResourceNotFoundException:http://internal.amazon.com/coral/x/' })?.ok).toBe(true);
    expect(header({})?.message).toContain('no x-amzn-ErrorType header');
    expect(header({ 'x-amzn-errortype': 'InvalidParameterException:' })?.message).toContain('names InvalidParameterException, the body ResourceNotFoundException');
    expect(header({ 'x-amzn-errortype': 'ResourceNotFoundException:' }, { code: 'ResourceNotFoundException', message: 'm' })?.ok).toBe(true);
    // Framework errors the operation does not list (SerializationException) are not judged: no evidence.
    const serialization = judge(makeExchange({ status: 400, body: { __type: 'SerializationException', Message: 'x' }, errorType: 'SerializationException' }));
    expect(serialization.find((v) => v.ruleId === 'protocol.error-type-header')).toBeUndefined();
  });

  it('wants a non-empty x-amzn-RequestId', () => {
    expect(result(judge(withHeaders({ 'content-type': 'application/x-amz-json-1.1' })))['protocol.request-id']).toBe(false);
    expect(result(judge(withHeaders({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': ' ' })))['protocol.request-id']).toBe(false);
  });

  it('wants a bare __type and a non-empty lower-case message', () => {
    const body = (b: unknown) => judge(makeExchange({ status: 400, body: b, errorType: 'InvalidParameterException', errorMessage: 'm' })).find((v) => v.ruleId === 'protocol.error-body');
    expect(body({ __type: 'InvalidParameterException', message: 'm' })?.ok).toBe(true);
    expect(body({ __type: 'com.amazonaws.cognitoidentityprovider#InvalidParameterException', message: 'm' })?.message).toContain('not the bare shape name');
    expect(body({ __type: 'InvalidParameterException:http://internal.amazon.com/coral/x/', message: 'm' })?.ok).toBe(false);
    expect(body({ message: 'm' })?.message).toContain('no __type');
    expect(body({ __type: 'InvalidParameterException', Message: 'm' })?.message).toContain('"Message", not "message"');
    expect(body({ __type: 'InvalidParameterException', message: '' })?.ok).toBe(false);
    expect(body(undefined)?.message).toContain('not JSON');
  });

  it('wants 400 for client errors of the operation and 500 for InternalErrorException', () => {
    const status = (type: string, s: number) => result(judge(rejectedCreate(type, 'm', s)))['protocol.client-error-status'];
    expect(status('ResourceNotFoundException', 400)).toBe(true);
    expect(status('ResourceNotFoundException', 404)).toBe(false);
    expect(status('TooManyRequestsException', 429)).toBe(false);
    expect(status('NotAuthorizedException', 403)).toBe(false);
    expect(status('InternalErrorException', 500)).toBe(true);
    expect(status('InternalErrorException', 400)).toBe(false);
    expect(result(judge(rejectedCreate('SerializationException', 'm')))).not.toHaveProperty('protocol.client-error-status');
  });

  it('says nothing about an answer the SDK client made up', () => {
    expect(judge(makeExchange({ status: 0, headers: {}, layer: 'sdk-client' }))).toEqual([]);
  });
});
