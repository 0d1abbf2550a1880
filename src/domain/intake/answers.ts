/**
 * Reading one form response, whatever shape it arrives in: `e.namedValues` ({title: [text]}), a sheet
 * row mapped by header ({title: string | number | Date | boolean}), or test input. Nothing here throws.
 */
import { isDate } from '../dates';
import type { ItemSpec } from '../forms/spec';

export type Answers = Record<string, unknown>;

function isRecord(value: unknown): value is Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The answers object, or an empty one when the input is not an object at all. */
export function asAnswers(value: unknown): Answers {
  return isRecord(value) ? value : {};
}

/** One scalar as text; objects and functions are not answers and read as ''. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (isDate(value)) {
    const time = (value as Date).getTime();
    return Number.isNaN(time) ? '' : new Date(time).toISOString();
  }
  return '';
}

/** Header match forgiving case and spacing: a coordinator may retype a header. */
function headerKey(header: string): string {
  return header.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The raw answer to an item: looked up by its title (exact, then forgiving case and spacing), then
 * by its key. `undefined` when the response has no such column.
 */
export function rawAnswer(answers: Answers, item: Pick<ItemSpec, 'title' | 'key'>): unknown {
  const own = (k: string) => Object.getOwnPropertyDescriptor(answers, k) !== undefined;
  if (own(item.title)) return answers[item.title];
  const wanted = headerKey(item.title);
  for (const k of Object.keys(answers)) {
    if (headerKey(k) === wanted) return answers[k];
  }
  return own(item.key) ? answers[item.key] : undefined;
}

/**
 * A single-answer item as text. namedValues wraps each answer in an array; with duplicate headers it
 * holds several, and the first non-empty one is taken.
 */
export function singleText(value: unknown): string {
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = scalarText(v);
      if (t.trim() !== '') return t;
    }
    return '';
  }
  return scalarText(value);
}

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The known label this text names (case and spacing forgiven), or null. */
export function matchLabel(text: string, labels: readonly string[]): string | null {
  const t = fold(text);
  return labels.find((l) => fold(l) === t) ?? null;
}

export type CheckboxAnswer = { chosen: string[]; unknown: string[] };

/**
 * Splits one joined checkbox cell ("Budgeting, Restructures") against the known labels. A label may
 * itself contain ", ", so at each position the longest known label that fits is taken first; text
 * that matches no label runs to the next ", " and is reported as unknown.
 */
function splitJoined(text: string, byLength: readonly string[], out: CheckboxAnswer): void {
  const s = text.replace(/\s+/g, ' ').trim();
  let i = 0;
  while (i < s.length) {
    const label = byLength.find((l) => {
      const end = i + l.length;
      return (
        s.slice(i, end).toLowerCase() === l.toLowerCase() && (end === s.length || s.startsWith(',', end))
      );
    });
    if (label) {
      out.chosen.push(label);
      i += label.length;
    } else {
      const comma = s.indexOf(',', i);
      const end = comma === -1 ? s.length : comma;
      const token = s.slice(i, end).trim();
      if (token) out.unknown.push(token);
      i = end;
    }
    while (i < s.length && (s[i] === ',' || s[i] === ' ')) i++;
  }
}

/** A checkbox answer, as one joined string or as an array of strings, read against its labels. */
export function checkboxAnswer(value: unknown, labels: readonly string[]): CheckboxAnswer {
  const byLength = [...labels].sort((a, b) => b.length - a.length);
  const out: CheckboxAnswer = { chosen: [], unknown: [] };
  const parts = Array.isArray(value) ? value.map(scalarText) : [scalarText(value)];
  for (const part of parts) {
    const cleaned = part.normalize('NFC');
    const whole = matchLabel(cleaned, labels);
    if (whole) out.chosen.push(whole);
    else splitJoined(cleaned, byLength, out);
  }
  return { chosen: [...new Set(out.chosen)], unknown: [...new Set(out.unknown)] };
}
