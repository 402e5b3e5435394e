/**
 * How a recording masks a secret without losing what the contract judges about it.
 *
 * A recording never holds a ClientSecret (or any other credential) value. But the contract judges a
 * secret's format — its length, its characters and, as a base32hex number, its first digit
 * (`^[\w+]+$` 24–64 in the model; as real AWS issues them, an unpadded 256-bit number: no leading 0,
 * a 52-character secret starting with 1, contract/randomNumberFormat.ts) — and `judge` must reach
 * the same verdict on a recording as the run did on the wire. So the mask keeps the length in
 * characters, which character classes occur and, when the first character is a base32hex digit,
 * which of the bands 0, 1, 2-7, 8-v it falls in, and nothing else:
 * `<redacted:52 chars of 0-9 a-v, lead 1>`. That is a few bits about a 256-bit value.
 * `standInFor` turns such a mask back into a string of the same length, classes and lead band,
 * which every pattern built from these classes and bands judges as it judged the secret. A mask
 * written before the lead was kept (`<redacted:52 chars of 0-9 a-v>`) does not say whether the
 * value had a leading 0 or a 52nd digit above 1: it has no stand-in, so its format is not judged.
 */
/** `alphabet`: the characters a stand-in may use for the class, its representative first. */
const CLASSES: ReadonlyArray<{ name: string; test: (c: string) => boolean; representative: string; alphabet: string }> = [
  { name: '0-9', test: (c) => c >= '0' && c <= '9', representative: '0', alphabet: '0123456789' },
  { name: 'a-v', test: (c) => c >= 'a' && c <= 'v', representative: 'a', alphabet: 'abcdefghijklmnopqrstuv' },
  { name: 'w-z', test: (c) => c >= 'w' && c <= 'z', representative: 'w', alphabet: 'wxyz' },
  { name: 'A-Z', test: (c) => c >= 'A' && c <= 'Z', representative: 'A', alphabet: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  { name: '_', test: (c) => c === '_', representative: '_', alphabet: '_' },
  { name: '+', test: (c) => c === '+', representative: '+', alphabet: '+' },
  { name: 'other', test: () => true, representative: '-', alphabet: '-' },
];

/**
 * `<redacted:52 chars of 0-9 a-v, lead 1>`, and with an identity `<redacted:52 chars of 0-9 a-v, lead 1 #2>`:
 * a recording numbers the distinct secrets it masks (#1, #2, …), so that "Describe returned another
 * secret than Create" survives the mask while the values do not (the number says only which
 * masked values of the one recording were equal).
 */
const MASK = /^<redacted:(\d+) chars(?: of ((?:[^ #>,]+)(?: [^ #>,]+)*))?(?:, lead (0|1|2-7|8-v))?(?: #(\d+))?>$/;

/**
 * The bands of a first base32hex digit that the format rules tell apart: 0 (a padded number), 1
 * (the only first digit of a 52-digit 256-bit number), 2-7 (the rest of a 26-digit 128-bit
 * number's), 8-v; each with the stand-in's digit and, for 8-v without digits, its letter.
 */
const LEADS: ReadonlyArray<{ band: string; test: (c: string) => boolean; digit: string; letter?: string }> = [
  { band: '0', test: (c) => c === '0', digit: '0' },
  { band: '1', test: (c) => c === '1', digit: '1' },
  { band: '2-7', test: (c) => c >= '2' && c <= '7', digit: '2' },
  { band: '8-v', test: (c) => (c >= '8' && c <= '9') || (c >= 'a' && c <= 'v'), digit: '8', letter: 'a' },
];

function classOf(c: string): string {
  return (CLASSES.find((k) => k.test(c)) ?? CLASSES[CLASSES.length - 1]).name;
}

/**
 * The mask of a secret value: its length in characters, the classes of its characters, the band of
 * its first character when that is a base32hex digit, and `identity` when given (the recording's
 * number for this value: equal values, equal numbers).
 */
export function maskSecret(value: unknown, identity?: number): string {
  if (typeof value !== 'string') return `<redacted:${value === null ? 'null' : typeof value}>`;
  if (MASK.test(value)) return value;
  const chars = [...value];
  const present = new Set(chars.map(classOf));
  const classes = CLASSES.filter((k) => present.has(k.name)).map((k) => k.name);
  const lead = chars[0] === undefined ? undefined : LEADS.find((l) => l.test(chars[0] as string))?.band;
  return `<redacted:${chars.length} chars${classes.length ? ` of ${classes.join(' ')}` : ''}${lead === undefined ? '' : `, lead ${lead}`}${identity === undefined ? '' : ` #${identity}`}>`;
}

/** Whether a string is a mask (with or without its classes), or any `<redacted…>` label. */
export function isMask(value: unknown): boolean {
  return typeof value === 'string' && /^<redacted[:>]/.test(value);
}

/**
 * A value with the length, character classes and lead band the mask records, or undefined when the
 * mask does not say (a label without classes, a mask of base32hex characters without its lead
 * band, or anything else an evidence record masked by hand).
 */
export function standInFor(mask: unknown): string | undefined {
  if (typeof mask !== 'string') return undefined;
  const m = MASK.exec(mask);
  if (!m) return undefined;
  const length = Number(m[1]);
  if (length === 0) return '';
  if (m[2] === undefined) return undefined;
  const names = m[2].split(' ');
  const classes = names.map((name) => CLASSES.find((k) => k.name === name));
  // Too short to hold one character of each class: the stand-in could not show them all.
  if (classes.some((k) => k === undefined) || classes.length > length) return undefined;
  const known = classes as (typeof CLASSES)[number][];
  const lead = m[3] === undefined ? undefined : LEADS.find((l) => l.band === m[3]);
  // Only base32hex characters and no band: a mask from before bands were kept, whose first digit
  // the format rules would judge blind.
  if (lead === undefined && known.every((k) => k.name === '0-9' || k.name === 'a-v')) return undefined;
  // The first position holds the first class (0-9 whenever the lead is a digit), so the band's
  // character keeps every class present.
  const leadChar = lead === undefined ? undefined : known[0]?.name === '0-9' ? lead.digit : lead.letter;
  if (lead !== undefined && leadChar === undefined) return undefined;
  // The identity, written in mixed radix over the positions after a fixed lead (each in its
  // class's alphabet): masks with different numbers get different stand-ins, equal ones equal
  // stand-ins; #0 or none gives the representatives only.
  let rest = m[4] === undefined ? 0 : Number(m[4]);
  return Array.from({ length }, (_, i) => {
    if (i === 0 && leadChar !== undefined) return leadChar;
    const alphabet = (known[i % known.length] as (typeof CLASSES)[number]).alphabet;
    const c = alphabet[rest % alphabet.length] as string;
    rest = Math.floor(rest / alphabet.length);
    return c;
  }).join('');
}
