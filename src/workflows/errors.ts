/**
 * An error in words a coordinator can act on (never a stack trace). A service's error need not be
 * an `Error` of this realm (in the emulator it comes from the host), so its message is read by
 * shape, not by instanceof; Google's own text is kept as it is.
 */
export function errorText(e: unknown): string {
  const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message !== '' ? message : String(e);
}
