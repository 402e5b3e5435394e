import { describe, expect, it } from 'vitest';
import { acceptedClient, acceptedCreate, makeObservation, POOL_ID, rejectedCreate, validCase } from '../testing/observationFixture.js';
import { sdkSample } from './sdkSample.js';

const request = { UserPoolId: POOL_ID, ClientName: 'c', RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } };

describe('sdkSample', () => {
  it('names the members an SDK without them in its model did not send and did not keep', () => {
    const client = acceptedClient(request);
    const create = acceptedCreate(request, client);
    // What an SDK older than RefreshTokenRotation does: serializes without it, parses the answer without it.
    const { RefreshTokenRotation: _unknown, ...known } = client;
    create.sdk = { output: { UserPoolClient: known }, requestBody: JSON.stringify({ UserPoolId: POOL_ID, ClientName: 'c' }) };
    expect(sdkSample(makeObservation(validCase(request), create))).toEqual({
      layer: 'server', status: 200, output: { UserPoolClient: known }, sentAsBuilt: false,
      notSent: ['RefreshTokenRotation'], notParsed: ['UserPoolClient.RefreshTokenRotation'],
    });
  });

  it('names nothing when the SDK sent the request as built and kept the whole answer', () => {
    const create = acceptedCreate(request);
    create.sdk = { output: create.body, requestBody: JSON.stringify(request) };
    const sample = sdkSample(makeObservation(validCase(request), create));
    expect(sample).toMatchObject({ sentAsBuilt: true });
    expect(sample).not.toHaveProperty('notSent');
    expect(sample).not.toHaveProperty('notParsed');
  });

  it('keeps the error the SDK threw; nothing without an SDK view', () => {
    const create = rejectedCreate('InvalidParameterException');
    create.sdk = { errorName: 'InvalidParameterException', requestBody: JSON.stringify(request) };
    expect(sdkSample(makeObservation(validCase(request), create))).toEqual({ layer: 'server', status: 400, errorType: 'InvalidParameterException', sdkError: 'InvalidParameterException', sentAsBuilt: true });
    expect(sdkSample(makeObservation(validCase(request), rejectedCreate('InvalidParameterException')))).toBeUndefined();
  });
});
