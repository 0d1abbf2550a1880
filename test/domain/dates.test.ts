import {
  formatLongDate,
  formatTime,
  parseIsoDate,
  parseWallClock,
  programmeDatesText,
  wallClockToInstant,
} from '../../src/domain/dates';
import { PROGRAMME_2025 } from '../../src/domain/prose/programme';

describe('dates', () => {
  it.each([
    ['2025-04-18', { year: 2025, month: 4, day: 18 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['2025-4-18', null],
    ['', null],
  ])('parseIsoDate(%j)', (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
  });

  it.each([
    ['2025-04-18 23:59', { year: 2025, month: 4, day: 18, hour: 23, minute: 59 }],
    [' 2025-04-18T09:05 ', { year: 2025, month: 4, day: 18, hour: 9, minute: 5 }],
    ['2025-04-18 24:00', null],
    ['2025-04-18', null],
  ])('parseWallClock(%j)', (text, expected) => {
    expect(parseWallClock(text)).toEqual(expected);
  });

  it.each([
    ['10:00', '10am'],
    ['11:30', '11.30am'],
    ['12:00', '12pm'],
    ['12:30', '12.30pm'],
    ['13:30', '1.30pm'],
    ['00:15', '12.15am'],
    ['bad', 'bad'],
  ])('formatTime(%j) = %j', (t, expected) => {
    expect(formatTime(t)).toBe(expected);
  });

  it('turns a London wall-clock time into an instant given the offset', () => {
    const wall = parseWallClock('2025-04-18 23:59');
    if (!wall) throw new Error('unparsed');
    expect(wallClockToInstant(wall, 60).toISOString()).toBe('2025-04-18T22:59:00.000Z'); // BST
    expect(wallClockToInstant(wall, 0).toISOString()).toBe('2025-04-18T23:59:00.000Z');
    expect(formatLongDate(wall)).toBe('18 April 2025');
  });

  it('lists the dates that concern each role', () => {
    const mentor = programmeDatesText(PROGRAMME_2025, 'mentor').split('\n');
    const mentee = programmeDatesText(PROGRAMME_2025, 'mentee').split('\n');
    expect(mentor).toHaveLength(6); // launch, training, three drop-ins, finale
    expect(mentee).toHaveLength(3);
    expect(mentee[0]).toBe('- Wednesday 7 May 2025, 10am to 11.30am: Launch event and speed dating (online)');
    expect(mentor.join('\n')).toContain('Drop-in support session for mentors');
    expect(mentee.join('\n')).not.toContain('Drop-in');
    expect(programmeDatesText(PROGRAMME_2025, 'mentee', '2025-05-22')).toBe(
      '- Tuesday 25 November 2025, 10am to 11.30am: Finale event (online)',
    );
  });
});
