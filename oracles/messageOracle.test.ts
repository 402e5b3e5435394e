import { describe, expect, it } from 'vitest';
import { probeById } from '../contract/probeRules.js';
import { probeCase } from '../generators/fixedCases.js';
import { fullPool } from '../testing/poolFixtures.js';
import { POOL_ID, invalidCase, makeExchange, makeObservation, rejectedCreate } from '../testing/observationFixture.js';
import { messageOracle } from './messageOracle.js';

const onCase = (ruleId: string, path: string, errorType: string, message: string, operation = 'CreateUserPoolClient') =>
  messageOracle.check(makeObservation(invalidCase(ruleId, { UserPoolId: POOL_ID, ClientName: 'c' }, path), { ...rejectedCreate(errorType, message), operation }));
const onProbe = (id: string, message: string, errorType = 'ResourceNotFoundException') => {
  const probe = probeById(id);
  if (!probe) throw new Error(id);
  return messageOracle.check(makeObservation(probeCase(probe, fullPool), rejectedCreate(errorType, message)));
};
const one = (vs: ReturnType<typeof onCase>) => {
  expect(vs).toHaveLength(1);
  return vs[0];
};

describe('message oracle', () => {
  it('wants "User pool <id> does not exist." with the id sent (the moto#4434 bug: the id alone)', () => {
    expect(one(onCase('user-pool.exists', 'UserPoolId', 'ResourceNotFoundException', `User pool ${POOL_ID} does not exist.`))).toMatchObject({ ruleId: 'message.pool-not-found', ok: true });
    expect(one(onCase('user-pool.exists', 'UserPoolId', 'ResourceNotFoundException', `User pool ${POOL_ID} does not exist`)).ok).toBe(true);
    expect(one(onCase('user-pool.exists', 'UserPoolId', 'ResourceNotFoundException', POOL_ID))).toMatchObject({ ok: false, expected: { message: `User pool ${POOL_ID} does not exist.` } });
    expect(one(onCase('user-pool.exists', 'UserPoolId', 'ResourceNotFoundException', 'User pool us-east-1_Other does not exist.')).ok).toBe(false);
    expect(one(onCase('user-pool.exists', 'UserPoolId', 'ResourceNotFoundException', '')).ok).toBe(false);
    expect(one(onProbe('probe.unknown-pool', `User pool us-east-1_NoSuchPool0probe does not exist.`)).ok).toBe(true);
  });

  it('wants "User pool client <id> does not exist." on the client probes', () => {
    expect(one(onProbe('probe.unknown-client.update', 'User pool client 1abcdefghijklmnopqrstuv000 does not exist.'))).toMatchObject({ ruleId: 'message.client-not-found', ok: true });
    expect(one(onProbe('probe.unknown-client.delete', 'Client not found')).ok).toBe(false);
    // Another error type is the probe's failure, not the message's.
    expect(onProbe('probe.unknown-client.delete', 'Client not found', 'InvalidParameterException')).toEqual([]);
  });

  it('judges the form of model-validation messages, not their constraint wording', () => {
    const v = (message: string, path = 'ClientName') => one(onCase('client-name.max-length', path, 'InvalidParameterException', message));
    expect(v("1 validation error detected: Value 'xxx' at 'clientName' failed to satisfy constraint: Member must have length less than or equal to 128").ok).toBe(true);
    expect(v("2 validation errors detected: Value '[]' at 'logoutURLs' failed to satisfy constraint: a; Value '[]' at 'logoutURLs' failed to satisfy constraint: b", 'LogoutURLs[]').ok).toBe(true);
    expect(v("1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length", 'ClientSecret').ok).toBe(true);
    expect(v("1 validation error detected: Value null at 'tokenValidityUnits.accessToken' failed to satisfy constraint: x", 'TokenValidityUnits.AccessToken').ok).toBe(true);
    expect(v("2 validation error detected: Value 'x' at 'clientName' failed to satisfy constraint: a").message).toContain('1 takes "error"');
    expect(v("1 validation errors detected: Value 'x' at 'clientName' failed to satisfy constraint: a").ok).toBe(false);
    expect(v("1 validation error detected: Value 'x' at 'ClientName' failed to satisfy constraint: a").message).toContain("not 'clientName'");
    expect(v('ClientName is too long').message).toContain('not of the form');
    expect(v('1 validation error detected: ClientName is too long').message).toContain('no "Value');
  });

  it('wants the known text of a cross-field rule, a final period and placeholders free', () => {
    const t = (ruleId: string, message: string, errorType = 'InvalidParameterException', operation?: string) => one(onCase(ruleId, 'x', errorType, message, operation));
    expect(t('token-validity.access.range', 'Invalid range for token validity')).toMatchObject({ ruleId: 'message.known-text', ok: true });
    expect(t('token-validity.access.range', 'Invalid range for token validity.').ok).toBe(true);
    expect(t('token-validity.access.range', 'AccessTokenValidity out of range').ok).toBe(false);
    expect(t('oauth.scopes.exist', 'Invalid scope requested: Cognito', 'ScopeDoesNotExistException').ok).toBe(true);
    expect(t('oauth.scopes.exist', 'Invalid scope requested', 'ScopeDoesNotExistException').ok).toBe(false);
    expect(t('supported-identity-providers.exist', 'The provider Google does not exist for User Pool us-east-1_x').ok).toBe(true);
    expect(t('write-attributes.exist-and-writable', 'Invalid write attributes specified while updating a client', 'InvalidParameterException', 'UpdateUserPoolClient').ok).toBe(true);
    expect(t('write-attributes.exist-and-writable', 'Invalid write attributes specified while updating a client').ok).toBe(false);
  });

  it('judges nothing where AWS\'s text is unknown, on acceptances, or on another error type', () => {
    expect(onCase('default-redirect-uri.in-callback-urls', 'DefaultRedirectURI', 'InvalidParameterException', 'whatever')).toEqual([]);
    expect(onCase('read-attributes.exist', 'ReadAttributes[]', 'InvalidParameterException', 'whatever')).toEqual([]);
    expect(onCase('token-validity.access.range', 'x', 'InvalidOAuthFlowException', 'whatever')).toEqual([]);
    expect(messageOracle.check(makeObservation(invalidCase('user-pool.exists', { UserPoolId: POOL_ID }), makeExchange({ status: 200 })))).toEqual([]);
  });
});
