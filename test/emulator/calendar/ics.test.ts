import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { CalendarModule } from '../../../src/emulator/calendar/CalendarModule';
import { escapeText, foldLine } from '../../../src/emulator/calendar/ics';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { finale, harness, launch, OWNER } from './harness';

const guests = [
  { email: 'sian@example.org', displayName: 'Siân Ffion ap Dafydd' },
  { email: 'sean@example.org', displayName: 'Seán Ó Briain, Head of Libraries; Cork' },
  { email: 'gwen@example.org', displayName: 'Gwenllïan ferch Llywelyn 🌿' },
];

/** Parses an .ics with ical.js, registering its VTIMEZONEs so TZID times resolve. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal;
}

function saved() {
  const h = harness();
  const cal = h.Calendar.Calendars.insert({ summary: 'Peer mentoring 2025', timeZone: 'Europe/London' });
  const calId = cal.id ?? '';
  const request = { createRequest: { requestId: 'r1', conferenceSolutionKey: { type: 'hangoutsMeet' } } };
  const asked = h.Calendar.Events.insert(
    {
      ...launch(guests),
      description: 'Bring: notes; a pen, and C:\\path\nLine two',
      conferenceData: request,
    },
    calId,
    { conferenceDataVersion: 1 },
  );
  // Meet makes the room a little later: a later read has the link.
  h.rt.clock.advance(5000);
  const l = h.Calendar.Events.get(calId, asked.id ?? '');
  const f = h.Calendar.Events.insert(finale(guests), calId);
  const dir = mkdtempSync(join(tmpdir(), 'cohort-cal-'));
  return { ...h, calId, l, f, dir };
}

describe('.ics files', () => {
  it('writes one file per event that ical.js reads back with the right instants and guests', async () => {
    const { module, dir, l, calId } = saved();
    await module.writeFiles(dir);
    const files = readdirSync(join(dir, 'calendar')).sort();
    expect(files).toEqual(['finale-event-2025-11-25.ics', 'launch-event-and-speed-dating-2025-05-07.ics']);
    const text = readFileSync(join(dir, 'calendar', files[1] ?? ''), 'utf8');
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('DTSTART;TZID=Europe/London:20250507T100000');
    const cal = parse(text);
    const vevent = cal.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-05-07T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2025-05-07T10:30:00.000Z');
    expect(event.uid).toBe(l.iCalUID);
    expect(event.summary).toBe('Launch event and speed dating');
    expect(event.description).toContain('Bring: notes; a pen, and C:\\path\nLine two');
    expect(event.description).toContain(l.hangoutLink ?? 'missing');
    expect(event.location).toBe(l.hangoutLink);
    expect(vevent.getFirstPropertyValue('url')).toBe(l.hangoutLink);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe(`mailto:${calId}`);
    expect(organizer?.getParameter('cn')).toBe('Peer mentoring 2025');
    const attendees = event.attendees.map((a) => ({
      cn: a.getParameter('cn'),
      to: a.getFirstValue(),
      partstat: a.getParameter('partstat'),
      rsvp: a.getParameter('rsvp'),
    }));
    expect(attendees).toEqual(
      guests.map((g) => ({
        cn: g.displayName,
        to: `mailto:${g.email}`,
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      })),
    );
  });

  it('puts the winter date at 10:00Z', async () => {
    const { module, dir } = saved();
    await module.writeFiles(dir);
    const cal = parse(readFileSync(join(dir, 'calendar', 'finale-event-2025-11-25.ics'), 'utf8'));
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-11-25T10:00:00.000Z');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, with CRLF ends', async () => {
    const { module, dir } = saved();
    await module.writeFiles(dir);
    const text = readFileSync(join(dir, 'calendar', 'launch-event-and-speed-dating-2025-05-07.ics'), 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
    const long = 'Gwenllïan ŵŷ '.repeat(20);
    const folded = foldLine(`SUMMARY:${long}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${long}`);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
  });

  it('escapes TEXT per RFC 5545', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('has a correct Europe/London VTIMEZONE (BST from last Sunday of March to last Sunday of October)', async () => {
    const { module, dir } = saved();
    await module.writeFiles(dir);
    const cal = parse(readFileSync(join(dir, 'calendar', 'finale-event-2025-11-25.ics'), 'utf8'));
    const tz = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone') ?? undefined);
    const at = (y: number, mo: number, d: number, h: number) => {
      const t = ICAL.Time.fromData({
        year: y,
        month: mo,
        day: d,
        hour: h,
        minute: 0,
        second: 0,
        isDate: false,
      });
      return tz.utcOffset(t) / 3600;
    };
    expect(at(2025, 3, 30, 0)).toBe(0);
    expect(at(2025, 3, 30, 3)).toBe(1);
    expect(at(2025, 10, 26, 0)).toBe(1);
    expect(at(2025, 10, 26, 3)).toBe(0);
    expect(at(2026, 3, 29, 3)).toBe(1);
  });

  it('keeps a cancelled event as STATUS:CANCELLED and renames a moved one', async () => {
    const { module, dir, Calendar, calId, l, f } = saved();
    await module.writeFiles(dir);
    Calendar.Events.remove(calId, f.id ?? '');
    Calendar.Events.patch(
      {
        start: { dateTime: '2025-05-08T10:00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2025-05-08T11:30:00', timeZone: 'Europe/London' },
      },
      calId,
      l.id ?? '',
    );
    await module.writeFiles(dir);
    expect(readdirSync(join(dir, 'calendar')).sort()).toEqual([
      'finale-event-2025-11-25.ics',
      'launch-event-and-speed-dating-2025-05-08.ics',
    ]);
    const text = readFileSync(join(dir, 'calendar', 'finale-event-2025-11-25.ics'), 'utf8');
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toContain('SEQUENCE:1');
  });

  it('writes free time as TRANSP:TRANSPARENT and names a one-guest event after its guest', async () => {
    const { Calendar, module, calId, dir } = saved();
    Calendar.Events.insert(
      {
        summary: 'Application deadline',
        start: { date: '2025-04-18' },
        end: { date: '2025-04-19' },
        transparency: 'transparent',
      },
      calId,
    );
    Calendar.Events.insert({ ...finale([{ email: 'sian@example.org' }]) }, calId);
    await module.writeFiles(dir);
    const files = readdirSync(join(dir, 'calendar'));
    expect(files).toContain('finale-event-2025-11-25-sian-example-org.ics');
    const reminder = readFileSync(join(dir, 'calendar', 'application-deadline-2025-04-18.ics'), 'utf8');
    expect(reminder).toContain('TRANSP:TRANSPARENT');
    expect(reminder).toContain('DTSTART;VALUE=DATE:20250418');
    const session = readFileSync(join(dir, 'calendar', 'finale-event-2025-11-25.ics'), 'utf8');
    expect(session).toContain('TRANSP:OPAQUE');
  });

  it('round-trips calendars and events through toState/fromState', () => {
    const { module, calId, l } = saved();
    const state = JSON.parse(JSON.stringify(module.toState()));
    const rt = new Runtime(Date.UTC(2025, 3, 2));
    const copy = new CalendarModule(
      rt,
      { deliver: () => undefined },
      { owner: OWNER, timeZone: 'Europe/London' },
    );
    copy.fromState(state);
    expect(copy.calendars()).toEqual(module.calendars());
    expect(copy.events()).toEqual(module.events());
    expect(copy.writeCount).toBe(module.writeCount);
    const Calendar = copy.globals().Calendar as GoogleAppsScript.Calendar;
    expect(Calendar.Events.get(calId, l.id ?? '')).toEqual(l);
    // New ids continue after the restored ones rather than repeating them.
    const next = Calendar.Events.insert(launch(), calId);
    expect(module.events().map((e) => e.id)).not.toContain(next.id);
  });
});
