import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { calls, click, DAY, edit, people } from '../support/cohort';
import {
  cohort,
  emailsSaid,
  emailsSent,
  events,
  host,
  invitations,
  lastAlert,
  logLines,
  programme,
  SEND,
  SESSIONS,
  standard,
  sync,
  syncAll,
} from './calendar.helpers';

const subjects = (emulator: Emulator) =>
  invitations(emulator)
    .map((m) => `${m.to.join()} ${m.subject}`)
    .sort();
const waitingContinuations = (emulator: Emulator) =>
  emulator.script.triggers().filter((t) => t.handler === 'continueCalendar' && !t.fired);

describe('a run cut off, refused or slow ends where a clean one does', () => {
  it('killed at any insert, in the click or in the continuation, and run again: no duplicate, nobody invited twice', () => {
    const clean = cohort(standard());
    syncAll(clean);
    const expected = subjects(clean);
    const total = events(clean).size;
    // The click inserts the 9 host events and reminders; the continuation the 21 copies.
    for (const killAt of [1, 5, 9, 10, 17, 30]) {
      const emulator = cohort(standard());
      let inserts = 0;
      let armed = true;
      emulator.rt.faults.push((call, rt) => {
        if (armed && call === 'Calendar.Events.insert' && ++inserts === killAt) {
          armed = false;
          rt.kill();
        }
      });
      const first = click(emulator, SEND);
      const later = emulator.advance(10 * 60_000);
      expect([first, ...later].some((r) => r.killed)).toBe(true);
      syncAll(emulator);
      expect(events(emulator).size).toBe(total);
      for (const key of SESSIONS) expect(programme(emulator, key)['Event ID']).toBe(host(emulator, key)?.id);
      expect(subjects(emulator)).toEqual(expected);
    }
  });

  it('retries a rate-limited call with backoff and goes on', () => {
    const emulator = cohort(standard());
    let refusals = 0;
    emulator.calendar.failures.push((call) =>
      call.method === 'insert' && refusals++ < 2 ? 'Rate Limit Exceeded' : undefined,
    );
    const [run] = syncAll(emulator);
    expect(events(emulator).size).toBe(9 + 21);
    expect(calls(run!, 'Utilities.sleep')).toBe(2);
    expect(calls(run!, 'Calendar.Events.insert')).toBe(9 + 2);
  });

  it('says in words when Google Calendar stays busy, and continues by itself later', () => {
    const emulator = cohort(standard());
    let busy = true;
    emulator.calendar.failures.push((call) =>
      busy && call.method === 'insert' ? 'Calendar usage limits exceeded.' : undefined,
    );
    sync(emulator);
    expect(lastAlert(emulator)).toMatch(
      /Google Calendar is busy \("Calendar usage limits exceeded\."\): 9 changes will be tried again/,
    );
    expect(emulator.calendar.events()).toHaveLength(0);
    expect(waitingContinuations(emulator)).toHaveLength(1);
    busy = false;
    const ran = emulator.advance(40 * 60_000);
    expect(ran.every((r) => r.ok)).toBe(true);
    expect(events(emulator).size).toBe(9 + 21);
    expect(waitingContinuations(emulator)).toHaveLength(0);
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
    expect(emulator.advance(40 * 60_000).every((r) => r.ok)).toBe(true);
    expect(events(emulator).size).toBe(9 + 21);
  });

  it('stops before the time budget runs out and finishes in continuations, with no duplicates', () => {
    const emulator = cohort(standard());
    // Each insert takes 100 simulated seconds: three fit in the 4½-minute budget.
    emulator.rt.faults.push((call, rt) => {
      if (call === 'Calendar.Events.insert') rt.clock.advance(100_000);
    });
    sync(emulator);
    expect(emulator.calendar.events().length).toBeLessThan(9);
    expect(lastAlert(emulator)).toMatch(/changes will be made automatically in a minute/);
    const ran = emulator.advance(DAY);
    expect(ran.length).toBeGreaterThan(1);
    expect(ran.every((r) => r.ok)).toBe(true);
    expect(events(emulator).size).toBe(9 + 21);
    expect(invitations(emulator)).toHaveLength(21);
    expect(waitingContinuations(emulator)).toHaveLength(0);
  });

  it('the day’s event quota spent: the rest is made when Google allows it again, each once', () => {
    const emulator = cohort(standard(), { calendar: { eventsPerDay: 20 } });
    sync(emulator);
    emulator.advance(2 * DAY);
    expect(events(emulator).size).toBe(9 + 21);
    expect(invitations(emulator)).toHaveLength(21);
    expect(emailsSaid(logLines(emulator), 'is emailing')).toEqual(emailsSent(emulator));
  });
});

describe('Meet rooms', () => {
  it('a room Meet failed to make is asked for again by itself, at most 3 times, then in words', () => {
    const emulator = cohort(standard());
    emulator.calendar.conferenceOutcome = () => 'failure';
    syncAll(emulator);
    emulator.advance(DAY);
    expect(invitations(emulator)).toEqual([]);
    const row = programme(emulator, 'launch');
    expect(row.Problems).toBe(
      'Google Meet did not make a room for this date (3 tries), so its invitations wait. Run "Send calendar invites" again to ask once more.',
    );
    expect(row.Invitations).toBe('0 invited; 5 invitations wait for a Meet room.');
    expect(host(emulator, 'launch')?.conferenceData?.createRequest?.requestId).toBe('cohort-launch-3');
    expect(waitingContinuations(emulator)).toHaveLength(0);
    // Meet works again: the coordinator's click asks once more, and the invitations go.
    emulator.calendar.conferenceOutcome = () => 'success';
    syncAll(emulator);
    expect(invitations(emulator)).toHaveLength(21);
    expect(programme(emulator, 'launch').Problems).toBe('');
    expect(programme(emulator, 'launch')['Meet link']).toBe(host(emulator, 'launch')?.hangoutLink);
  });

  it('a room that takes long keeps the copies waiting, checked once a minute with one list', () => {
    const emulator = cohort(standard(), { calendar: { meetReadyAfterMs: 4 * 60_000 } });
    sync(emulator);
    const ran = emulator.advance(12 * 60_000);
    expect(ran.length).toBeGreaterThan(1);
    for (const r of ran) expect(calls(r, 'Calendar.Events.list')).toBe(1);
    expect(invitations(emulator)).toHaveLength(21);
    expect(waitingContinuations(emulator)).toHaveLength(0);
  });
});

describe('cost', () => {
  /** A cohort of n people with 7 programme dates (the two application milestones taken out). */
  function measure(n: number): {
    late: ExecutionResult;
    moved: ExecutionResult;
    continuations: ExecutionResult[];
  } {
    const emulator = cohort([
      ...people('Mentor', n / 2),
      ...people('Mentee', n / 2),
      ...people('Mentee', 1, 'Applied', 999),
    ]);
    emulator.spreadsheets.editSheet('Programme', (values) =>
      values.filter((r, i) => i === 0 || !['application-deadline', 'confirmation'].includes(String(r[0]))),
    );
    sync(emulator);
    // 1,350 copies at 300 people: several continuations of 4½ minutes each.
    // Only the continuations: set-up's daily triggers may run within the hour, at their own minute.
    const continuations = emulator.advance(60 * 60_000).filter((r) => r.handler === 'continueCalendar');
    expect(continuations.length).toBeGreaterThan(0);
    expect(waitingContinuations(emulator)).toHaveLength(0);
    // Each continuation lists the calendar once (no question, so no second plan).
    for (const r of continuations) expect(calls(r, 'Calendar.Events.list')).toBe(1);
    edit(emulator, 'Applicants', (r) => r.ID === 'ME-999', { Status: 'Selected' });
    const late = sync(emulator);
    edit(emulator, 'Programme', (r) => r.Key === 'drop-in-2', { Start: '13:00', End: '14:00' });
    const moved = sync(emulator);
    return { late, moved, continuations };
  }

  it('grows with the events changed, not with the participants (10 and 300 people)', () => {
    const small = measure(10);
    const large = measure(300);
    const calendar = (r: ExecutionResult) =>
      Object.fromEntries([...r.calls].filter(([k]) => k.startsWith('Calendar.')));
    // A late joiner: two lists (before and after the question: the dialog drops the lock) and
    // their three inserts, however many people there are.
    expect(calendar(large.late)).toEqual(calendar(small.late));
    expect(calendar(small.late)).toEqual({ 'Calendar.Events.list': 2, 'Calendar.Events.insert': 3 });
    // A moved drop-in: its host event and each mentor's copy (and nothing else), plus the two lists.
    expect(calendar(small.moved)).toEqual({ 'Calendar.Events.list': 2, 'Calendar.Events.patch': 1 + 5 });
    expect(calendar(large.moved)).toEqual({ 'Calendar.Events.list': 2, 'Calendar.Events.patch': 1 + 150 });
  });
});
