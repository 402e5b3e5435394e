/** `1 case`, `2 cases`, `0 expired entries`: a count with its noun, for every line the tool prints. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
