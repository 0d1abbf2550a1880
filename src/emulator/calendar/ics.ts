import { pad } from '../runtime/timeZone';
import { meetLinkOf } from './conference';
import { parseDateTime } from './rfc3339';
import type { CalendarEvent } from './types';

/**
 * iCalendar (RFC 5545) text for events: the files (METHOD:PUBLISH) and the calendar part of
 * invitation emails (METHOD:REQUEST / CANCEL, RFC 5546). Written by hand to keep it small and exact.
 */

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const LONDON = 'Europe/London';

/**
 * Europe/London since 1996: BST from the last Sunday of March 01:00 UTC (01:00 GMT wall clock) to
 * the last Sunday of October 01:00 UTC (02:00 BST wall clock).
 */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON}`,
  `X-LIC-LOCATION:${LONDON}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (§3.2): quoted when it holds `:;,`; a double quote cannot appear, so it becomes `'`. */
function paramValue(text: string): string {
  const clean = text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/**
 * DTSTART/DTEND. London times are written as local time with TZID (the VTIMEZONE is included); any
 * other zone is written in UTC, which every client reads the same (this emulator has no VTIMEZONE
 * for other zones). A stored dateTime without timeZone is in the calendar's zone.
 */
function timeProperty(
  name: 'DTSTART' | 'DTEND',
  value: CalendarEvent['start'],
  calendarZone: string,
): string {
  if (value?.date) return `${name};VALUE=DATE:${value.date.replace(/-/g, '')}`;
  const parsed = parseDateTime(value?.dateTime ?? '');
  if (!parsed || parsed.instant === null) throw new Error(`stored ${name} has no offset: ${value?.dateTime}`);
  if ((value?.timeZone ?? calendarZone) === LONDON) {
    const w = parsed.wall;
    return `${name};TZID=${LONDON}:${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
  }
  return `${name}:${utcStamp(parsed.instant)}`;
}

function usesLondon(event: CalendarEvent, calendarZone: string): boolean {
  if (event.start?.date) return false;
  return (
    (event.start?.timeZone ?? calendarZone) === LONDON || (event.end?.timeZone ?? calendarZone) === LONDON
  );
}

function statusOf(event: CalendarEvent, method: IcsMethod): string {
  if (method === 'CANCEL' || event.status === 'cancelled') return 'CANCELLED';
  return event.status === 'tentative' ? 'TENTATIVE' : 'CONFIRMED';
}

function veventLines(event: CalendarEvent, method: IcsMethod, now: number, calendarZone: string): string[] {
  const lines = ['BEGIN:VEVENT'];
  lines.push(
    timeProperty('DTSTART', event.start, calendarZone),
    timeProperty('DTEND', event.end, calendarZone),
  );
  lines.push(`DTSTAMP:${utcStamp(now)}`);
  const org = event.organizer;
  if (org?.email)
    lines.push(`ORGANIZER${org.displayName ? `;CN=${paramValue(org.displayName)}` : ''}:mailto:${org.email}`);
  lines.push(`UID:${event.iCalUID ?? `${event.id}@google.com`}`);
  for (const a of event.attendees ?? []) {
    const role = a.optional ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT';
    const partstat =
      { accepted: 'ACCEPTED', declined: 'DECLINED', tentative: 'TENTATIVE' }[a.responseStatus ?? ''] ??
      'NEEDS-ACTION';
    const cn = paramValue(a.displayName ?? a.email ?? '');
    lines.push(
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=${role};PARTSTAT=${partstat};RSVP=TRUE;CN=${cn}:mailto:${a.email}`,
    );
  }
  const link = meetLinkOf(event);
  if (link) lines.push(`X-GOOGLE-CONFERENCE:${link}`);
  if (event.created) lines.push(`CREATED:${utcStamp(Date.parse(event.created))}`);
  const description = [event.description ?? '', link ? `Join with Google Meet: ${link}` : '']
    .filter(Boolean)
    .join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (event.updated) lines.push(`LAST-MODIFIED:${utcStamp(Date.parse(event.updated))}`);
  const location = event.location ?? link;
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  lines.push(`SEQUENCE:${event.sequence ?? 0}`, `STATUS:${statusOf(event, method)}`);
  // Free time ("transparency: transparent") does not block the calendar (RFC 5545 §3.8.2.7).
  const transp = event.transparency === 'transparent' ? 'TRANSPARENT' : 'OPAQUE';
  lines.push(`SUMMARY:${escapeText(event.summary ?? '')}`, `TRANSP:${transp}`);
  if (link) lines.push(`URL:${link}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR holding the events, CRLF line ends, folded. */
export function toIcs(events: CalendarEvent[], method: IcsMethod, now: number, calendarZone: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Cohort//Apps Script emulator//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
  ];
  if (events.some((e) => usesLondon(e, calendarZone))) lines.push(...LONDON_VTIMEZONE);
  for (const event of events) lines.push(...veventLines(event, method, now, calendarZone));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
