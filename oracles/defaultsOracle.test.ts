import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { defaultsOracle } from './defaultsOracle.js';
import { POOL_ID, acceptedClient, acceptedCreate, invalidCase, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';

const minimal = { UserPoolId: POOL_ID, ClientName: 'minimal' };
const run = (request: Record<string, unknown>, client = acceptedClient(request)) =>
  defaultsOracle.check(makeObservation(validCase(request), acceptedCreate(request, client)));
const failing = (vs: ReturnType<typeof run>) => vs.filter((v) => !v.ok).map((v) => v.ruleId);

describe('defaults oracle', () => {
  it('enforces every default rule, zero-means-default and default-units', () => {
    const expected = contract.rules.filter((r) => r.id.startsWith('default.')).map((r) => r.id);
    expect(defaultsOracle.rules).toEqual(expect.arrayContaining([...expected, 'refresh-token-validity.zero-means-default', 'token-validity.default-units']));
  });

  it('passes the real minimal response (RAW-1) and judges every rule whose request matches', () => {
    const vs = run(minimal);
    expect(failing(vs)).toEqual([]);
    // default.client-secret.absent applies (no GenerateSecret, no ClientSecret); zero-means-default does not.
    expect(vs.map((v) => v.ruleId)).toContain('default.client-secret.absent');
    expect(vs.map((v) => v.ruleId)).not.toContain('refresh-token-validity.zero-means-default');
  });

  it('checks equals, absent and anyOf facts', () => {
    expect(failing(run(minimal, acceptedClient(minimal, { RefreshTokenValidity: undefined })))).toEqual(['default.refresh-token-validity']);
    expect(failing(run(minimal, acceptedClient(minimal, { PreventUserExistenceErrors: 'ENABLED' })))).toEqual(['default.prevent-user-existence-errors.absent']);
    expect(failing(run(minimal, acceptedClient(minimal, { RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 } })))).toEqual([]);
    expect(failing(run(minimal, acceptedClient(minimal, { RefreshTokenRotation: { Feature: 'DISABLED' } })))).toEqual(['default.refresh-token-rotation']);
  });

  it('treats a JSON null as present, not absent', () => {
    expect(failing(run(minimal, acceptedClient(minimal, { CallbackURLs: null })))).toEqual(['default.oauth-members.absent']);
  });

  it('matches `when` strictly: an explicit value is not an omission', () => {
    const explicit = { ...minimal, EnableTokenRevocation: false };
    const vs = run(explicit);
    expect(vs.map((v) => v.ruleId)).not.toContain('default.enable-token-revocation');
  });

  it('applies zero-means-default only with no refresh unit', () => {
    const zero = { ...minimal, RefreshTokenValidity: 0 };
    expect(failing(run(zero, acceptedClient(zero, { RefreshTokenValidity: 0 })))).toEqual(['refresh-token-validity.zero-means-default']);
    const withUnit = { ...zero, TokenValidityUnits: { RefreshToken: 'hours' } };
    expect(run(withUnit).map((v) => v.ruleId)).not.toContain('refresh-token-validity.zero-means-default');
  });

  it('fails every applicable rule of a valid request that was rejected', () => {
    const vs = defaultsOracle.check(makeObservation(validCase(minimal), rejectedCreate('InvalidParameterException')));
    expect(vs.length).toBeGreaterThan(5);
    expect(vs.every((v) => !v.ok && v.message === 'valid request rejected: InvalidParameterException (HTTP 400)')).toBe(true);
  });

  it('does not judge invalid cases, accepted or not', () => {
    const bad = { ...minimal, ClientName: 'x'.repeat(129) };
    expect(defaultsOracle.check(makeObservation(invalidCase('client-name.max-length', bad), acceptedCreate(bad)))).toEqual([]);
  });

  it('redacts a secret that should not be there', () => {
    const [v] = run(minimal, acceptedClient(minimal, { ClientSecret: 'e174jlu5mdkr6o1vedp5tvc4rs6lei1nqlapufjc14lup7lhim5' })).filter((x) => !x.ok);
    expect(v.ruleId).toBe('default.client-secret.absent');
    expect(JSON.stringify(v)).not.toContain('e174jlu5');
    expect(v.observed).toEqual({ ClientSecret: '<redacted:51 chars>' });
  });
});
