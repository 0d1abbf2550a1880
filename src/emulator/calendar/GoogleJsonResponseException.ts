/**
 * What Apps Script throws when an advanced-service call gets an HTTP error back:
 * `GoogleJsonResponseException: API call to calendar.events.insert failed with error: Not Found`.
 * The REST method name is used (Events.remove is `calendar.events.delete`).
 */
export class GoogleJsonResponseException extends Error {
  readonly details: { readonly code: number; readonly message: string };

  constructor(restMethod: string, code: number, reason: string) {
    super(`API call to ${restMethod} failed with error: ${reason}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message: reason };
  }
}

/** HTTP status of the errors the Calendar API documents (CAL/guides/errors); others are a 400. */
export function statusOf(reason: string): number {
  if (reason === 'Not Found') return 404;
  if (reason === 'Resource has been deleted') return 410;
  if (reason === 'The requested identifier already exists.') return 409;
  if (reason === 'Rate Limit Exceeded') return 429;
  if (reason.startsWith('Calendar usage limits exceeded')) return 403;
  if (reason === 'Backend Error') return 500;
  return 400;
}

export function apiError(restMethod: string, reason: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(restMethod, statusOf(reason), reason);
}
