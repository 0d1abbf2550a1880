import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { addApplicants, calls, click, DAY, edit, newCohort, people, rows, setUp } from '../support/cohort';

const SEND = 'Send calendar invites';
const COORDINATOR = 'coordinator@example.org';
const ALL = ['launch', 'training', 'finale'];
const DROP_INS = ['drop-in-1', 'drop-in-2', 'drop-in-3'];
const COORDINATOR_ONLY = ['application-deadline', 'confirmation', 'pairs-announced'];

type Event = GoogleAppsScript.Calendar.Schema.Event;

/** A set-up cohort whose coordinator email is filled in, with these applicants. */
function cohort(applicants: Parameters<typeof addApplicants>[1]): Emulator {
  const emulator = setUp(newCohort());
  edit(emulator, 'Settings', (r) => r.Key === 'coordinatorEmail', { Value: COORDINATOR });
  edit(emulator, 'Settings', (r) => r.Key === 'coordinatorName', { Value: 'Morgan Coordinator' });
  addApplicants(emulator, applicants);
  return emulator;
}

const standard = () => [
  ...people('Mentor', 2),
  ...people('Mentee', 3),
  ...people('Mentee', 1, 'Waitlisted', 4),
  ...people('Mentor', 1, 'Withdrawn', 3),
];
const SELECTED = [
  'me1@example.org',
  'me2@example.org',
  'me3@example.org',
  'mr1@example.org',
  'mr2@example.org',
];
const MENTORS = ['mr1@example.org', 'mr2@example.org'];

function events(emulator: Emulator): Map<string, Event> {
  const out = new Map<string, Event>();
  for (const e of emulator.calendar.events()) {
    const key = e.extendedProperties?.private?.cohortKey ?? '';
    if (out.has(key)) throw new Error(`two events for ${key}`);
    out.set(key, e);
  }
  return out;
}

const guests = (e: Event | undefined) => (e?.attendees ?? []).map((a) => a.email ?? '').sort();
const invitations = (emulator: Emulator, since = 0) =>
  emulator.mail.sent.slice(since).filter((m) => m.via === 'Calendar');
const lastAlert = (emulator: Emulator) =>
  [...emulator.rt.shown].reverse().find((m) => m.kind === 'alert')?.text ?? '';

function sync(emulator: Emulator): ExecutionResult {
  const result = click(emulator, SEND);
  expect(result.ok).toBe(true);
  return result;
}

describe('Send calendar invites', () => {
  it('creates one event per programme date with a Meet link, reminders and the audience as guests', () => {
    const emulator = cohort(standard());
    sync(emulator);
    const byKey = events(emulator);
    expect([...byKey.keys()].sort()).toEqual([...ALL, ...DROP_INS, ...COORDINATOR_ONLY].sort());
    for (const key of ALL) expect(guests(byKey.get(key))).toEqual(SELECTED);
    for (const key of DROP_INS) expect(guests(byKey.get(key))).toEqual(MENTORS);
    for (const key of COORDINATOR_ONLY) expect(guests(byKey.get(key))).toEqual([COORDINATOR]);
    const launch = byKey.get('launch')!;
    expect(launch.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(launch.start).toEqual({ dateTime: '2025-05-07T10:00:00+01:00', timeZone: 'Europe/London' });
    expect(launch.reminders?.useDefault).toBe(false);
    expect(launch.description).toContain('Mentors speak for two minutes');
    expect(byKey.get('application-deadline')!.start).toEqual({ date: '2025-04-18' });
    expect(byKey.get('application-deadline')!.end).toEqual({ date: '2025-04-19' });

    // Event ids, Meet links and the time of the sync are written back to the Programme tab.
    for (const row of rows(emulator, 'Programme')) {
      const event = byKey.get(String(row.Key))!;
      expect(row['Event ID']).toBe(event.id);
      expect(row['Meet link']).toBe(event.hangoutLink);
      expect(row['Last synced']).toBeInstanceOf(Date);
      expect(row.Problems).toBe('');
    }
    // Google's own invitations: one per guest and event (the coordinator owns the calendar).
    const sent = invitations(emulator);
    expect(sent.every((m) => m.calendar?.method === 'REQUEST')).toBe(true);
    expect(sent).toHaveLength(ALL.length * SELECTED.length + DROP_INS.length * MENTORS.length);
    expect(sent.filter((m) => m.to.includes('me4@example.org') || m.to.includes('mr3@example.org'))).toEqual(
      [],
    );
    expect(lastAlert(emulator)).toMatch(/9 events created/);
  });

  it('keeps the guest list private: each invitation names only its own guest', () => {
    const emulator = cohort(standard());
    sync(emulator);
    const launch = invitations(emulator).filter((m) => m.subject.startsWith('Invitation: Launch event'));
    expect(launch).toHaveLength(SELECTED.length);
    for (const mail of launch) {
      const attendees = (mail.calendar?.ics.match(/^ATTENDEE/gm) ?? []).length;
      expect(attendees).toBe(1);
      expect(mail.calendar?.ics).toContain(mail.to[0]);
    }
    expect(events(emulator).get('launch')?.guestsCanSeeOtherGuests).toBe(false);
  });

  it('writes .ics files a standard parser reads, at the right instants in BST and GMT', async () => {
    const emulator = cohort(standard());
    sync(emulator);
    const dir = mkdtempSync(join(tmpdir(), 'cohort-calendar-'));
    await emulator.save(dir);
    const files = readdirSync(join(dir, 'calendar')).filter((f) => f.endsWith('.ics'));
    expect(files).toHaveLength(9);
    const parsed = files.map((f) => {
      const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'calendar', f), 'utf8')));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
      const attendees = event.attendees
        .map((a) =>
          String(a.getFirstValue())
            .replace(/^mailto:/i, '')
            .toLowerCase(),
        )
        .sort();
      return { summary: event.summary, start: event.startDate.toJSDate().toISOString(), attendees };
    });
    const find = (summary: string) => parsed.filter((p) => p.summary === summary);
    expect(find('Launch event and speed dating')[0]).toMatchObject({
      start: '2025-05-07T09:00:00.000Z',
      attendees: SELECTED,
    });
    expect(find('Finale event')[0]).toMatchObject({ start: '2025-11-25T10:00:00.000Z', attendees: SELECTED });
    expect(find('Mentor and mentee training')[0]!.attendees).toEqual(SELECTED);
    const dropIns = find('Drop-in support session for mentors');
    expect(dropIns).toHaveLength(3);
    for (const d of dropIns) expect(d.attendees).toEqual(MENTORS);
  });

  it('a second run with no change makes no calendar write, no sheet write and sends nothing', () => {
    const emulator = cohort(standard());
    sync(emulator);
    const writes = emulator.calendar.writeCount;
    const mails = emulator.mail.sent.length;
    const second = sync(emulator);
    expect(emulator.calendar.writeCount).toBe(writes);
    expect(emulator.mail.sent.length).toBe(mails);
    expect(
      calls(second, 'Calendar.Events.insert', 'Calendar.Events.patch', 'Calendar.Calendars.insert'),
    ).toBe(0);
    expect(calls(second, 'Range.setValues', 'Range.setValue')).toBe(0);
    expect(lastAlert(emulator)).toMatch(/everything is up to date \(9 dates\); nothing was sent/);
  });

  it('selecting one more mentee adds them to exactly the events of their audience', () => {
    const emulator = cohort([...standard(), ...people('Mentee', 1, 'Applied', 9)]);
    sync(emulator);
    const before = emulator.mail.sent.length;
    expect(edit(emulator, 'Applicants', (r) => r.ID === 'ME-009', { Status: 'Selected' })).toBe(1);
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.patch')).toBe(ALL.length);
    expect(calls(run, 'Calendar.Events.insert')).toBe(0);
    const byKey = events(emulator);
    for (const [key, event] of byKey)
      expect(guests(event).includes('me9@example.org')).toBe(ALL.includes(key));
    const sent = invitations(emulator, before);
    expect(sent.map((m) => m.to.join())).toEqual(ALL.map(() => 'me9@example.org'));
    expect(sent.every((m) => m.calendar?.method === 'REQUEST')).toBe(true);
  });

  it('withdrawing a participant removes them from future events only, with a cancellation', () => {
    const emulator = cohort(standard());
    sync(emulator);
    emulator.advance(Date.UTC(2025, 5, 1, 9) - emulator.rt.clock.now()); // 1 June: launch and training are past
    const before = emulator.mail.sent.length;
    edit(emulator, 'Applicants', (r) => r.ID === 'MR-001', { Status: 'Withdrawn' });
    const run = sync(emulator);
    const byKey = events(emulator);
    for (const key of ['launch', 'training']) expect(guests(byKey.get(key))).toContain('mr1@example.org');
    for (const key of ['finale', ...DROP_INS])
      expect(guests(byKey.get(key))).not.toContain('mr1@example.org');
    expect(guests(byKey.get('finale'))).toEqual(SELECTED.filter((e) => e !== 'mr1@example.org'));
    expect(calls(run, 'Calendar.Events.patch')).toBe(4);
    const sent = invitations(emulator, before);
    expect(sent).toHaveLength(4);
    expect(sent.every((m) => m.calendar?.method === 'CANCEL' && m.to.join() === 'mr1@example.org')).toBe(
      true,
    );
  });

  it('moving a date updates that one event in place and notifies its guests', () => {
    const emulator = cohort(standard());
    sync(emulator);
    const id = events(emulator).get('finale')!.id;
    const before = emulator.mail.sent.length;
    edit(emulator, 'Programme', (r) => r.Key === 'finale', { Date: '2025-11-26' });
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.patch')).toBe(1);
    expect(calls(run, 'Calendar.Events.insert')).toBe(0);
    const finale = events(emulator).get('finale')!;
    expect(finale.id).toBe(id);
    expect(Date.parse(finale.start?.dateTime ?? '')).toBe(Date.UTC(2025, 10, 26, 10));
    const sent = invitations(emulator, before);
    expect(sent.map((m) => m.to.join()).sort()).toEqual(SELECTED);
    expect(sent.every((m) => m.subject.startsWith('Updated invitation: Finale event'))).toBe(true);
    expect(rows(emulator, 'Programme').find((r) => r.Key === 'finale')!['Event ID']).toBe(id);
  });

  it('a run killed half-way and run again creates no duplicate event and invites nobody twice', () => {
    const clean = cohort(standard());
    sync(clean);
    const expected = invitations(clean)
      .map((m) => m.subject)
      .sort();
    for (const killAt of [1, 4, 9, 10]) {
      const emulator = cohort(standard());
      let inserts = 0;
      let armed = true;
      emulator.rt.faults.push((call, rt) => {
        if (!armed) return;
        if (call === 'Calendar.Events.insert') inserts++;
        // 1…9: before the n-th insert; 10: at the write-back after all nine.
        if (
          (call === 'Calendar.Events.insert' && inserts === killAt) ||
          (killAt === 10 && inserts === 9 && call === 'Range.setValues')
        ) {
          armed = false;
          rt.kill();
        }
      });
      const killed = click(emulator, SEND);
      expect(killed.killed).toBe(true);
      expect(emulator.calendar.events()).toHaveLength(Math.min(killAt - 1, 9));
      sync(emulator);
      const byKey = events(emulator);
      expect(byKey.size).toBe(9);
      for (const row of rows(emulator, 'Programme'))
        expect(row['Event ID']).toBe(byKey.get(String(row.Key))!.id);
      expect(
        invitations(emulator)
          .map((m) => m.subject)
          .sort(),
      ).toEqual(expected);
    }
  });

  it('calendar calls grow with the events changed, not with the participants (7 events, 500 people)', () => {
    const measure = (n: number) => {
      const emulator = cohort([...people('Mentor', n / 2), ...people('Mentee', n / 2)]);
      // Seven programme dates: the two application milestones are taken out.
      emulator.spreadsheets.editSheet('Programme', (values) =>
        values.filter((r, i) => i === 0 || !['application-deadline', 'confirmation'].includes(String(r[0]))),
      );
      const first = sync(emulator);
      expect(calls(first, 'Calendar.Events.insert')).toBe(7);
      // + two lists: one for the question, one to re-plan after the coordinator said yes (the
      // dialog drops the lock, so what was listed before it may be out of date).
      expect(calls(first, 'Calendar.Events.')).toBe(7 + 2);
      expect(calls(first, 'Calendar.Calendars.')).toBeLessThanOrEqual(1); // made here unless set-up made it
      expect(guests(events(emulator).get('launch'))).toHaveLength(n);
      edit(emulator, 'Programme', (r) => r.Key === 'drop-in-2', { Start: '13:00', End: '14:00' });
      const second = sync(emulator);
      expect(calls(second, 'Calendar.')).toBe(3); // two lists (before and after the question), one patch
      return { first: Object.fromEntries(first.calls), second: Object.fromEntries(second.calls) };
    };
    const small = measure(10);
    const large = measure(500);
    expect(large).toEqual(small);
  });

  it('retries a rate-limited call with backoff and goes on', () => {
    const emulator = cohort(standard());
    let refusals = 0;
    emulator.calendar.failures.push((call) =>
      call.method === 'insert' && refusals++ < 2 ? 'Rate Limit Exceeded' : undefined,
    );
    const run = sync(emulator);
    expect(events(emulator).size).toBe(9);
    expect(calls(run, 'Utilities.sleep')).toBe(2);
    expect(calls(run, 'Calendar.Events.insert')).toBe(9 + 2);
  });

  it('says in words when Google Calendar stays busy, and continues by itself later', () => {
    const emulator = cohort(standard());
    let busy = true;
    emulator.calendar.failures.push((call) =>
      busy && call.method === 'insert' ? 'Calendar usage limits exceeded.' : undefined,
    );
    sync(emulator);
    expect(lastAlert(emulator)).toMatch(
      /Google Calendar is busy \("Calendar usage limits exceeded\."\): 9 dates will be tried again/,
    );
    expect(emulator.calendar.events()).toHaveLength(0);
    expect(
      emulator.script.triggers().filter((t) => t.handler === 'continueCalendar' && !t.fired),
    ).toHaveLength(1);
    busy = false;
    const ran = emulator.advance(20 * 60_000);
    expect(ran.map((r) => [r.handler, r.ok])).toEqual([['continueCalendar', true]]);
    expect(events(emulator).size).toBe(9);
  });

  it('when even the listing is refused, changes nothing and tries again later', () => {
    const emulator = cohort(standard());
    let busy = true;
    emulator.calendar.failures.push((call) => (busy && call.method === 'list' ? 'Backend Error' : undefined));
    sync(emulator);
    expect(lastAlert(emulator)).toBe(
      'Google Calendar is busy ("Backend Error"): nothing was changed. It will be tried again automatically in 15 minutes.',
    );
    expect(emulator.calendar.events()).toHaveLength(0);
    busy = false;
    expect(emulator.advance(20 * 60_000).map((r) => r.ok)).toEqual([true]);
    expect(events(emulator).size).toBe(9);
  });

  it('stops before the time budget runs out and finishes in a continuation, with no duplicates', () => {
    const emulator = cohort(standard());
    // Each insert takes 100 simulated seconds: three fit in the 4½-minute budget.
    emulator.rt.faults.push((call, rt) => {
      if (call === 'Calendar.Events.insert') rt.clock.advance(100_000);
    });
    sync(emulator);
    expect(emulator.calendar.events().length).toBeLessThan(9);
    expect(lastAlert(emulator)).toMatch(/will be done automatically in a minute/);
    const ran = emulator.advance(DAY);
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.every((r) => r.ok)).toBe(true);
    expect(events(emulator).size).toBe(9);
    expect(rows(emulator, 'Programme').every((r) => r['Event ID'] !== '')).toBe(true);
    expect(
      emulator.script.triggers().filter((t) => t.handler === 'continueCalendar' && !t.fired),
    ).toHaveLength(0);
  });

  it('reports rows with problems in words and leaves their events alone', () => {
    const emulator = cohort(standard());
    sync(emulator);
    edit(emulator, 'Programme', (r) => r.Key === 'training', { Start: '11:30', End: '10:00' });
    edit(emulator, 'Programme', (r) => r.Key === 'finale', { Audience: 'alumni' });
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.patch', 'Calendar.Events.insert')).toBe(0);
    const programme = rows(emulator, 'Programme');
    expect(programme.find((r) => r.Key === 'training')!.Problems).toBe('End 10:00 is not after Start 11:30.');
    expect(String(programme.find((r) => r.Key === 'finale')!.Problems)).toMatch(
      /Audience "alumni" is not one of/,
    );
    expect(lastAlert(emulator)).toMatch(/2 dates skipped until fixed/);
    edit(emulator, 'Programme', (r) => r.Key === 'training', { Start: '10:00', End: '11:30' });
    sync(emulator);
    expect(rows(emulator, 'Programme').find((r) => r.Key === 'training')!.Problems).toBe('');
  });

  it('adds a row the coordinator typed without a key, and fills the key in', () => {
    const emulator = cohort(standard());
    sync(emulator);
    emulator.spreadsheets.editSheet('Programme', (values) => {
      const header = (values[0] ?? []).map(String);
      const row: Record<string, string> = {
        Title: 'Summer social',
        Date: '2025-08-01',
        Start: '16:00',
        End: '17:00',
        Audience: 'mentees',
      };
      return [...values.filter((r) => r.some((v) => v !== '')), header.map((h) => row[h] ?? '')];
    });
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.insert')).toBe(1);
    expect(calls(run, 'Calendar.Events.patch')).toBe(0);
    const social = rows(emulator, 'Programme').find((r) => r.Title === 'Summer social')!;
    expect(social.Key).toBe('summer-social-2025-08-01');
    expect(guests(events(emulator).get('summer-social-2025-08-01'))).toEqual([
      'me1@example.org',
      'me2@example.org',
      'me3@example.org',
    ]);
    sync(emulator);
    expect(events(emulator).size).toBe(10);
  });
});
