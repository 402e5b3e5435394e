import { randomBytes } from 'node:crypto';

/** Where the random bytes come from: `node:crypto` by default; a test may pass a pooled source. */
export type RandomBytes = (size: number) => Buffer;

/**
 * A uniform random number of `bits` bits (crypto-random) in unpadded base32hex, the process the
 * contract reads AWS's ClientIds (128 bits) and ClientSecrets (256 bits) from
 * (contract/randomNumberFormat.ts). JavaScript's radix-32 digits are base32hex's: 0-9 then a-v.
 */
export function randomBase32Hex(bits: number, random: RandomBytes = randomBytes): string {
  const bytes = random(Math.ceil(bits / 8));
  const extra = bytes.length * 8 - bits;
  let n = BigInt(`0x${bytes.toString('hex')}`);
  if (extra > 0) n >>= BigInt(extra);
  return n.toString(32);
}

/**
 * Crypto-random bytes drawn a block at a time: the same bytes as `randomBytes`, without one call
 * into OpenSSL per value (100,000 draws in a test).
 */
export function pooledRandomBytes(blockSize = 1 << 16): RandomBytes {
  let block = Buffer.alloc(0);
  let at = 0;
  return (size) => {
    if (at + size > block.length) {
      block = randomBytes(Math.max(blockSize, size));
      at = 0;
    }
    at += size;
    return block.subarray(at - size, at);
  };
}
