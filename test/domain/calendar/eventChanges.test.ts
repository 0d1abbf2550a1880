import { eventChanges, guestDifference } from '../../../src/domain/calendar/eventChanges';
import { eventFor, nextDay, startWallClock } from '../../../src/domain/calendar/eventInput';
import type { ProgrammeEntry } from '../../../src/domain/calendar/programmeRow';
import { LAUNCH } from './fixtures';

const launch: ProgrammeEntry = LAUNCH;

describe('eventFor', () => {
  it('gives wall-clock times in the date zone, and the footer after a blank line', () => {
    expect(eventFor(launch, ['a@x.org'], 'Part of the scheme.')).toEqual({
      key: 'launch',
      summary: 'Launch event',
      description: 'Speed dating\n\nPart of the scheme.',
      start: '2025-05-07T10:00:00',
      end: '2025-05-07T11:30:00',
      timeZone: 'Europe/London',
      guests: ['a@x.org'],
    });
  });

  it('makes a whole-day milestone end the next day (exclusive end)', () => {
    const e = eventFor({ ...launch, start: '', end: '', date: '2025-12-31' }, []);
    expect([e.start, e.end]).toEqual(['2025-12-31', '2026-01-01']);
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(startWallClock('2025-04-18')).toBe('2025-04-18 00:00');
    expect(startWallClock('2025-05-07T10:00:00')).toBe('2025-05-07 10:00');
  });
});

describe('eventChanges', () => {
  const wanted = eventFor(launch, ['a@x.org', 'b@x.org']);
  const existing = { ...wanted, guests: ['B@x.org', 'a@x.org'] };

  it('is null when nothing differs (guests compared as sets, case ignored)', () => {
    expect(eventChanges(existing, wanted, { keepGuests: false })).toBeNull();
  });

  it('sends only what changed; times go together', () => {
    expect(eventChanges({ ...existing, summary: 'Old' }, wanted, { keepGuests: false })).toEqual({
      summary: 'Launch event',
    });
    expect(eventChanges({ ...existing, end: '2025-05-07T12:00:00' }, wanted, { keepGuests: false })).toEqual({
      start: '2025-05-07T10:00:00',
      end: '2025-05-07T11:30:00',
      timeZone: 'Europe/London',
    });
    expect(
      eventChanges({ ...existing, timeZone: 'Europe/Dublin' }, wanted, { keepGuests: false }),
    ).toHaveProperty('timeZone', 'Europe/London');
  });

  it('ignores the zone of a whole-day event', () => {
    const day = eventFor({ ...launch, start: '', end: '' }, []);
    expect(eventChanges({ ...day, timeZone: '' }, day, { keepGuests: false })).toBeNull();
  });

  it('changes guests of a future event only', () => {
    const fewer = { ...existing, guests: ['a@x.org', 'b@x.org', 'gone@x.org'] };
    expect(eventChanges(fewer, wanted, { keepGuests: false })).toEqual({ guests: ['a@x.org', 'b@x.org'] });
    expect(eventChanges(fewer, wanted, { keepGuests: true })).toBeNull();
    expect(guestDifference(fewer.guests, wanted.guests)).toEqual({ added: [], removed: ['gone@x.org'] });
  });
});
