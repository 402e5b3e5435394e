/** A 2xx HTTP status: the operation was accepted. */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
