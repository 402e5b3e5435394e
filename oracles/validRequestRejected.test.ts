import { describe, expect, it } from 'vitest';
import { validRequestRejected } from './validRequestRejected.js';
import { acceptedCreate, invalidCase, makeExchange, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';

describe('validRequestRejected', () => {
  const request = { UserPoolId: 'us-east-1_A1', ClientName: 'x' };

  it('names the error of a valid case that was rejected', () => {
    expect(validRequestRejected(makeObservation(validCase(request), rejectedCreate('LimitExceededException')))).toBe('valid request rejected: LimitExceededException (HTTP 400)');
    expect(validRequestRejected(makeObservation(validCase(request), makeExchange({ status: 0, layer: 'sdk-client' })))).toBe('valid request rejected by the SDK client before sending: no error type (HTTP 0)');
  });

  it('is undefined for accepted creates and for invalid cases', () => {
    expect(validRequestRejected(makeObservation(validCase(request), acceptedCreate(request)))).toBeUndefined();
    expect(validRequestRejected(makeObservation(invalidCase('client-name.max-length', request), rejectedCreate('InvalidParameterException')))).toBeUndefined();
  });
});
