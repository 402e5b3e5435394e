/** How an absent member appears in a verdict's expected/observed (JSON drops `undefined`). */
export const ABSENT = '(absent)';

export function shown(value: unknown): unknown {
  return value === undefined ? ABSENT : value;
}

const MAX_BRIEF = 120;

/** A value in one line of a verdict message: `absent`, or its JSON, shortened. */
export function brief(value: unknown): string {
  if (value === undefined || value === ABSENT) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_BRIEF ? `${text.slice(0, MAX_BRIEF - 1)}…` : text;
}
