/**
 * Whole calendar days and months on 'YYYY-MM-DD' text, with no clock and no time zone: the dates
 * the close of a programme turns on (its end, when its personal data falls due for erasure, next
 * year's dates) are days on the programme's calendar, not instants.
 */
import { parseIsoDate } from '../dates';

const pad = (n: number) => String(n).padStart(2, '0');

function toIso(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parsed(iso: string) {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`"${iso}" is not a date like 2025-11-30`);
  return d;
}

/** @example addDays('2025-11-30', 1) // '2025-12-01' */
export function addDays(iso: string, days: number): string {
  const d = parsed(iso);
  return toIso(new Date(Date.UTC(d.year, d.month - 1, d.day + days)));
}

/**
 * The same day `months` months later; a day the later month does not have becomes its last day.
 * @example addMonths('2025-12-01', 12) // '2026-12-01'
 * @example addMonths('2025-01-31', 1)  // '2025-02-28'
 */
export function addMonths(iso: string, months: number): string {
  const d = parsed(iso);
  const first = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.day, last))));
}
