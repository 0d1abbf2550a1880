import { ApiReason, type EventAttendee, isJsonObject, type JsonValue } from './types';

const RESPONSES = new Set(['needsAction', 'declined', 'tentative', 'accepted']);
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export const sameAddress = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * The attendee list of a request body, as the API stores it: responseStatus defaults to
 * needsAction, the organizer's entry is marked organizer, the script owner's self (both accepted), and a repeated
 * address is kept once (the first). [uncertain] wording of the errors.
 */
export function resolveAttendees(
  input: JsonValue | undefined,
  who: { organizer: string; owner: string },
): EventAttendee[] | undefined {
  if (input === undefined || input === null) return undefined;
  if (!Array.isArray(input)) throw new ApiReason('Invalid attendee list.');
  const out: EventAttendee[] = [];
  for (const item of input) {
    if (!isJsonObject(item) || typeof item.email !== 'string' || item.email.trim() === '') {
      throw new ApiReason('Missing attendee email.');
    }
    const email = item.email.trim();
    if (!EMAIL.test(email)) throw new ApiReason('Invalid attendee email.');
    if (out.some((a) => sameAddress(a.email, email))) continue;
    const isOrganizer = sameAddress(email, who.organizer);
    const isSelf = sameAddress(email, who.owner);
    const status =
      item.responseStatus == null
        ? isOrganizer || isSelf
          ? 'accepted'
          : 'needsAction'
        : String(item.responseStatus);
    if (!RESPONSES.has(status)) throw new ApiReason('Invalid attendee response status.');
    const attendee: EventAttendee = { email };
    if (typeof item.displayName === 'string' && item.displayName !== '')
      attendee.displayName = item.displayName;
    if (isOrganizer) attendee.organizer = true;
    if (isSelf) attendee.self = true;
    if (item.optional === true) attendee.optional = true;
    if (typeof item.comment === 'string') attendee.comment = item.comment;
    if (typeof item.additionalGuests === 'number') attendee.additionalGuests = item.additionalGuests;
    attendee.responseStatus = status;
    out.push(attendee);
  }
  return out;
}

/** The guests who get invitation emails: everyone but the organizer and the owner. */
export function guestsOf(attendees: EventAttendee[] | undefined): EventAttendee[] {
  return (attendees ?? []).filter((a) => !a.organizer && !a.self && a.email);
}
