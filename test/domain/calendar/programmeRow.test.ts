import {
  checkProgramme,
  checkProgrammeRow,
  keyFor,
  normaliseTime,
} from '../../../src/domain/calendar/programmeRow';
import { LAUNCH } from './fixtures';

const row = (over: Partial<Record<string, string>> = {}) => ({
  ...LAUNCH,
  coach: LAUNCH.coach ? 'yes' : '',
  ...over,
});

describe('checkProgrammeRow', () => {
  it('accepts a timed date and a whole-day milestone', () => {
    expect(checkProgrammeRow(row(), 'Europe/London')).toEqual({
      entry: LAUNCH,
      problems: [],
      keyFilled: false,
    });
    const milestone = checkProgrammeRow(
      row({ start: '', end: '', audience: ' Coordinator ', timeZone: '' }),
      'Europe/London',
    );
    expect(milestone.entry).toMatchObject({
      start: '',
      end: '',
      audience: 'coordinator',
      timeZone: 'Europe/London',
    });
  });

  it.each([
    [{ date: '2025-02-30' }, 'Date "2025-02-30" is not a date like 2025-05-07.'],
    [{ date: '' }, 'Date is empty: write it like 2025-05-07.'],
    [{ start: '11:30', end: '10:00' }, 'End 10:00 is not after Start 11:30.'],
    [{ start: '10:00', end: '10:00' }, 'End 10:00 is not after Start 10:00.'],
    [{ start: '10am' }, 'Start "10am" is not a time like 10:00.'],
    [{ end: '' }, 'Start and End must both be filled in, or both left empty for a whole-day date.'],
    [
      { audience: 'alumni' },
      'Audience "alumni" is not one of: all participants, mentors, mentees, coordinator.',
    ],
    [{ title: ' ' }, 'Title is empty.'],
    [{ timeZone: 'London time' }, 'Time zone "London time" is not a time zone like Europe/London.'],
    [{ coach: 'maybe' }, 'Coach "maybe" is not yes or no.'],
  ])('says what is wrong with %j', (over, problem) => {
    const checked = checkProgrammeRow(row(over), 'Europe/London');
    expect(checked.entry).toBeNull();
    expect(checked.problems).toContain(problem);
  });

  it('reads the Coach cell: yes, TRUE, x or ✓ invite the coach; empty or no do not; a missing cell is no', () => {
    for (const yes of ['yes', ' Yes ', 'TRUE', 'x', '✓'])
      expect(checkProgrammeRow(row({ coach: yes }), 'Europe/London').entry?.coach).toBe(true);
    for (const no of ['', 'no', 'FALSE'])
      expect(checkProgrammeRow(row({ coach: no }), 'Europe/London').entry?.coach).toBe(false);
    const { coach: _, ...older } = row();
    expect(checkProgrammeRow(older, 'Europe/London').entry?.coach).toBe(false);
  });

  it('reads 9:30 as 09:30 and fills an empty key from title and date', () => {
    const checked = checkProgrammeRow(row({ key: '', start: '9:30', title: 'Café social' }), 'Europe/London');
    expect(checked.entry).toMatchObject({ key: 'cafe-social-2025-05-07', start: '09:30' });
    expect(checked.keyFilled).toBe(true);
    expect(normaliseTime('24:00')).toBeNull();
    expect(keyFor('', '2025-05-07')).toBe('date-2025-05-07');
  });
});

describe('checkProgramme', () => {
  it('refuses a key used by an earlier row (case ignored)', () => {
    const [first, second] = checkProgramme([row(), row({ key: 'LAUNCH' })], 'Europe/London');
    expect(first!.entry).not.toBeNull();
    expect(second!.entry).toBeNull();
    expect(second!.problems.join(' ')).toMatch(/used by an earlier row/);
  });
});
