/**
 * Characters for a model pattern, found by testing candidates against the pattern itself (so the
 * generators follow the contract's patterns rather than restating them).
 *
 * Candidates: printable ASCII, a few ASCII controls and non-ASCII whitespace, and non-ASCII letters,
 * marks, symbols and numbers in and beyond the Basic Multilingual Plane (astral characters are one
 * character but two UTF-16 units and four UTF-8 bytes: they catch lengths counted in units or bytes).
 */

/** Non-ASCII letters inside the BMP (two or three UTF-8 bytes). */
export const BMP_LETTERS = ['é', 'ß', 'ё', 'あ', '日'] as const;
/** Non-ASCII letters outside the BMP (surrogate pairs in UTF-16, four UTF-8 bytes). */
export const ASTRAL_LETTERS = ['𠀀', '𝒜'] as const;

const OTHER_NON_ASCII = ['\u0301', '€', '¿', '«', '٣', '😀'] as const;
const ODD_WHITESPACE = ['\t', '\n', '\u00A0', '\u3000'] as const;

const ASCII_ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const PRINTABLE_ASCII = [
  ...ASCII_ALNUM,
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter((c) => !ASCII_ALNUM.includes(c)),
];

/** Every candidate, ASCII letters and digits first so that shrinking lands on readable characters. */
export const CANDIDATE_CHARS: readonly string[] = [...PRINTABLE_ASCII, ...BMP_LETTERS, ...ASTRAL_LETTERS, ...OTHER_NON_ASCII, ...ODD_WHITESPACE];

const compiled = new Map<string, RegExp>();

/** The model pattern compiled as the contract says (ECMA-262, `u` flag). */
export function patternRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    compiled.set(pattern, re);
  }
  return re;
}

/** `^[…]+$`: one character class repeated, so any string of its characters matches. */
export function isSingleClassPattern(pattern: string): boolean {
  return /^\^\[(?:\\.|[^\]\\])*\]\+\$$/.test(pattern);
}

/**
 * Characters a valid value may use. Whitespace other than the plain space is left out even where
 * the pattern's `\s` or `\p{Z}` admits it: AWS is written in Java, where `\s` is ASCII-only, and
 * whether it trims or rejects tabs, newlines or no-break spaces is not known.
 */
export function allowedChars(pattern: string | undefined): string[] {
  const ok = (c: string) => c === ' ' || !/\s/u.test(c);
  if (pattern === undefined) return CANDIDATE_CHARS.filter(ok);
  const re = patternRegExp(pattern);
  return CANDIDATE_CHARS.filter((c) => ok(c) && re.test(c));
}

/**
 * Characters that break a single-class pattern wherever they stand. Only characters the
 * ECMA-262 class rejects are used; for the model's classes those are rejected by Java's reading too
 * (Java's `\w` and `\s` are ASCII-only, so its classes are never wider than ours).
 */
export function forbiddenChars(pattern: string): string[] {
  const re = patternRegExp(pattern);
  return CANDIDATE_CHARS.filter((c) => !re.test(c));
}

/** Length in characters (Unicode code points), as the model counts it. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

export function hasAstral(s: string): boolean {
  return /[\u{10000}-\u{10FFFF}]/u.test(s);
}

/** `chunk` repeated and cut to exactly `length` characters (never splitting a surrogate pair). */
export function repeatToLength(chunk: readonly string[], length: number): string {
  if (length <= 0) return '';
  const whole = Math.floor(length / chunk.length);
  return chunk.join('').repeat(whole) + chunk.slice(0, length - whole * chunk.length).join('');
}
