import { ScriptException } from '../runtime/errors';
import { instantOfTwoStep, type WallClock } from '../runtime/timeZone';

/** What a cell holds (blank cells hold nothing). Dates are host `Date`s (instants). */
export type CellValue = string | number | boolean | Date;

/** A cell after a write: a value, a formula, or nothing (blank). */
export interface CellWrite {
  value?: CellValue;
  formula?: string;
}

export const PLAIN_TEXT = '@';

/**
 * Google Sheets refuses a cell over 50,000 characters, and the whole write with it. [observed]
 * airbytehq/airbyte#15500, freelabz/secator#96 (the message below, seen from the Sheets API and
 * Apps Script); Google's help page for the limit was not found, so the figure is the one observed.
 */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Throws Google's error before anything is written when any value is too long for a cell. */
export function assertCellsFit(rows: readonly (readonly unknown[])[]): void {
  for (const row of rows)
    for (const v of row) {
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new ScriptException(CELL_TOO_LONG);
    }
}

export interface InputContext {
  readonly timeZone: string;
  readonly locale: string;
}

/** True for a Date from any realm (the script runs in another vm context). */
export function isDateLike(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

/**
 * Converts what a script passes to setValue/setValues/appendRow into what the cell stores.
 * - null, undefined and '' clear the cell.
 * - Numbers, booleans and Dates are stored as they are (Dates copied into the host realm).
 * - Strings: in a cell formatted '@' (plain text) they are stored as text, even '=…' (the fact sheet
 *   marks this [uncertain]; we choose text). Otherwise a leading apostrophe stores the rest as literal
 *   text, '=…' becomes a formula, and anything else is parsed like typed input (parseTyped).
 * - Other values are written as their String() (as Apps Script writes e.g. an object).
 */
export function cellFromScript(
  input: unknown,
  numberFormat: string | undefined,
  ctx: InputContext,
): CellWrite {
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'boolean') return { value: input };
  // NaN and Infinity cannot be stored as numbers (nor in the xlsx): kept as their text.
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : { value: String(input) };
  if (isDateLike(input)) return { value: new Date(input.getTime()) };
  const text = String(input);
  if (numberFormat === PLAIN_TEXT) return { value: text };
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  return { value: parseTyped(text, ctx) };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A modest model of how Sheets reads typed text. Recognised (surrounding spaces ignored):
 * - numbers: '42', '-1.5', '.5', '1e3', '+447700900123', '0123' (→ 123: leading zeros are lost);
 * - booleans: 'TRUE' / 'false' in any case;
 * - dates in the spreadsheet's time zone: '2025-04-18', '2025-04' (the 1st), '2025-04-18 14:30[:00]',
 *   and the locale's day order: d/M/yyyy for en_GB (and other locales), M/d/yyyy for en_US.
 * Not recognised (kept as text): thousands separators, currency, percentages, times alone,
 * month names. Real Sheets recognises some of these; the project neutralises such text anyway.
 */
export function parseTyped(text: string, ctx: InputContext): CellValue {
  const t = text.trim();
  if (t === '') return text;
  // Fast exit for ordinary text: every recognised form starts with a digit, a sign, '.', t or f.
  if (!/^[\d+\-.tf]/i.test(t)) return text;
  if (NUMBER.test(t)) return Number(t);
  const lower = t.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  const iso = ISO_DATE.exec(t);
  if (iso) return dateOrText(text, [iso[1], iso[2], iso[3] ?? '1', iso[4], iso[5], iso[6]], ctx);
  const slash = SLASH_DATE.exec(t);
  if (slash) {
    const [a, b] = ctx.locale === 'en_US' ? [slash[2], slash[1]] : [slash[1], slash[2]];
    return dateOrText(text, [slash[3], b, a, slash[4], slash[5], slash[6]], ctx);
  }
  return text;
}

function dateOrText(text: string, parts: Array<string | undefined>, ctx: InputContext): CellValue {
  const [year, month, day, hour, minute, second] = parts.map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall: WallClock = { year, month, day, hour, minute, second };
  const check = new Date(Date.UTC(year, month - 1, day));
  const valid =
    month >= 1 &&
    month <= 12 &&
    check.getUTCDate() === day &&
    check.getUTCMonth() === month - 1 &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return valid ? new Date(instantOfTwoStep(wall, ctx.timeZone)) : text;
}
