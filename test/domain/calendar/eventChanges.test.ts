import { mainEvent, personEvent } from '../../../src/domain/calendar/dateEvents';
import { eventChanges, guestDifference } from '../../../src/domain/calendar/eventChanges';
import { nextDay, startWallClock } from '../../../src/domain/calendar/eventInput';
import type { ProgrammeEntry } from '../../../src/domain/calendar/programmeRow';
import { LAUNCH } from './fixtures';

const launch: ProgrammeEntry = LAUNCH;
const ctx = { footer: 'Part of the scheme.', coach: { name: '', email: '' } };
const ann = { person: 'MR-001', email: 'ann@x.org', name: 'Ann' };
const LINK = 'https://meet.google.com/abc-defg-hij';

describe('dates and times', () => {
  it('makes a whole-day milestone end the next day (exclusive end)', () => {
    const e = mainEvent({ ...launch, start: '', end: '', date: '2025-12-31', audience: 'coordinator' }, ctx);
    expect([e.start, e.end]).toEqual(['2025-12-31', '2026-01-01']);
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(startWallClock('2025-04-18')).toBe('2025-04-18 00:00');
    expect(startWallClock('2025-05-07T10:00:00')).toBe('2025-05-07 10:00');
  });
});

describe('eventChanges', () => {
  const wanted = personEvent(launch, ann, LINK, ctx);
  const existing = { ...wanted, guests: ['ANN@x.org'] };

  it('is null when nothing differs (guests compared as sets, case ignored)', () => {
    expect(eventChanges(existing, wanted)).toBeNull();
  });

  it('sends only what changed; times go together', () => {
    expect(eventChanges({ ...existing, summary: 'Old' }, wanted)).toEqual({ summary: 'Launch event' });
    expect(eventChanges({ ...existing, end: '2025-05-07T12:00:00' }, wanted)).toEqual({
      start: '2025-05-07T10:00:00',
      end: '2025-05-07T11:30:00',
      timeZone: 'Europe/London',
    });
    expect(eventChanges({ ...existing, timeZone: 'Europe/Dublin' }, wanted)).toHaveProperty(
      'timeZone',
      'Europe/London',
    );
    expect(eventChanges({ ...existing, location: '' }, wanted)).toEqual({ location: LINK });
    expect(eventChanges({ ...existing, free: true }, wanted)).toEqual({ free: false });
  });

  it('ignores the zone of a whole-day event', () => {
    const day = mainEvent({ ...launch, start: '', end: '', audience: 'coordinator' }, ctx);
    expect(eventChanges({ ...day, timeZone: '' }, day)).toBeNull();
  });

  it('replaces the guest when the address changed, with the name to show', () => {
    const moved = { ...existing, guests: ['old@x.org'] };
    expect(eventChanges(moved, wanted)).toEqual({
      guests: ['ann@x.org'],
      guestNames: { 'ann@x.org': 'Ann' },
    });
    expect(guestDifference(['a@x.org', 'Gone@x.org'], ['a@x.org', 'new@x.org'])).toEqual({
      added: ['new@x.org'],
      kept: ['a@x.org'],
      removed: ['gone@x.org'],
    });
  });
});
