import type { Emulator } from '../emulator/Emulator';
import { instantOf, isTimeZone, MONTH_NAMES, pad, wallClockAt } from '../emulator/runtime/timeZone';
import { SETTING, TAB } from '../workflows/tabs';
import { CliError } from './workspace';

/** The zone programme times are in when Settings leaves it blank (the scheme's own). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** The programme's time zone: the Settings tab's `timeZone`, as the workflows read it. */
export function programmeTimeZone(emulator: Emulator): string {
  const [header = [], ...rows] = emulator.spreadsheets.active.doc.sheetByName(TAB.settings)
    ? emulator.spreadsheets.values(TAB.settings)
    : [];
  const key = header.map(String).indexOf(SETTING.key);
  const value = header.map(String).indexOf(SETTING.value);
  const zone = String(rows.find((r) => String(r[key]).trim() === 'timeZone')?.[value] ?? '').trim();
  if (zone === '') return DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone))
    throw new CliError(`The Settings tab's timeZone "${zone}" is not a time zone: use e.g. Europe/London.`);
  return zone;
}

const MONTH = new Map(
  MONTH_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ]),
);
MONTH.set('sept', 9);

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const WRITTEN =
  /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;

/**
 * A time a person types, read as wall-clock time in `timeZone` unless it names its own offset:
 * "25 April 2025 09:00", "Fri 25 Apr 2025", "2025-04-25 09:00", "2025-04-25T09:00:00", and with an
 * offset "2025-04-25T08:00Z" or "2025-04-25T09:00+01:00". A date alone is the start of that day.
 * Returns the instant (ms), or null when the text is not such a time.
 */
export function parseTime(text: string, timeZone: string): number | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  const written = iso ? null : WRITTEN.exec(t);
  const fields = iso
    ? { year: iso[1], month: Number(iso[2]), day: iso[3], hour: iso[4], minute: iso[5], second: iso[6] }
    : written
      ? {
          year: written[3],
          month: MONTH.get(written[2]!.toLowerCase()) ?? 0,
          day: written[1],
          hour: written[4],
          minute: written[5],
          second: written[6],
        }
      : null;
  if (!fields) return null;
  const wall = {
    year: Number(fields.year),
    month: fields.month,
    day: Number(fields.day),
    hour: Number(fields.hour ?? 0),
    minute: Number(fields.minute ?? 0),
    second: Number(fields.second ?? 0),
  };
  const calendar = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  const real =
    wall.month >= 1 &&
    calendar.getUTCMonth() === wall.month - 1 &&
    calendar.getUTCDate() === wall.day &&
    wall.hour < 24 &&
    wall.minute < 60 &&
    wall.second < 60;
  if (!real) return null;
  const offset = iso?.[7];
  if (!offset) return instantOf(wall, timeZone);
  // The text names its own offset: it is an instant already, as ISO 8601 reads it.
  const zone = offset.toUpperCase() === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  return Date.parse(
    `${fields.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${zone}`,
  );
}

/** "2025-04-25 09:00 Europe/London" (seconds when there are some): an instant on the programme's wall clock. */
export function wallTime(ms: number, timeZone: string): string {
  const w = wallClockAt(ms, timeZone);
  const seconds = w.second === 0 ? '' : `:${pad(w.second)}`;
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}${seconds} ${timeZone}`;
}
