import { describe, expect, it } from 'vitest';
import { pooledRandomBytes, randomBase32Hex } from './randomBase32Hex.js';

describe('randomBase32Hex', () => {
  it('prints the number in unpadded base32hex', () => {
    const fixed = (hex: string) => () => Buffer.from(hex, 'hex');
    expect(randomBase32Hex(128, fixed('ff'.repeat(16)))).toBe('7' + 'v'.repeat(25));
    expect(randomBase32Hex(256, fixed('ff'.repeat(32)))).toBe('1' + 'v'.repeat(51));
    expect(randomBase32Hex(128, fixed('00'.repeat(15) + '20'))).toBe('10');
    expect(randomBase32Hex(10, fixed('ffff'))).toBe('vv');
  });

  it('draws values of every length a uniform number gives, from a pooled source too', () => {
    const random = pooledRandomBytes(64);
    const lengths = new Set(Array.from({ length: 400 }, () => randomBase32Hex(128, random).length));
    expect(lengths.has(26) && lengths.has(25)).toBe(true);
    expect([...lengths].every((n) => n <= 26)).toBe(true);
  });
});
