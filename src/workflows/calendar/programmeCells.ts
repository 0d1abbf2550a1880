import type { ProgrammeRowText } from '../../domain/calendar/programmeRow';
import { isDate } from '../../domain/dates';
import type { Cell, Ports, TableRow } from '../../ports';
import { PROGRAMME } from '../tabs';

/**
 * A Programme cell as text. The Date, Start and End columns are plain text, but a pasted value may
 * still arrive as a date-time: it is read as the wall-clock time the cell shows (the spreadsheet's zone).
 */
function cellText(
  ports: Pick<Ports, 'clock'>,
  value: Cell | undefined,
  part: 'date' | 'time' | 'text',
  zone: string,
): string {
  if (value === undefined || value === null) return '';
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return '';
    const wall = ports.clock.wallClock(value, zone);
    return part === 'date' ? wall.slice(0, 10) : part === 'time' ? wall.slice(11, 16) : wall;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** One Programme row's cells as the domain checks them. */
export function rowText(ports: Pick<Ports, 'clock'>, row: TableRow, zone: string): ProgrammeRowText {
  const v = (header: string, part: 'date' | 'time' | 'text' = 'text') =>
    cellText(ports, row.values[header], part, zone);
  return {
    key: v(PROGRAMME.key),
    title: v(PROGRAMME.title),
    date: v(PROGRAMME.date, 'date'),
    start: v(PROGRAMME.start, 'time'),
    end: v(PROGRAMME.end, 'time'),
    timeZone: v(PROGRAMME.timeZone),
    audience: v(PROGRAMME.audience),
    description: v(PROGRAMME.description),
    coach: v(PROGRAMME.coach),
  };
}
