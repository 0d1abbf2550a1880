import { isDate } from '../dates';
import { textOf } from '../text';

/**
 * A person's submissions, kept bounded: how many, the first, and the last few. A form is public, so
 * one address can send thousands; the record of them must stay far under Google's 50,000 characters
 * a cell, whatever is sent.
 *
 * @example
 * nextHistory({ count: 1, first: '24/03/2025 10:00', recent: ['24/03/2025 10:00'] }, '25/03/2025 09:30')
 * // → { count: 2, first: '24/03/2025 10:00', recent: ['25/03/2025 09:30', '24/03/2025 10:00'] }
 */
export interface SubmissionHistory {
  readonly count: number;
  /** When the first submission came, as the Sheet shows times (programme zone): '24/03/2025 10:00'. */
  readonly first: string;
  /** The latest few, newest first. */
  readonly recent: readonly string[];
}

/** How many recent submissions are listed. */
export const RECENT_SUBMISSIONS = 5;
/** From this many submissions from one address, the row says so: one person rarely needs more. */
export const FLOOD_AT = 10;

export const EMPTY_HISTORY: SubmissionHistory = { count: 0, first: '', recent: [] };

export function nextHistory(history: SubmissionHistory, at: string): SubmissionHistory {
  return {
    count: history.count + 1,
    first: history.first || at,
    recent: [at, ...history.recent].slice(0, RECENT_SUBMISSIONS),
  };
}

/**
 * Whether a response is one its row already took in, read again because a run was cut off after
 * writing the row and before moving the cursor past it: not read from the top, no later than the
 * time the row was last written from, and the latest time its history lists. Counted again, one
 * submission would show as two.
 */
export function readAgain(response: {
  fromTop: boolean;
  at: number;
  shownAt: string;
  rowAt: number | null;
  history: SubmissionHistory;
}): boolean {
  return (
    !response.fromTop &&
    response.rowAt !== null &&
    response.at <= response.rowAt &&
    response.history.recent[0] === response.shownAt
  );
}

/**
 * The history a row's next submission gives it, from the row's columns (`at`: the column with the
 * time it was last written from); null when that submission is one the row took in already
 * (readAgain), which must not be counted again.
 */
export function historyAfter(
  values: Readonly<Record<string, unknown>> | undefined,
  columns: { history: string; submissions: string; at: string },
  response: { fromTop: boolean; at: number; shownAt: string },
): SubmissionHistory | null {
  const before = storedHistory(values, columns.history, columns.submissions);
  const stored = values?.[columns.at];
  const rowAt = isDate(stored) ? stored.getTime() : null;
  if (readAgain({ ...response, rowAt, history: before })) return null;
  return nextHistory(before, response.shownAt);
}

/** "12 submissions: first 24/03/2025 10:00; latest 03/04/2025 11:00, 02/04/2025 10:00, …" */
export function historyText(history: SubmissionHistory): string {
  if (history.count === 0) return '';
  if (history.count === 1) return `1 submission: ${history.first}`;
  const more = history.count - history.recent.length;
  const listed = history.recent.join(', ');
  return `${count(history.count)} submissions: first ${history.first}; latest ${listed}${more > 1 ? ', …' : ''}`;
}

const TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/g;

/**
 * The history back from its cell and the Submissions count (the coordinator may have edited either:
 * what cannot be read is simply not listed again).
 */
export function readHistory(text: unknown, submissions: unknown): SubmissionHistory {
  const cell = textOf(text);
  const [before, latest] = cell.split('latest ');
  const times = (s: string | undefined) => s?.match(TIME) ?? [];
  const first = times(before)[0] ?? '';
  const recent = latest === undefined ? times(before) : times(latest);
  const n = Number(submissions);
  return {
    count: Number.isInteger(n) && n > 0 ? n : recent.length,
    first,
    recent: recent.slice(0, RECENT_SUBMISSIONS),
  };
}

/** The history a row holds in its two columns, or none for a row not written yet. */
export function storedHistory(
  values: Readonly<Record<string, unknown>> | undefined,
  historyColumn: string,
  submissionsColumn: string,
): SubmissionHistory {
  return values ? readHistory(values[historyColumn], values[submissionsColumn]) : EMPTY_HISTORY;
}

/** 1204 → '1,204' (British style, without relying on the runtime's locale data). */
export function count(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The problem a row shows when one address has sent the form many times. */
export function floodProblem(history: SubmissionHistory): string | null {
  return history.count >= FLOOD_AT
    ? `${count(history.count)} submissions from this address: check that they are all this person's`
    : null;
}
