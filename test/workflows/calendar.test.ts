import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { appendRows, calls, edit, people, rows } from '../support/cohort';
import {
  ALL,
  COORDINATOR_ONLY,
  cohort,
  copies,
  DROP_INS,
  emailsSaid,
  emailsSent,
  events,
  guests,
  guestsOf,
  host,
  invitations,
  lastAlert,
  logLines,
  MENTORS,
  moveTo,
  programme,
  SELECTED,
  SESSIONS,
  standard,
  sync,
  syncAll,
} from './calendar.helpers';

describe('Send calendar invites: each person has their own copy of each date', () => {
  it('makes a host event with the Meet room per session, then one copy per person with its link', () => {
    const emulator = cohort(standard());
    sync(emulator);
    // The rooms are asked for first; the copies wait until Meet has made them.
    for (const key of SESSIONS) {
      expect(host(emulator, key)?.conferenceData?.createRequest?.status?.statusCode).toBe('pending');
      expect(copies(emulator, key)).toEqual([]);
      expect(String(programme(emulator, key).Invitations)).toMatch(
        /^Waiting for Google Meet to make the room/,
      );
    }
    expect(invitations(emulator)).toEqual([]);
    expect(
      emulator.script.triggers().filter((t) => t.handler === 'continueCalendar' && !t.fired),
    ).toHaveLength(1);

    emulator.advance(10 * 60_000);
    for (const key of ALL) expect(guestsOf(emulator, key)).toEqual(SELECTED);
    for (const key of DROP_INS) expect(guestsOf(emulator, key)).toEqual(MENTORS);
    for (const key of SESSIONS) {
      const room = host(emulator, key)!;
      expect(room.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
      expect(room.attendees ?? []).toEqual([]);
      for (const copy of copies(emulator, key)) {
        expect(copy.attendees).toHaveLength(1);
        // One room per date: each copy carries the host's link as text, never its conference data.
        expect(copy.location).toBe(room.hangoutLink);
        expect(copy.description).toContain(`Join with Google Meet: ${room.hangoutLink}`);
        expect(copy.conferenceData).toBeUndefined();
        expect(copy.hangoutLink).toBeUndefined();
        expect(copy.reminders?.useDefault).toBe(false);
        expect(copy.start).toEqual(room.start);
      }
      const row = programme(emulator, key);
      expect(row['Event ID']).toBe(room.id);
      expect(row['Meet link']).toBe(room.hangoutLink);
      expect(row['Last synced']).toBeInstanceOf(Date);
      expect(row.Problems).toBe('');
    }
    expect(programme(emulator, 'launch').Invitations).toBe('5 invited.');
    expect(host(emulator, 'launch')!.start).toEqual({
      dateTime: '2025-05-07T10:00:00+01:00',
      timeZone: 'Europe/London',
    });
    // Google's own invitations: one per person and date, each to its one guest.
    const sent = invitations(emulator);
    expect(sent.every((m) => m.calendar?.method === 'REQUEST' && m.to.length === 1)).toBe(true);
    expect(sent).toHaveLength(ALL.length * SELECTED.length + DROP_INS.length * MENTORS.length);
    for (const mail of sent) expect((mail.calendar?.ics.match(/^ATTENDEE/gm) ?? []).length).toBe(1);
    expect(sent.filter((m) => m.to.includes('me4@example.org') || m.to.includes('mr3@example.org'))).toEqual(
      [],
    );
  });

  it('makes the coordinator’s dates free-time, all-day reminders with no guests and no Meet room', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    for (const key of COORDINATOR_ONLY) {
      const reminder = events(emulator).get(`${key}/reminder`)!;
      expect(reminder.transparency).toBe('transparent');
      expect(reminder.start?.date).toMatch(/^2025-\d\d-\d\d$/);
      expect(reminder.attendees).toBeUndefined();
      expect(reminder.conferenceData).toBeUndefined();
      expect(copies(emulator, key)).toEqual([]);
      expect(programme(emulator, key)['Event ID']).toBe(reminder.id);
      expect(programme(emulator, key).Invitations).toMatch(/shown as free time: nobody is invited/);
    }
    expect(events(emulator).get('application-deadline/reminder')!.start).toEqual({ date: '2025-04-18' });
    expect(events(emulator).get('application-deadline/reminder')!.end).toEqual({ date: '2025-04-19' });
    expect(invitations(emulator).filter((m) => m.subject.includes('Application deadline'))).toEqual([]);
  });

  it('the question, the result and the Log count exactly the emails Google sent', () => {
    const emulator = cohort(standard());
    const [first] = syncAll(emulator);
    const question = emulator.rt.shown.filter((m) => m.kind === 'alert' && m.text.includes('Go ahead?'));
    expect(question).toHaveLength(1);
    const sent = emailsSent(emulator);
    expect(sent).toEqual({ invitations: 21, updates: 0, cancellations: 0 });
    expect(emailsSaid([question[0]!.text], 'will email')).toEqual(sent);
    expect(emailsSaid(logLines(emulator), 'is emailing')).toEqual(sent);
    expect(calls(first!, 'Calendar.Events.insert')).toBe(9);
    // After a withdrawal and a moved date, again what is said is what went.
    const before = emulator.mail.sent.length;
    const asked = emulator.rt.shown.length;
    const logged = logLines(emulator).length;
    edit(emulator, 'Applicants', (r) => r.ID === 'ME-002', { Status: 'Withdrawn' });
    edit(emulator, 'Programme', (r) => r.Key === 'finale', { Start: '14:00', End: '15:30' });
    sync(emulator);
    const now = emailsSent(emulator, before);
    expect(now).toEqual({ invitations: 0, updates: 4, cancellations: 3 });
    const texts = emulator.rt.shown
      .slice(asked)
      .filter((m) => m.kind === 'alert')
      .map((m) => m.text);
    expect(emailsSaid(texts.slice(0, 1), 'will email')).toEqual(now);
    expect(emailsSaid(texts.slice(1), 'is emailing')).toEqual(now);
    expect(emailsSaid(logLines(emulator).slice(logged), 'is emailing')).toEqual(now);
  });

  it('writes .ics files a standard parser reads, one per copy, at the right instants in BST and GMT', async () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    const dir = mkdtempSync(join(tmpdir(), 'cohort-calendar-'));
    await emulator.save(dir);
    const files = readdirSync(join(dir, 'calendar')).filter((f) => f.endsWith('.ics'));
    expect(files).toHaveLength(9 + 21);
    expect(files).toContain('finale-event-2025-11-25-me1-example-org.ics');
    const parsed = files.map((f) => {
      const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'calendar', f), 'utf8')));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const vevent = cal.getFirstSubcomponent('vevent') ?? undefined;
      const event = new ICAL.Event(vevent);
      const attendees = event.attendees.map((a) =>
        String(a.getFirstValue())
          .replace(/^mailto:/i, '')
          .toLowerCase(),
      );
      return {
        summary: event.summary,
        start: event.startDate.toJSDate().toISOString(),
        attendees,
        transp: vevent?.getFirstPropertyValue('transp'),
      };
    });
    const find = (summary: string) => parsed.filter((p) => p.summary === summary);
    for (const p of find('Launch event and speed dating')) expect(p.start).toBe('2025-05-07T09:00:00.000Z');
    for (const p of find('Finale event')) expect(p.start).toBe('2025-11-25T10:00:00.000Z');
    expect(
      find('Finale event')
        .flatMap((p) => p.attendees)
        .sort(),
    ).toEqual(SELECTED);
    expect(find('Drop-in support session for mentors')).toHaveLength(3 * (1 + MENTORS.length));
    expect(find('Application deadline')[0]?.transp).toBe('TRANSPARENT');
  });

  it('a second run with no change makes no calendar write, no sheet write and sends nothing', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    const writes = emulator.calendar.writeCount;
    const mails = emulator.mail.sent.length;
    const second = sync(emulator);
    expect(emulator.calendar.writeCount).toBe(writes);
    expect(emulator.mail.sent.length).toBe(mails);
    expect(calls(second, 'Calendar.Events.insert', 'Calendar.Events.patch', 'Calendar.Events.remove')).toBe(
      0,
    );
    expect(calls(second, 'Calendar.Events.list')).toBe(1);
    expect(calls(second, 'Range.setValues', 'Range.setValue')).toBe(0);
    expect(lastAlert(emulator)).toMatch(/everything is up to date \(9 dates\); nothing was sent/);
  });

  it('a date that has already started is left as it is, and a past one is never created', () => {
    const emulator = cohort(standard());
    moveTo(emulator, Date.UTC(2025, 4, 8, 9)); // 8 May: the deadline, confirmation and launch are past
    syncAll(emulator);
    for (const key of ['application-deadline', 'confirmation', 'launch']) {
      expect([...events(emulator).keys()].filter((k) => k.startsWith(`${key}/`))).toEqual([]);
      expect(programme(emulator, key).Invitations).toBe('This date had passed: no invitations were sent.');
    }
    expect(guestsOf(emulator, 'training')).toEqual(SELECTED);
  });

  it('reports rows with problems in words and leaves their events alone', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    edit(emulator, 'Programme', (r) => r.Key === 'training', { Start: '11:30', End: '10:00' });
    edit(emulator, 'Programme', (r) => r.Key === 'finale', { Audience: 'alumni' });
    edit(emulator, 'Programme', (r) => r.Key === 'launch', { Coach: 'perhaps' });
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.patch', 'Calendar.Events.insert', 'Calendar.Events.remove')).toBe(0);
    expect(programme(emulator, 'training').Problems).toBe('End 10:00 is not after Start 11:30.');
    expect(String(programme(emulator, 'finale').Problems)).toMatch(/Audience "alumni" is not one of/);
    expect(programme(emulator, 'launch').Problems).toBe('Coach "perhaps" is not yes or no.');
    expect(lastAlert(emulator)).toMatch(/3 dates skipped until fixed/);
    edit(emulator, 'Programme', (r) => r.Key === 'training', { Start: '10:00', End: '11:30' });
    sync(emulator);
    expect(programme(emulator, 'training').Problems).toBe('');
  });

  it('adds a row the coordinator typed without a key, and fills the key in', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    appendRows(emulator, 'Programme', [
      { Title: 'Summer social', Date: '2025-08-01', Start: '16:00', End: '17:00', Audience: 'mentees' },
    ]);
    const [first] = syncAll(emulator);
    expect(calls(first!, 'Calendar.Events.insert')).toBe(1);
    const social = rows(emulator, 'Programme').find((r) => r.Title === 'Summer social')!;
    expect(social.Key).toBe('summer-social-2025-08-01');
    expect(guestsOf(emulator, 'summer-social-2025-08-01')).toEqual([
      'me1@example.org',
      'me2@example.org',
      'me3@example.org',
    ]);
    syncAll(emulator);
    expect(events(emulator).size).toBe(10 + 21 + 3);
  });

  it('a key edited by hand keeps the date’s events: nobody is invited twice', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    const before = emulator.mail.sent.length;
    edit(emulator, 'Programme', (r) => r.Key === 'finale', { Key: 'closing-event' });
    const [run] = syncAll(emulator);
    expect(calls(run!, 'Calendar.Events.insert', 'Calendar.Events.remove')).toBe(0);
    expect(invitations(emulator, before)).toEqual([]);
    expect(programme(emulator, 'closing-event')['Event ID']).toBe(host(emulator, 'finale')?.id);
  });

  it('keeps each person’s copy private: its invitation names only its own guest', () => {
    const emulator = cohort([...people('Mentor', 2), ...people('Mentee', 2)]);
    syncAll(emulator);
    for (const mail of invitations(emulator)) {
      expect(mail.calendar?.ics).toContain(mail.to[0]);
      for (const other of ['mr1', 'mr2', 'me1', 'me2'].map((p) => `${p}@example.org`))
        if (other !== mail.to[0]) expect(mail.body + (mail.calendar?.ics ?? '')).not.toContain(other);
    }
    expect(guests(copies(emulator, 'launch')[0])).toHaveLength(1);
  });

  it('in practice mode changes nothing in the calendar and sends nothing', () => {
    const emulator = cohort(standard());
    edit(emulator, 'Settings', (r) => r.Key === 'dryRun', { Value: 'TRUE' });
    sync(emulator);
    emulator.advance(10 * 60_000);
    expect(emulator.calendar.events()).toEqual([]);
    expect(invitations(emulator)).toEqual([]);
    expect(lastAlert(emulator)).toMatch(/^Practice mode is on in Settings: nothing was changed/);
    expect(emulator.script.triggers().filter((t) => t.handler === 'continueCalendar')).toEqual([]);
  });

  it('a date whose audience widens invites only the newcomers; one made the coordinator’s cancels the copies', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    const before = emulator.mail.sent.length;
    edit(emulator, 'Programme', (r) => r.Key === 'drop-in-1', { Audience: 'all participants' });
    edit(emulator, 'Programme', (r) => r.Key === 'drop-in-2', { Audience: 'coordinator' });
    syncAll(emulator);
    const sent = invitations(emulator, before).map((m) => `${m.to.join()} ${m.calendar?.method}`);
    expect(sent.sort()).toEqual(
      [
        ...['me1', 'me2', 'me3'].map((p) => `${p}@example.org REQUEST`),
        ...MENTORS.map((e) => `${e} CANCEL`),
      ].sort(),
    );
    expect(guestsOf(emulator, 'drop-in-1')).toEqual(SELECTED);
    expect(copies(emulator, 'drop-in-2')).toEqual([]);
    expect(events(emulator).get('drop-in-2/reminder')?.transparency).toBe('transparent');
    expect(events(emulator).get('drop-in-2/host')).toBeUndefined();
  });

  it('a row taken out of the Programme tab leaves its events as they are, and says so', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    emulator.spreadsheets.editSheet('Programme', (values) => values.filter((r) => r[0] !== 'drop-in-3'));
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.remove', 'Calendar.Events.patch')).toBe(0);
    expect(lastAlert(emulator)).toMatch(
      /The events of 1 date in the calendar no longer have a row in the Programme tab and were left as they are: Drop-in support session for mentors\./,
    );
  });
});
