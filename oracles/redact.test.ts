import { describe, expect, it } from 'vitest';
import { redactedLabel, redactExpectation, redactSecrets, secretsIn } from './redact.js';

const SECRET = '13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9';

describe('redactSecrets', () => {
  it('replaces every ClientSecret member, at any depth, by its length', () => {
    const input = { UserPoolClient: { ClientId: 'abc', ClientSecret: SECRET }, list: [{ ClientSecret: 'x'.repeat(51) }] };
    expect(redactSecrets(input)).toEqual({
      UserPoolClient: { ClientId: 'abc', ClientSecret: '<redacted:52 chars>' },
      list: [{ ClientSecret: '<redacted:51 chars>' }],
    });
  });

  it('does not touch the input and keeps ClientId (documented decision: only secrets are redacted)', () => {
    const input = { ClientId: '4ssm8oh504j4q146ic4hogbo2s', ClientSecret: SECRET };
    redactSecrets(input);
    expect(input.ClientSecret).toBe(SECRET);
    expect(redactSecrets(input).ClientId).toBe('4ssm8oh504j4q146ic4hogbo2s');
  });

  it('scrubs known secrets and "ClientSecret":"…" fragments out of free text', () => {
    const known = [SECRET];
    expect(redactSecrets(`Describe returned ${SECRET} twice: ${SECRET}`, known)).toBe('Describe returned <redacted:52 chars> twice: <redacted:52 chars>');
    expect(redactSecrets({ rawBody: `{"UserPoolClient":{"ClientSecret": "${'a'.repeat(40)}"}}` })).toEqual({
      rawBody: '{"UserPoolClient":{"ClientSecret": "<redacted:40 chars>"}}',
    });
  });

  it('labels non-string secrets by type and is idempotent', () => {
    expect(redactSecrets({ ClientSecret: 42 })).toEqual({ ClientSecret: '<redacted:number>' });
    const once = redactSecrets({ ClientSecret: SECRET, text: `"ClientSecret":"${SECRET}"` });
    expect(redactSecrets(once, [SECRET])).toEqual(once);
    expect(redactedLabel('<redacted:52 chars>')).toBe('<redacted:52 chars>');
  });

  it('leaves short known values alone: they are not secrets and would mangle text', () => {
    expect(redactSecrets('a bad request', ['a'])).toBe('a bad request');
  });
});

describe('secretsIn', () => {
  it('collects ClientSecret strings from any number of values', () => {
    expect(secretsIn({ ClientSecret: SECRET }, undefined, [{ a: { ClientSecret: 'y'.repeat(30) } }], 'text')).toEqual([SECRET, 'y'.repeat(30)]);
  });
});

describe('redactExpectation: secret values masked, never what is expected of a secret', () => {
  const secret = 'a'.repeat(51) + 'b';
  it('keeps a pattern, a word and a number under a secret key; masks a secret value wherever it is', () => {
    expect(redactExpectation({ ClientSecret: { pattern: '^[0-9a-v]{51,52}$' } }, [secret])).toEqual({ ClientSecret: { pattern: '^[0-9a-v]{51,52}$' } });
    expect(redactExpectation({ ClientSecret: 'present' })).toEqual({ ClientSecret: 'present' });
    expect(redactExpectation({ ClientSecret: secret, note: `was ${secret}` }, [secret])).toEqual({ ClientSecret: '<redacted:52 chars>', note: 'was <redacted:52 chars>' });
  });

  it('masks text under a secret key that could be a secret even when it is not known', () => {
    expect(redactExpectation({ ClientSecret: 'x'.repeat(30) })).toEqual({ ClientSecret: '<redacted:30 chars>' });
  });

  it('numbers several secrets, the same way redactSecrets does, so two different ones do not read the same', () => {
    const other = 'c'.repeat(52);
    expect(redactExpectation({ ClientSecret: secret }, [secret, other])).toEqual({ ClientSecret: '<redacted:52 chars #1>' });
    expect(redactSecrets({ ClientSecret: other }, [secret, other])).toEqual({ ClientSecret: '<redacted:52 chars #2>' });
  });
});
