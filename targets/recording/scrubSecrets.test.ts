import { describe, expect, it } from 'vitest';
import { clientSecretsInText, MIN_SCRUBBED_FRAGMENT, SCRUBBED, scrubSecrets } from './scrubSecrets.js';

const SECRET = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop';

function jsonParseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('clientSecretsInText', () => {
  it('finds quoted and unquoted ClientSecret values in text that does not parse', () => {
    expect(clientSecretsInText(`{"UserPoolClient":{"ClientSecret":"${SECRET}"`)).toEqual([SECRET]);
    expect(clientSecretsInText(`{"ClientSecret" : ${SECRET}}`)).toEqual([SECRET]);
    expect(clientSecretsInText('{"ClientId":"abc"}')).toEqual([]);
  });
});

describe('scrubSecrets', () => {
  it('replaces whole secrets', () => {
    expect(scrubSecrets(`key ${SECRET} end`, [SECRET])).toBe(`key ${SCRUBBED} end`);
  });

  it('replaces a piece of a secret that V8 quotes in a JSON error, and leaves short words alone', () => {
    const message = jsonParseMessage(`{"UserPoolClient":{"ClientId":"x","ClientSecret":${SECRET}}}`);
    expect(message).toContain(SECRET.slice(0, 10));
    const scrubbed = scrubSecrets(message, clientSecretsInText(`"ClientSecret":${SECRET}`));
    for (let i = 0; i + MIN_SCRUBBED_FRAGMENT <= SECRET.length; i++) expect(scrubbed).not.toContain(SECRET.slice(i, i + MIN_SCRUBBED_FRAGMENT));
    expect(scrubbed).toContain(SCRUBBED);
    expect(scrubbed).toContain('is not valid JSON');
  });

  it('catches a piece glued to characters that are not part of the secret', () => {
    expect(scrubSecrets(`x: ZZ${SECRET.slice(5, 15)}QQ.`, [SECRET])).toBe(`x: ${SCRUBBED}.`);
  });

  it('ignores secrets too short to scrub safely and leaves text without secrets unchanged', () => {
    expect(scrubSecrets('a short one', ['short'])).toBe('a short one');
    expect(scrubSecrets('connect ECONNREFUSED 127.0.0.1:1', [SECRET, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'])).toBe('connect ECONNREFUSED 127.0.0.1:1');
  });
});
