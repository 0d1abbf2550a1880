/**
 * How long a programme's personal data is kept (UK GDPR storage limitation: no longer than needed).
 * The retention period starts the day after the programme's last day and lasts whole calendar
 * months; the data falls due for erasure on the first day after it.
 *
 * @example erasureDueFrom('2025-11-30', 12) // '2026-12-01': kept through 30 November 2026
 * @example erasureDueFrom('2025-02-28', 1)  // '2025-04-01': kept through March
 */
import { addDays, addMonths } from './calendarDays';

export function erasureDueFrom(endDate: string, retentionMonths: number): string {
  return addMonths(addDays(endDate, 1), retentionMonths);
}

/** The programme is over once its last day has passed ('YYYY-MM-DD' in the programme's zone). */
export function hasEnded(today: string, endDate: string): boolean {
  return today > endDate;
}

export function erasureIsDue(today: string, endDate: string, retentionMonths: number): boolean {
  return today >= erasureDueFrom(endDate, retentionMonths);
}
