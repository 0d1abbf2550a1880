import { DAY_NAMES, MONTH_NAMES, utcWallClock, type WallClock, wallClockAt } from '../runtime/timeZone';
import { type CellValue, PLAIN_TEXT } from './cellInput';

/**
 * The text a cell shows (Range.getDisplayValues). Our choices, since Sheets' automatic formats are not
 * documented per locale:
 * - a Date with no explicit format shows as dd/MM/yyyy HH:mm:ss (en_GB and other locales) or
 *   M/d/yyyy H:mm:ss (en_US), and without the time when it is midnight in the spreadsheet's zone;
 * - a number with no format shows in 'General' style: integers as they are, others to 10
 *   significant digits; booleans as TRUE/FALSE;
 * - explicit formats: date patterns (yyyy, yy, mmmm, mmm, mm, m, dddd, ddd, dd, d, hh, h, ss, am/pm;
 *   m means minutes after h or before s) and numeric patterns ('0', '0.00', '#,##0.00', '0%').
 */
export function displayValue(
  value: CellValue | undefined,
  format: string | undefined,
  locale: string,
  timeZone: string,
): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    const wall = wallClockAt(value.getTime(), timeZone);
    return formatDate(wall, format && isDatePattern(format) ? format : defaultDatePattern(locale, wall));
  }
  if (format && format !== PLAIN_TEXT && format !== 'General') {
    if (isDatePattern(format)) return formatDate(serialToWall(value), format);
    return formatNumber(value, format);
  }
  return generalNumber(value);
}

export function defaultDatePattern(locale: string, wall: WallClock): string {
  const midnight = wall.hour === 0 && wall.minute === 0 && wall.second === 0;
  if (locale === 'en_US') return midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
  return midnight ? 'dd/MM/yyyy' : 'dd/MM/yyyy HH:mm:ss';
}

export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

export function isDatePattern(format: string): boolean {
  return /[ydh]/i.test(format.replace(/"[^"]*"|\\./g, ''));
}

function serialToWall(serial: number): WallClock {
  return utcWallClock(new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000)));
}

const TOKEN = /"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|./gi;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDate(wall: WallClock, pattern: string): string {
  const tokens = pattern.match(TOKEN) ?? [];
  const twelve = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const lower = tokens.map((t) => t.toLowerCase());
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) {
      const t = lower[j] ?? '';
      if (t.startsWith('h')) return true;
      if (/^[ydm]/.test(t)) break;
    }
    for (let j = i + 1; j < lower.length; j++) {
      const t = lower[j] ?? '';
      if (t.startsWith('s')) return true;
      if (/^[ydhm]/.test(t)) break;
    }
    return false;
  };
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  return tokens
    .map((raw, i) => {
      const t = lower[i] ?? '';
      if (raw.startsWith('"')) return raw.slice(1, -1);
      if (raw.startsWith('\\')) return raw.slice(1);
      switch (t) {
        case 'yyyy':
          return String(wall.year);
        case 'yy':
          return pad(wall.year % 100);
        case 'mmmm':
          return MONTH_NAMES[wall.month - 1] ?? '';
        case 'mmm':
          return (MONTH_NAMES[wall.month - 1] ?? '').slice(0, 3);
        case 'mm':
          return isMinute(i) ? pad(wall.minute) : pad(wall.month);
        case 'm':
          return isMinute(i) ? String(wall.minute) : String(wall.month);
        case 'dddd':
          return DAY_NAMES[weekday] ?? '';
        case 'ddd':
          return (DAY_NAMES[weekday] ?? '').slice(0, 3);
        case 'dd':
          return pad(wall.day);
        case 'd':
          return String(wall.day);
        case 'hh':
          return pad(twelve ? hour12 : wall.hour);
        case 'h':
          return String(twelve ? hour12 : wall.hour);
        case 'ss':
          return pad(wall.second);
        case 's':
          return String(wall.second);
        case 'am/pm':
          return wall.hour < 12 ? 'AM' : 'PM';
        case 'a/p':
          return wall.hour < 12 ? 'A' : 'P';
        default:
          return raw;
      }
    })
    .join('');
}

function formatNumber(n: number, format: string): string {
  const percent = format.includes('%');
  const value = percent ? n * 100 : n;
  const decimals = /\.([0#]+)/.exec(format)?.[1]?.length ?? 0;
  const grouping = format.includes(',');
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  return percent ? `${text}%` : text;
}
