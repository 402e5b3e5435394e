import { describe, expect, it } from 'vitest';
import { WRITABLE_STANDARD_ATTRIBUTES } from '../contract/poolContext.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { poolOfRecord } from './recordPool.js';

const request = { UserPoolId: 'us-east-1_Abc', ClientName: 'a', ReadAttributes: ['email', 'custom:tier'], AllowedOAuthScopes: ['openid', 'api/read'], SupportedIdentityProviders: ['COGNITO', 'Google'] };
const record = (status: number, extra: Partial<RecordedExchange> = {}, body: unknown = {}): RecordedExchange =>
  ({ operation: 'CreateUserPoolClient', request, response: { status, body }, recordedAt: '2024-01-01', ...extra });

describe('poolOfRecord', () => {
  it('takes what the record states as complete, field by field', () => {
    const { pool, assumed } = poolOfRecord(record(200, { pool: { userPoolId: 'us-east-1_Abc', customAttributes: [{ name: 'custom:tier', mutable: false }], resourceServerScopes: [], identityProviders: [], requiredAttributes: ['email'] } }), request);
    expect(assumed).toBe(false);
    expect(pool).toEqual({ userPoolId: 'us-east-1_Abc', customAttributes: [{ name: 'custom:tier', mutable: false }], resourceServerScopes: [], identityProviders: [], requiredAttributes: ['email'] });
  });

  it('assumes, for an acceptance, a pool holding what the request names and requiring nothing', () => {
    const { pool, assumed } = poolOfRecord(record(200), request);
    expect(assumed).toBe(true);
    expect(pool).toEqual({ userPoolId: 'us-east-1_Abc', customAttributes: [{ name: 'custom:tier', mutable: true }], resourceServerScopes: ['api/read'], identityProviders: ['COGNITO', 'Google'], requiredAttributes: [] });
  });

  it('assumes, for a rejection, a pool with nothing of its own that may require any standard attribute, and none after ResourceNotFoundException', () => {
    const { pool } = poolOfRecord(record(400, {}, { __type: 'InvalidParameterException', message: 'x' }), request);
    expect(pool).toMatchObject({ userPoolId: 'us-east-1_Abc', customAttributes: [], resourceServerScopes: [], identityProviders: [], requiredAttributes: [...WRITABLE_STANDARD_ATTRIBUTES] });
    expect(poolOfRecord(record(400, {}, { __type: 'ResourceNotFoundException', message: 'User pool us-east-1_Abc does not exist.' }), request).pool.userPoolId).not.toBe('us-east-1_Abc');
    expect(poolOfRecord(record(400, { pool: { exists: false } }), request).pool.userPoolId).not.toBe('us-east-1_Abc');
  });

  it('reads a pool id the record masked as the request\'s stand-in', () => {
    const masked = { ...request, UserPoolId: 'us-east-1_Placeholder0' };
    const r: RecordedExchange = { ...record(200, { pool: { userPoolId: 'ap-northeast-1_*********' } }), request: { ...request, UserPoolId: 'ap-northeast-1_*********' } };
    expect(poolOfRecord(r, masked).pool.userPoolId).toBe('us-east-1_Placeholder0');
  });
});
