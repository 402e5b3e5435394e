/**
 * A value as one line of at most `max` characters for terminal and table cells: strings as they
 * are with line breaks folded, anything else as compact JSON; a cut value says how long it was.
 */
export function oneLine(value: unknown, max: number): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined';
  const s = text.replace(/\s*\n\s*/g, ' ');
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}
