/**
 * A 2xx HTTP status: the operation was accepted. The one definition for every stage that reads an
 * Exchange (fixtures, the runner, oracles).
 */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
