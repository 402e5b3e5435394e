import { describe, expect, it } from 'vitest';
import { checkFact } from './checkFact.js';

const client = { RefreshTokenValidity: 30, TokenValidityUnits: {}, ClientId: '4ssm8oh504j4q146ic4hogbo2s', Nothing: null };

describe('checkFact', () => {
  it('equals: present and deep-equal', () => {
    expect(checkFact(client, { member: 'RefreshTokenValidity', equals: 30 }).ok).toBe(true);
    expect(checkFact(client, { member: 'TokenValidityUnits', equals: {} }).ok).toBe(true);
    expect(checkFact(client, { member: 'Missing', equals: undefined })).toMatchObject({ ok: false, observed: '(absent)' });
  });

  it('absent: the key is not there (null is a value)', () => {
    expect(checkFact(client, { member: 'Missing', absent: true }).ok).toBe(true);
    expect(checkFact(client, { member: 'Nothing', absent: true }).ok).toBe(false);
  });

  it('pattern: a string matching the rule\'s regex (unicode mode)', () => {
    expect(checkFact(client, { member: 'ClientId', pattern: '^[0-9a-v]{25,26}$' }).ok).toBe(true);
    expect(checkFact(client, { member: 'RefreshTokenValidity', pattern: '^30$' }).ok).toBe(false);
  });

  it('anyOf: one alternative suffices', () => {
    const fact = { member: 'RefreshTokenRotation', anyOf: [{ absent: true as const }, { equals: { Feature: 'DISABLED' } }] };
    expect(checkFact(client, fact).ok).toBe(true);
    expect(checkFact({ RefreshTokenRotation: { Feature: 'DISABLED' } }, fact).ok).toBe(true);
    expect(checkFact({ RefreshTokenRotation: { Feature: 'ENABLED' } }, fact)).toMatchObject({ ok: false, expected: { anyOf: ['(absent)', { Feature: 'DISABLED' }] } });
  });
});
