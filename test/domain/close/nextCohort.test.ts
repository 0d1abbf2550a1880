import {
  cohortYearOf,
  nextCohortDate,
  nextCohortWallClock,
  withNextYear,
} from '../../../src/domain/close/nextCohort';
import { PROGRAMME_2025 } from '../../../src/domain/prose/programme';

const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();

describe('the next cohort’s dates', () => {
  it('keeps every 2025 programme date on its weekday, about a year later', () => {
    for (const p of PROGRAMME_2025) {
      const next = nextCohortDate(p.date);
      expect(weekday(next)).toBe(weekday(p.date));
      const days = (Date.parse(next) - Date.parse(p.date)) / 86_400_000;
      expect(days).toBe(364);
      expect(next.slice(0, 4)).toBe('2026');
    }
    expect(nextCohortDate('2025-05-07')).toBe('2026-05-06');
    expect(nextCohortDate('2027-03-01')).toBe('2028-02-28');
  });

  it('moves a deadline with its wall-clock time, and leaves other text alone', () => {
    expect(nextCohortWallClock('2025-04-18 23:59')).toBe('2026-04-17 23:59');
    expect(nextCohortWallClock(' 2025-04-25 09:00 ')).toBe('2026-04-24 09:00');
    expect(nextCohortWallClock('soon')).toBe('soon');
  });
});

describe('the cohort’s year', () => {
  it('is the year in the programme name, else the year it ends', () => {
    expect(cohortYearOf('Libraries Connected Peer Mentoring Scheme 2025', '2025-11-30')).toBe(2025);
    expect(cohortYearOf('Scheme 2024/2025', '2025-11-30')).toBe(2025);
    expect(cohortYearOf('Peer mentoring', '2026-11-29')).toBe(2026);
    expect(cohortYearOf('Room 12025 scheme', '2025-11-30')).toBe(2025);
  });

  it('goes up by one in a name, only as a whole number', () => {
    expect(withNextYear('Libraries Connected Peer Mentoring Scheme 2025', 2025)).toBe(
      'Libraries Connected Peer Mentoring Scheme 2026',
    );
    expect(withNextYear('Scheme 2025 (cohort 2, 20250)', 2025)).toBe('Scheme 2026 (cohort 2, 20250)');
    expect(withNextYear('Peer mentoring', 2025)).toBe('Peer mentoring');
  });
});
