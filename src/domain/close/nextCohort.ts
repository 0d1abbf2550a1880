/**
 * The next cohort's dates and names from this one's. Every date moves 52 weeks (364 days): a
 * launch on a Wednesday is on a Wednesday again, a deadline on a Friday stays a Friday, and no
 * event lands on a weekend. The cost is a day earlier each year (two after 29 February), which the
 * coordinator sees in the preview and corrects in the Sheet where a date is fixed by the calendar.
 *
 * @example nextCohortDate('2025-05-07')            // '2026-05-06' (both Wednesdays)
 * @example nextCohortWallClock('2025-04-18 23:59') // '2026-04-17 23:59'
 * @example withNextYear('Peer Mentoring Scheme 2025', 2025) // 'Peer Mentoring Scheme 2026'
 */
import { parseWallClock } from '../dates';
import { addDays } from './calendarDays';

export const COHORT_STEP_DAYS = 364;

export function nextCohortDate(iso: string): string {
  return addDays(iso, COHORT_STEP_DAYS);
}

/** 'YYYY-MM-DD HH:mm' 52 weeks on, at the same wall-clock time; other text comes back unchanged. */
export function nextCohortWallClock(wall: string): string {
  const w = parseWallClock(wall);
  if (!w) return wall;
  return `${nextCohortDate(wall.trim().slice(0, 10))} ${wall.trim().slice(11, 16)}`;
}

/**
 * Which year a cohort is: the year its name gives ("… Scheme 2025"), else the year it ends. The
 * archived tabs are named with it ("2025 Applicants").
 */
export function cohortYearOf(programmeName: string, endDate: string): number {
  const named = [...programmeName.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  return named.length > 0 ? named[named.length - 1]! : Number(endDate.slice(0, 4));
}

/** The cohort's year, as a whole number in the text, one year on; other numbers are left alone. */
export function withNextYear(text: string, year: number): string {
  return text.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), String(year + 1));
}
