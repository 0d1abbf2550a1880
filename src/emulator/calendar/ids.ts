import { createHash } from 'node:crypto';

/**
 * Identifiers the Calendar API makes. They are derived from a seed and a counter (not random), so two
 * runs of the same scenario give the same ids and the same files.
 */

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `length` characters of base32hex (the alphabet event ids use: a–v and 0–9). */
export function base32hexId(seed: string, length = 26): string {
  const bytes = digest(seed);
  let out = '';
  for (let i = 0; out.length < length; i++) out += BASE32HEX[(bytes[i % bytes.length] ?? 0) % 32];
  return out;
}

/** A secondary calendar's id: `<26 chars>@group.calendar.google.com`. */
export function calendarIdFor(seed: string): string {
  return `${base32hexId(`calendar:${seed}`)}@group.calendar.google.com`;
}

/** Event ids: 5–1024 characters of base32hex (the API's rule for ids a caller may supply too). */
export function isValidEventId(id: string): boolean {
  return /^[a-v0-9]{5,1024}$/.test(id);
}

/** Google's link to an event: `eid` is the base64 of "<event id> <calendar id>". */
export function htmlLinkFor(eventId: string, calendarId: string): string {
  const eid = Buffer.from(`${eventId} ${calendarId}`).toString('base64').replace(/=+$/, '');
  return `https://www.google.com/calendar/event?eid=${eid}`;
}

/** A Meet code like `abc-defg-hij`, the same for the same request id on the same event. */
export function meetCodeFor(seed: string): string {
  const bytes = digest(`meet:${seed}`);
  const letters = Array.from(bytes.subarray(0, 10), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7, 10)}`;
}

/** An etag as the API gives one: a quoted number that changes with every write. */
export function etagFor(updatedMs: number, sequence: number): string {
  return `"${updatedMs * 1000 + sequence}"`;
}
