import { describe, expect, it } from 'vitest';
import { requestMembers } from '../contract/requestMembers.js';
import {
  ASTRAL_LETTERS, BMP_LETTERS, allowedChars, charLength, forbiddenChars, hasAstral, isAscii, isSingleClassPattern, patternRegExp, repeatToLength,
} from './patternChars.js';

const pattern = (m: string) => requestMembers[m].pattern!;
const urlPattern = requestMembers.CallbackURLs.items!.pattern!;

describe('patternChars', () => {
  it('keeps ClientName to ASCII and the plain space (Java reads \\w and \\s as ASCII)', () => {
    const chars = allowedChars(pattern('ClientName'));
    expect(chars.every((c) => isAscii(c) && patternRegExp(pattern('ClientName')).test(c))).toBe(true);
    expect(chars).toContain(' ');
    expect(chars).not.toContain('\t');
    expect(chars).not.toContain('\u00A0');
    expect(chars[0]).toBe('a');
  });

  it('allows BMP and astral letters in URLs and forbids spaces and controls', () => {
    const chars = allowedChars(urlPattern);
    for (const c of [...BMP_LETTERS, ...ASTRAL_LETTERS]) expect(chars).toContain(c);
    expect(forbiddenChars(urlPattern)).toEqual(expect.arrayContaining([' ', '\t', '\u3000']));
    expect(forbiddenChars(urlPattern).some((c) => patternRegExp(urlPattern).test(c))).toBe(false);
  });

  it('tells single-class patterns from structured ones', () => {
    expect(isSingleClassPattern(pattern('ClientName'))).toBe(true);
    expect(isSingleClassPattern(requestMembers.AllowedOAuthScopes.items!.pattern!)).toBe(true);
    expect(isSingleClassPattern(pattern('UserPoolId'))).toBe(false);
    expect(isSingleClassPattern(requestMembers.AnalyticsConfiguration.members!.RoleArn.pattern!)).toBe(false);
  });

  it('counts characters, not UTF-16 units, and repeats chunks to an exact length', () => {
    expect(charLength('a𠀀あ')).toBe(3);
    expect(hasAstral('a𠀀')).toBe(true);
    expect(hasAstral('あ')).toBe(false);
    expect(repeatToLength(['a', '𠀀'], 5)).toBe('a𠀀a𠀀a');
    expect(charLength(repeatToLength(['x', '𝒜', 'é'], 1025))).toBe(1025);
    expect(repeatToLength(['a'], 0)).toBe('');
  });
});
