/**
 * The format of a random number as AWS prints ClientIds and ClientSecrets: a uniform random number
 * of `bits` bits written in base32hex (`0-9a-v`, RFC 4648 §7's alphabet in lower case) without
 * zero padding (docs/evidence.md §7 and §10: every real id and secret is `[0-9a-v]`; every
 * 26-character ClientId starts with 1–7 and every 52-character secret with 1, the shorter ones
 * with any digit, which is what a 128-bit and a 256-bit number give).
 *
 * A rule about such a value is written from that process, not from the lengths seen in a sample:
 * - at most `ceil(bits / 5)` digits;
 * - the longest form has only the top `bits - 5 * (maxLength - 1)` bits in its first digit
 *   (128 = 25·5 + 3: a 26-digit id starts with 1–7; 256 = 51·5 + 1: a 52-digit secret with 1);
 * - no leading 0 (unpadded);
 * - shorter forms are correct but rare: the number is below 32^(L-1) with probability
 *   2^(5(L-1) - bits). The minimum length is the longest one that keeps a false alarm (a correct
 *   value flagged) at or below FALSE_ALARM_BUDGET over FALSE_ALARM_VALUES values.
 */
export const BASE32HEX_DIGITS = '0123456789abcdefghijklmnopqrstuv';

/** The most a rule about a random value may flag correct answers: once in a million runs. */
export const FALSE_ALARM_BUDGET = 1e-6;
/**
 * How many values the budget covers: more than any run judges under one rule (`--runs` is capped
 * at 10,000 cases: runner/runSettings.ts RUN_LIMITS, shrinking adds a few hundred), and the
 * 100,000 draws of this format's own test.
 */
export const FALSE_ALARM_VALUES = 100_000;
/** Cases per rule in a default run (runner/runSettings.ts RUN_DEFAULTS.runs). */
export const DEFAULT_RUN_CASES = 25;

export interface RandomNumberFormat {
  bits: number;
  minLength: number;
  maxLength: number;
  /** The largest first digit of a `maxLength`-digit value. */
  topDigit: string;
  /** An anchored regular expression that accepts exactly the lengths and first digits above. */
  pattern: string;
}

/** Probability that one correct value has fewer than `minLength` digits: 2^(5(minLength-1) - bits). */
export function shortProbability(bits: number, minLength: number): number {
  return 2 ** (5 * (minLength - 1) - bits);
}

/** Probability that at least one of `values` correct values is flagged as too short. */
export function falseAlarmProbability(bits: number, minLength: number, values: number): number {
  const p = shortProbability(bits, minLength);
  // 1 - (1 - p)^n without the cancellation of 1 - (tiny): -expm1(n · log1p(-p)).
  return -Math.expm1(values * Math.log1p(-p));
}

/** The format of a `bits`-bit number in unpadded base32hex, with the longest safe minimum length. */
export function randomNumberFormat(bits: number): RandomNumberFormat {
  const maxLength = Math.ceil(bits / 5);
  const topBits = bits - 5 * (maxLength - 1);
  const topDigit = BASE32HEX_DIGITS[2 ** topBits - 1] as string;
  let minLength = 1;
  while (minLength < maxLength && falseAlarmProbability(bits, minLength + 1, FALSE_ALARM_VALUES) <= FALSE_ALARM_BUDGET) minLength++;
  const first = topDigit === '1' ? '1' : `[1-${topDigit}]`;
  const shorter = minLength <= maxLength - 1 ? `|[1-9a-v][0-9a-v]{${minLength - 1},${maxLength - 2}}` : '';
  return { bits, minLength, maxLength, topDigit, pattern: `^(?:${first}[0-9a-v]{${maxLength - 1}}${shorter})$` };
}

/** A number in scientific notation with two significant digits, for notes. */
function sci(p: number): string {
  return p.toExponential(1);
}

/** What a rule's note says about its false alarms, with the figures. */
export function falseAlarmNote(what: string, format: RandomNumberFormat): string {
  const { bits, minLength, maxLength, topDigit } = format;
  const one = shortProbability(bits, minLength);
  return `${what} is read as a uniform random ${bits}-bit number in unpadded base32hex (inferred from every real sample, docs/evidence.md §7 and §10): `
    + `at most ${maxLength} digits, a ${maxLength}-digit value starts with ${topDigit === '1' ? '1' : `1–${topDigit}`}, no leading 0. `
    + `Fewer than ${minLength} digits is flagged: a correct value is that short with probability 2^${5 * (minLength - 1) - bits} (${sci(one)}), `
    + `so a correct target is flagged with probability ${sci(falseAlarmProbability(bits, minLength, DEFAULT_RUN_CASES))} per default run (${DEFAULT_RUN_CASES} cases), `
    + `${sci(falseAlarmProbability(bits, minLength, 2000))} per --runs 2000 and ${sci(falseAlarmProbability(bits, minLength, FALSE_ALARM_VALUES))} per ${FALSE_ALARM_VALUES.toLocaleString('en-US')} values (budget ${sci(FALSE_ALARM_BUDGET)}).`;
}
