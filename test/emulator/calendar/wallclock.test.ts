import fc from 'fast-check';
import { rfc3339InZone } from '../../../src/emulator/calendar/rfc3339';
import { instantOf, wallClockAt } from '../../../src/emulator/runtime/timeZone';
import { finale, harness, launch, thrown } from './harness';

describe('wall-clock times in Europe/London', () => {
  it('launch 7 May 2025 10:00 is 09:00Z (BST), finale 25 November 10:00 is 10:00Z (GMT)', () => {
    const { Calendar } = harness();
    const l = Calendar.Events.insert(launch(), 'primary');
    const f = Calendar.Events.insert(finale(), 'primary');
    expect(l.start?.dateTime).toBe('2025-05-07T10:00:00+01:00');
    expect(Date.parse(l.start?.dateTime ?? '')).toBe(Date.UTC(2025, 4, 7, 9, 0));
    expect(f.start?.dateTime).toBe('2025-11-25T10:00:00Z');
    expect(Date.parse(f.start?.dateTime ?? '')).toBe(Date.UTC(2025, 10, 25, 10, 0));
  });

  it('reads a dateTime with an offset as that instant, and shows it in the event zone', () => {
    const { Calendar } = harness();
    const e = Calendar.Events.insert(
      {
        summary: 'x',
        start: { dateTime: '2025-05-07T09:00:00Z', timeZone: 'Europe/London' },
        end: { dateTime: '2025-05-07T12:30:00+02:00' },
      },
      'primary',
    );
    expect(e.start?.dateTime).toBe('2025-05-07T10:00:00+01:00');
    expect(e.end).toEqual({ dateTime: '2025-05-07T11:30:00+01:00' });
  });

  it('keeps an all-day date as a date', () => {
    const { Calendar } = harness();
    const e = Calendar.Events.insert(
      { summary: 'Deadline', start: { date: '2025-04-18' }, end: { date: '2025-04-19' } },
      'primary',
    );
    expect(e.start).toEqual({ date: '2025-04-18' });
  });

  it('refuses a time without zone, an unknown zone, a mixed or an empty span', () => {
    const { Calendar } = harness();
    const base = launch();
    expect(
      thrown(() =>
        Calendar.Events.insert({ ...base, start: { dateTime: '2025-05-07T10:00:00' } }, 'primary'),
      ),
    ).toBe(
      'GoogleJsonResponseException: API call to calendar.events.insert failed with error: Missing time zone definition for start time.',
    );
    expect(
      thrown(() =>
        Calendar.Events.insert(
          { ...base, start: { dateTime: '2025-05-07T10:00:00', timeZone: 'Mars/Olympus' } },
          'primary',
        ),
      ),
    ).toContain('Invalid time zone definition for start time.');
    expect(
      thrown(() => Calendar.Events.insert({ ...base, end: { date: '2025-05-08' } }, 'primary')),
    ).toContain('Start and end times must either both be date or both be dateTime.');
    expect(
      thrown(() =>
        Calendar.Events.insert(
          { ...base, end: { dateTime: '2025-05-07T09:00:00', timeZone: 'Europe/London' } },
          'primary',
        ),
      ),
    ).toContain('The specified time range is empty.');
  });

  it('resolves the clock-change edges by the compatible rule', () => {
    // 30 March 2025: 01:30 does not exist in London; read with GMT, it is 02:30 BST.
    expect(
      rfc3339InZone(
        instantOf({ year: 2025, month: 3, day: 30, hour: 1, minute: 30, second: 0 }, 'Europe/London'),
        'Europe/London',
      ),
    ).toBe('2025-03-30T02:30:00+01:00');
    // 26 October 2025: 01:30 happens twice; the first (BST) wins.
    expect(
      instantOf({ year: 2025, month: 10, day: 26, hour: 1, minute: 30, second: 0 }, 'Europe/London'),
    ).toBe(Date.UTC(2025, 9, 26, 0, 30));
  });

  it('round-trips any instant through its London wall clock (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (raw) => {
        const ms = Math.floor(raw / 1000) * 1000;
        const w = wallClockAt(ms, 'Europe/London');
        const back = instantOf(w, 'Europe/London');
        // In the autumn overlap two instants share a wall clock; both show the same wall time.
        expect(wallClockAt(back, 'Europe/London')).toEqual(w);
        expect(Date.parse(rfc3339InZone(ms, 'Europe/London'))).toBe(ms);
      }),
      { numRuns: 500 },
    );
  });
});
