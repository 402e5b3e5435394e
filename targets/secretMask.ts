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
const CLASSES: ReadonlyArray<{ name: string; test: (c: string) => boolean; representative: string }> = [
  { name: '0-9', test: (c) => c >= '0' && c <= '9', representative: '0' },
  { name: 'a-v', test: (c) => c >= 'a' && c <= 'v', representative: 'a' },
  { name: 'w-z', test: (c) => c >= 'w' && c <= 'z', representative: 'w' },
  { name: 'A-Z', test: (c) => c >= 'A' && c <= 'Z', representative: 'A' },
  { name: '_', test: (c) => c === '_', representative: '_' },
  { name: '+', test: (c) => c === '+', representative: '+' },
  { name: 'other', test: () => true, representative: '-' },
];

const MASK = /^<redacted:(\d+) chars(?: of ((?:[^ >]+)(?: [^ >]+)*))?>$/;

function classOf(c: string): string {
  return (CLASSES.find((k) => k.test(c)) ?? CLASSES[CLASSES.length - 1]).name;
}

/** The mask of a secret value: its length in characters and the classes of its characters. */
export function maskSecret(value: unknown): string {
  if (typeof value !== 'string') return `<redacted:${value === null ? 'null' : typeof value}>`;
  if (MASK.test(value)) return value;
  const chars = [...value];
  const present = new Set(chars.map(classOf));
  const classes = CLASSES.filter((k) => present.has(k.name)).map((k) => k.name);
  return `<redacted:${chars.length} chars${classes.length ? ` of ${classes.join(' ')}` : ''}>`;
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
  return Array.from({ length }, (_, i) => reps[i % reps.length]).join('');
}
