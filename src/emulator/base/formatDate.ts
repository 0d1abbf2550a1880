import { ScriptException } from '../runtime/errors';
import { DAY_NAMES, MONTH_NAMES, pad } from '../runtime/timeZone';
import { type ZonedFields, zonedFields } from './zonedFields';

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return `${sign}${hh}`;
  return `${sign}${hh}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function dayOfYear(f: ZonedFields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
}

/** One run of a pattern letter (`yyyy`, `MMM`, `a`…) in Java SimpleDateFormat's English rendering. */
function field(letter: string, count: number, f: ZonedFields): string {
  const h12 = f.hour % 12;
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L': {
      const name = MONTH_NAMES[f.month - 1] ?? '';
      if (count >= 4) return name;
      if (count === 3) return name.slice(0, 3);
      return pad(f.month, count);
    }
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'E': {
      const name = DAY_NAMES[f.weekday] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(h12, count);
    case 'h':
      return pad(h12 === 0 ? 12 : h12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      // Java's S is the millisecond count, not a fraction: 'S' of 7 ms is "7", 'SSS' is "007".
      return pad(f.millisecond, count);
    case 'z':
      return count >= 4 ? f.longName : f.shortName;
    case 'Z':
      return offsetText(f.offsetMinutes, false);
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      if (count === 1) return offsetText(f.offsetMinutes, false, false);
      return offsetText(f.offsetMinutes, count >= 3);
    default:
      // [uncertain] Apps Script surfaces Java's IllegalArgumentException text.
      throw new ScriptException(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Formats an instant as Java's SimpleDateFormat would in an English locale: the pattern letters
 * G y Y M L d D E u a H k K h m s S z Z X, quoted text ('T'), and '' for a single quote.
 */
export function formatInstant(ms: number, timeZone: string, pattern: string): string {
  const f = zonedFields(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += pattern.charAt(i);
        i++;
      }
      if (i >= pattern.length) throw new ScriptException('Unterminated quote');
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (pattern.charAt(i + count) === c) count++;
      out += field(c, count, f);
      i += count;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
