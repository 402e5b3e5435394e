/**
 * How a recording masks a secret without losing what the contract judges about it.
 *
 * A recording never holds a ClientSecret (or any other credential) value. But the contract judges a
 * secret's format — its length and its characters (`^[\w+]+$` 24–64 in the model, `^[0-9a-v]{51,52}$`
 * as real AWS issues them) — and `judge` must reach the same verdict on a recording as the run did
 * on the wire. So the mask keeps the length in characters and which character classes occur, and
 * nothing else: `<redacted:52 chars of 0-9 a-v>`. That is at most seven bits about a 256-bit value.
 * `standInFor` turns such a mask back into a string of the same length and classes, which every
 * pattern built from these classes judges as it judged the secret.
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
 * `<redacted:52 chars of 0-9 a-v>`, and with an identity `<redacted:52 chars of 0-9 a-v #2>`: a
 * recording numbers the distinct secrets it masks (#1, #2, …), so that "Describe returned another
 * secret than Create" survives the mask while the values do not (the number says only which
 * masked values of the one recording were equal).
 */
const MASK = /^<redacted:(\d+) chars(?: of ((?:[^ #>]+)(?: [^ #>]+)*))?(?: #(\d+))?>$/;

function classOf(c: string): string {
  return (CLASSES.find((k) => k.test(c)) ?? CLASSES[CLASSES.length - 1]).name;
}

/**
 * The mask of a secret value: its length in characters and the classes of its characters, and
 * `identity` when given (the recording's number for this value: equal values, equal numbers).
 */
export function maskSecret(value: unknown, identity?: number): string {
  if (typeof value !== 'string') return `<redacted:${value === null ? 'null' : typeof value}>`;
  if (MASK.test(value)) return value;
  const chars = [...value];
  const present = new Set(chars.map(classOf));
  const classes = CLASSES.filter((k) => present.has(k.name)).map((k) => k.name);
  return `<redacted:${chars.length} chars${classes.length ? ` of ${classes.join(' ')}` : ''}${identity === undefined ? '' : ` #${identity}`}>`;
}

/** Whether a string is a mask (with or without its classes), or any `<redacted…>` label. */
export function isMask(value: unknown): boolean {
  return typeof value === 'string' && /^<redacted[:>]/.test(value);
}

/**
 * A value with the length and character classes the mask records, or undefined when the mask does
 * not say (a label without classes, or anything else an evidence record masked by hand).
 */
export function standInFor(mask: unknown): string | undefined {
  if (typeof mask !== 'string') return undefined;
  const m = MASK.exec(mask);
  if (!m) return undefined;
  const length = Number(m[1]);
  if (length === 0) return '';
  if (m[2] === undefined) return undefined;
  const reps = m[2].split(' ').map((name) => CLASSES.find((k) => k.name === name)?.representative);
  // Too short to hold one character of each class: the stand-in could not show them all.
  if (reps.some((r) => r === undefined) || reps.length > length) return undefined;
  const classes = m[2].split(' ').map((name) => CLASSES.find((k) => k.name === name)) as (typeof CLASSES)[number][];
  // The identity, written in mixed radix over the positions (each in its class's alphabet): masks
  // with different numbers get different stand-ins, equal ones equal stand-ins; #0 or none gives
  // the representatives only.
  let rest = m[3] === undefined ? 0 : Number(m[3]);
  return Array.from({ length }, (_, i) => {
    const alphabet = (classes[i % classes.length] as (typeof CLASSES)[number]).alphabet;
    const c = alphabet[rest % alphabet.length] as string;
    rest = Math.floor(rest / alphabet.length);
    return c;
  }).join('');
}
