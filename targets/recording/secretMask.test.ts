import { describe, expect, it } from 'vitest';
import { ruleById } from '../../contract/contract.js';
import { isMask, maskSecret, standInFor } from './secretMask.js';

const SECRET_FORMAT = ruleById('output.client-secret.format');
const secretPattern = SECRET_FORMAT.expect.outcome === 'accepted' && SECRET_FORMAT.expect.response?.[0] && 'pattern' in SECRET_FORMAT.expect.response[0] ? SECRET_FORMAT.expect.response[0].pattern : '';

describe('secretMask', () => {
  it('keeps only the length in characters, the character classes and the band of a base32hex first digit', () => {
    expect(maskSecret('13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9')).toBe('<redacted:52 chars of 0-9 a-v, lead 1>');
    expect(maskSecret('e174jlu5mdkr6o1vedp5tvc4rs6lei1nqlapufjc14lup7lhim5')).toBe('<redacted:51 chars of 0-9 a-v, lead 8-v>');
    expect(maskSecret('0abc')).toBe('<redacted:4 chars of 0-9 a-v, lead 0>');
    expect(maskSecret('7abc')).toBe('<redacted:4 chars of 0-9 a-v, lead 2-7>');
    expect(maskSecret('Ab_+x-é')).toBe('<redacted:7 chars of a-v w-z A-Z _ + other>');
    expect(maskSecret('')).toBe('<redacted:0 chars>');
    expect(maskSecret(42)).toBe('<redacted:number>');
    expect(maskSecret('<redacted:52 chars of 0-9 a-v, lead 1>')).toBe('<redacted:52 chars of 0-9 a-v, lead 1>');
  });

  it('gives a stand-in every pattern of those classes judges as it judged the secret', () => {
    const real = [
      '13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9', 'e174jlu5mdkr6o1vedp5tvc4rs6lei1nqlapufjc14lup7lhim5', 'uuid-4c2b-4e8f-9d3a-1b2c3d4e5f60aaaa', 'x'.repeat(30), 'A+b_0'.repeat(6),
      // A padded one (leading 0), a 52-digit one above 2^256, a letter-only one: the format rule tells them apart by the lead.
      '03ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9', '83ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9', 'g'.repeat(52), '2'.repeat(52),
    ];
    const patterns = [new RegExp(secretPattern, 'u'), /^[0-9a-v]{51,52}$/u, /^[\w+]+$/u, /^[\w+]{24,64}$/u];
    for (const secret of real) {
      const standIn = standInFor(maskSecret(secret)) as string;
      expect([...standIn].length).toBe([...secret].length);
      for (const p of patterns) expect(p.test(standIn), `${p} on ${secret}`).toBe(p.test(secret));
    }
  });

  it('numbers a secret when asked: equal numbers give equal stand-ins, different ones different stand-ins of the same classes', () => {
    const secret = '13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9';
    expect(maskSecret(secret, 3)).toBe('<redacted:52 chars of 0-9 a-v, lead 1 #3>');
    expect(maskSecret('<redacted:52 chars of 0-9 a-v, lead 1 #3>', 4)).toBe('<redacted:52 chars of 0-9 a-v, lead 1 #3>');
    const standIns = [1, 2, 3, 250, 251].map((n) => standInFor(maskSecret(secret, n)) as string);
    expect(new Set(standIns).size).toBe(standIns.length);
    expect(standInFor(maskSecret(secret, 2))).toBe(standIns[1]);
    for (const s of standIns) expect(s).toMatch(/^1[0-9a-v]{51}$/);
    // The classes a mask names all occur in its stand-in, whatever its number.
    expect(standInFor(maskSecret('A+b_0', 9))).toMatch(/^(?=.*[A-Z])(?=.*\+)(?=.*[a-v])(?=.*_)(?=.*\d)[\w+]{5}$/);
  });

  it('has no stand-in for a mask that does not say its classes, or of base32hex characters without its lead band', () => {
    expect(standInFor('<redacted:52 chars of 0-9 a-v>')).toBeUndefined();
    expect(standInFor('<redacted:52 chars of 0-9 a-v #2>')).toBeUndefined();
    expect(standInFor('<redacted:7 chars of a-v w-z A-Z _ + other>')).toHaveLength(7);
    expect(standInFor('<redacted>')).toBeUndefined();
    expect(standInFor('<redacted:52 chars>')).toBeUndefined();
    expect(standInFor('CLIENT_SECRET')).toBeUndefined();
    expect(standInFor('<redacted:2 chars of 0-9 a-v w-z>')).toBeUndefined();
    expect(isMask('<redacted:52 chars>')).toBe(true);
    expect(isMask('CLIENT_SECRET')).toBe(false);
  });
});
