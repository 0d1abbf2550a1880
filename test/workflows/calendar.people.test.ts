import { calls, click, edit, people, settings } from '../support/cohort';
import {
  ALL,
  COACH,
  cohort,
  copies,
  DROP_INS,
  events,
  guestsOf,
  host,
  invitations,
  lastAlert,
  MENTORS,
  moveTo,
  programme,
  SELECTED,
  SEND,
  standard,
  sync,
  syncAll,
  WITH_COACH,
} from './calendar.helpers';

const summary = (m: { to: string[]; calendar?: { method: string }; subject: string }) =>
  `${m.to.join()} ${m.calendar?.method} ${m.subject.split(':')[0]}`;

describe('a change to one person emails only that person', () => {
  it('a late joiner gets exactly their own invitations, and nobody else hears of it', () => {
    const emulator = cohort([...standard(), ...people('Mentee', 1, 'Applied', 9)]);
    syncAll(emulator);
    const before = emulator.mail.sent.length;
    expect(edit(emulator, 'Applicants', (r) => r.ID === 'ME-009', { Status: 'Selected' })).toBe(1);
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.insert')).toBe(ALL.length);
    expect(calls(run, 'Calendar.Events.patch', 'Calendar.Events.remove')).toBe(0);
    for (const key of ALL) expect(guestsOf(emulator, key)).toContain('me9@example.org');
    for (const key of DROP_INS) expect(guestsOf(emulator, key)).not.toContain('me9@example.org');
    expect(invitations(emulator, before).map(summary)).toEqual(
      ALL.map(() => 'me9@example.org REQUEST Invitation'),
    );
    expect(programme(emulator, 'launch').Invitations).toBe('6 invited.');
  });

  it('a withdrawal cancels only that person’s copies still to come', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    moveTo(emulator, Date.UTC(2025, 5, 1, 9)); // 1 June: the launch and the training are past
    const before = emulator.mail.sent.length;
    edit(emulator, 'Applicants', (r) => r.ID === 'MR-001', { Status: 'Withdrawn' });
    const run = sync(emulator);
    for (const key of ['launch', 'training']) expect(guestsOf(emulator, key)).toContain('mr1@example.org');
    for (const key of ['finale', ...DROP_INS])
      expect(guestsOf(emulator, key)).not.toContain('mr1@example.org');
    expect(guestsOf(emulator, 'finale')).toEqual(SELECTED.filter((e) => e !== 'mr1@example.org'));
    expect(calls(run, 'Calendar.Events.remove')).toBe(4);
    expect(calls(run, 'Calendar.Events.patch', 'Calendar.Events.insert')).toBe(0);
    expect(invitations(emulator, before).map(summary)).toEqual(
      ['finale', ...DROP_INS].map(() => 'mr1@example.org CANCEL Canceled event'),
    );
    // The copies stay in the calendar as cancelled (Google keeps deleted events).
    const cancelled = emulator.calendar
      .events(undefined, { includeCancelled: true })
      .filter((e) => e.status === 'cancelled');
    expect(cancelled).toHaveLength(4);
  });

  it('a moved date updates each copy in place: each guest gets one update', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    const ids = copies(emulator, 'finale').map((e) => e.id);
    const before = emulator.mail.sent.length;
    edit(emulator, 'Programme', (r) => r.Key === 'finale', { Date: '2025-11-26' });
    const run = sync(emulator);
    expect(calls(run, 'Calendar.Events.patch')).toBe(1 + SELECTED.length);
    expect(calls(run, 'Calendar.Events.insert', 'Calendar.Events.remove')).toBe(0);
    expect(copies(emulator, 'finale').map((e) => e.id)).toEqual(ids);
    for (const e of [host(emulator, 'finale')!, ...copies(emulator, 'finale')])
      expect(Date.parse(e.start?.dateTime ?? '')).toBe(Date.UTC(2025, 10, 26, 10));
    const sent = invitations(emulator, before);
    expect(sent.map((m) => m.to.join()).sort()).toEqual(SELECTED);
    expect(sent.every((m) => m.subject.startsWith('Updated invitation: Finale event'))).toBe(true);
  });

  it('a changed address cancels the old one’s copies and invites the new one', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    const before = emulator.mail.sent.length;
    edit(emulator, 'Applicants', (r) => r.ID === 'MR-002', { Email: 'mr2.new@example.org' });
    sync(emulator);
    const sent = invitations(emulator, before).map(summary).sort();
    expect(sent).toEqual(
      [...ALL, ...DROP_INS]
        .flatMap(() => ['mr2.new@example.org REQUEST Invitation', 'mr2@example.org CANCEL Canceled event'])
        .sort(),
    );
  });
});

describe('the professional coach', () => {
  it('is a guest at the training, the drop-ins and the finale, and named in their descriptions', () => {
    const emulator = cohort(standard());
    settings(emulator, { coachName: COACH.name, coachEmail: COACH.email });
    syncAll(emulator);
    for (const key of WITH_COACH) {
      expect(
        events(emulator)
          .get(`${key}/coach`)
          ?.attendees?.map((a) => a.email),
      ).toEqual([COACH.email]);
      for (const e of [host(emulator, key)!, ...copies(emulator, key)])
        expect(e.description).toContain("With Dr Alex Morgan, the scheme's professional coach.");
      expect(programme(emulator, key).Invitations).toMatch(/\(including the coach\)\.$/);
    }
    expect(events(emulator).get('launch/coach')).toBeUndefined();
    expect(host(emulator, 'launch')?.description).not.toContain('coach');
    expect(invitations(emulator).filter((m) => m.to.includes(COACH.email))).toHaveLength(WITH_COACH.length);
    expect(guestsOf(emulator, 'drop-in-1')).toEqual([COACH.email, ...MENTORS].sort());
  });

  it('a new coach: the old one’s copies are cancelled, the new one invited; nobody else is emailed', () => {
    const emulator = cohort(standard());
    settings(emulator, { coachName: COACH.name, coachEmail: COACH.email });
    syncAll(emulator);
    const before = emulator.mail.sent.length;
    settings(emulator, { coachEmail: 'sam@coaching.example' });
    sync(emulator);
    expect(invitations(emulator, before).map(summary).sort()).toEqual(
      WITH_COACH.flatMap(() => [
        'alex@coaching.example CANCEL Canceled event',
        'sam@coaching.example REQUEST Invitation',
      ]).sort(),
    );
  });

  it('with no coach in Settings nobody extra is invited and no description names one', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    for (const key of WITH_COACH) {
      expect(events(emulator).get(`${key}/coach`)).toBeUndefined();
      expect(copies(emulator, key)[0]?.description).not.toContain("the scheme's professional coach");
    }
  });
});

describe('the programme calendar belongs to the coordinator’s account', () => {
  it('another editor running the sync is told whose it is; nothing is made or sent', () => {
    const emulator = cohort(standard());
    syncAll(emulator);
    const calendars = emulator.calendar.calendars().length;
    const mails = emulator.mail.sent.length;
    const item = emulator.spreadsheets
      .menus()
      .flatMap((m) => m.items)
      .find((i) => i !== 'separator' && i.caption === SEND);
    if (!item || item === 'separator') throw new Error('no menu item');
    const run = emulator.run(item.functionName, undefined, 'menu', { user: 'deputy@example.org' });
    expect(run.ok).toBe(true);
    expect(lastAlert(emulator)).toBe(
      'The programme calendar "Peer Mentoring Scheme 2025" belongs to coordinator@example.org, and Google shows it to no other account. Run "Send calendar invites" signed in as coordinator@example.org.',
    );
    expect(calls(run, 'Calendar.')).toBe(0);
    expect(emulator.calendar.calendars()).toHaveLength(calendars);
    expect(emulator.mail.sent).toHaveLength(mails);
    expect(click(emulator, SEND).ok).toBe(true);
  });
});
