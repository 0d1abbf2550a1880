/**
 * A row of the Programme tab as the coordinator typed it, checked: each problem in words, so the row
 * can say in its `Problems` column what to fix. Pure: cell values arrive as text.
 */
import { parseIsoDate } from '../dates';
import { AUDIENCES, type ProgrammeDate } from '../scheme';

/** A programme date ready to become a calendar event. `start`/`end` are '' for a whole-day date. */
export type ProgrammeEntry = Omit<ProgrammeDate, 'online'>;

/** The cells of one Programme row, as text ('' when empty; Coach may be missing on an older tab). */
export type ProgrammeRowText = { readonly [K in Exclude<keyof ProgrammeEntry, 'coach'>]: string } & {
  readonly coach?: string;
};

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓']);
const NO = new Set(['', 'no', 'n', 'false', '0']);

/** The Coach cell: 'yes' (or TRUE, x, ✓) or empty / 'no'; null when it is neither. */
export function parseCoach(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : null;
}

export interface CheckedRow {
  readonly entry: ProgrammeEntry | null;
  readonly problems: readonly string[];
  /** True when the key was made up from title and date (the workflow writes it back). */
  readonly keyFilled: boolean;
}

const ZONE = /^(UTC|GMT|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/;

/** '9:30' or '09:30' → '09:30'; anything else → null. */
export function normaliseTime(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${m[2]}`;
}

/** A key made from the title and date: 'Finale event', '2025-11-25' → 'finale-event-2025-11-25'. */
export function keyFor(title: string, date: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return [slug || 'date', date].filter(Boolean).join('-');
}

/** Checks one row; `defaultZone` is used when the Time zone cell is empty. */
export function checkProgrammeRow(row: ProgrammeRowText, defaultZone: string): CheckedRow {
  const problems: string[] = [];
  const title = row.title.trim();
  const date = row.date.trim();
  if (!title) problems.push('Title is empty.');
  if (!parseIsoDate(date)) {
    problems.push(
      date ? `Date "${date}" is not a date like 2025-05-07.` : 'Date is empty: write it like 2025-05-07.',
    );
  }
  const startText = row.start.trim();
  const endText = row.end.trim();
  const start = startText ? normaliseTime(startText) : '';
  const end = endText ? normaliseTime(endText) : '';
  if (start === null) problems.push(`Start "${startText}" is not a time like 10:00.`);
  if (end === null) problems.push(`End "${endText}" is not a time like 11:30.`);
  if (start !== null && end !== null) {
    if ((start === '') !== (end === '')) {
      problems.push('Start and End must both be filled in, or both left empty for a whole-day date.');
    } else if (start && end && end <= start) {
      problems.push(`End ${end} is not after Start ${start}.`);
    }
  }
  const audienceText = row.audience.trim().replace(/\s+/g, ' ').toLowerCase();
  const audience = AUDIENCES.find((a) => a === audienceText);
  if (!audience) {
    problems.push(
      audienceText
        ? `Audience "${row.audience.trim()}" is not one of: ${AUDIENCES.join(', ')}.`
        : `Audience is empty: choose one of ${AUDIENCES.join(', ')}.`,
    );
  }
  const timeZone = row.timeZone.trim() || defaultZone;
  if (!ZONE.test(timeZone)) problems.push(`Time zone "${timeZone}" is not a time zone like Europe/London.`);
  const coach = parseCoach(row.coach ?? '');
  if (coach === null) problems.push(`Coach "${(row.coach ?? '').trim()}" is not yes or no.`);
  const key = row.key.trim() || keyFor(title, date);
  const keyFilled = row.key.trim() === '';
  if (problems.length > 0 || !audience || start === null || end === null || coach === null)
    return { entry: null, problems, keyFilled };
  const description = row.description.trim();
  return {
    entry: { key, title, date, start, end, timeZone, audience, description, coach },
    problems,
    keyFilled,
  };
}

/**
 * Checks every row; a key used by an earlier row is a problem of the later one (one event per key,
 * ever). Keys are compared case-insensitively.
 */
export function checkProgramme(rows: readonly ProgrammeRowText[], defaultZone: string): CheckedRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const checked = checkProgrammeRow(row, defaultZone);
    const key = (row.key.trim() || keyFor(row.title.trim(), row.date.trim())).toLowerCase();
    if (seen.has(key)) {
      return {
        entry: null,
        problems: [
          ...checked.problems,
          `Key "${key}" is used by an earlier row: give each date its own key.`,
        ],
        keyFilled: checked.keyFilled,
      };
    }
    seen.add(key);
    return checked;
  });
}
