/**
 * When each pair hears from the scheme between the introductions and the finale: the check-in
 * rounds, the nudge for a pair that has not met, when a silent pair goes on the coordinator's list,
 * when the continuation question goes and when the thank-you does. Pure: calendar dates
 * ('YYYY-MM-DD', in the programme's zone) in, calendar dates out; the workflow supplies today.
 *
 * @example
 * checkInRounds('2025-05-20', { firstWeeks: 4, everyWeeks: 4, endDate: '2025-11-30' })
 * // → [{ round: 1, date: '2025-06-17' }, { round: 2, date: '2025-07-15' }, … { round: 6, date: '2025-11-04' }]
 */
import { parseIsoDate } from '../dates';

export interface CheckInRound {
  /** 1 for the first check-in after the introductions. */
  readonly round: number;
  /** The day it is due. */
  readonly date: string;
}

export interface CheckInSettings {
  /** Weeks from the introductions to the first check-in. */
  readonly firstWeeks: number;
  /** Weeks between later check-ins. */
  readonly everyWeeks: number;
  /** The programme's last day: no round falls after it. */
  readonly endDate: string;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number | null {
  const d = parseIsoDate(iso);
  return d ? Date.UTC(d.year, d.month - 1, d.day) / DAY_MS : null;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** '2025-05-20' + 28 → '2025-06-17'. Throws on a text that is not a date (a programming error). */
export function addDays(iso: string, days: number): string {
  const n = dayNumber(iso);
  if (n === null) throw new Error(`Not a date: ${iso}`);
  return isoOf(n + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null) throw new Error(`Not a date: ${a === null ? from : to}`);
  return b - a;
}

/** Every check-in round of a pair introduced on `introducedOn`, up to the programme's end. */
export function checkInRounds(introducedOn: string, s: CheckInSettings): CheckInRound[] {
  if (dayNumber(introducedOn) === null || dayNumber(s.endDate) === null) return [];
  const first = Math.max(1, Math.floor(s.firstWeeks)) * 7;
  const every = Math.max(1, Math.floor(s.everyWeeks)) * 7;
  const rounds: CheckInRound[] = [];
  for (let round = 1; ; round++) {
    const date = addDays(introducedOn, first + (round - 1) * every);
    if (date > s.endDate) return rounds;
    rounds.push({ round, date });
  }
}

/**
 * The round a pair should have been sent by `today`: the latest one due. Only the latest: after a
 * gap (the trigger was off for weeks) a person gets one check-in, not a backlog of them.
 */
export function dueRound(introducedOn: string, today: string, s: CheckInSettings): CheckInRound | null {
  const due = checkInRounds(introducedOn, s).filter((r) => r.date <= today);
  return due[due.length - 1] ?? null;
}

/** The next round after `today`, to tell the coordinator when the next check-ins go. */
export function nextRound(introducedOn: string, today: string, s: CheckInSettings): CheckInRound | null {
  return checkInRounds(introducedOn, s).find((r) => r.date > today) ?? null;
}

/**
 * Days a person has to answer a check-in before silence counts. A pair can only say it has met
 * through a check-in, so nobody is nudged for not saying so before they were asked.
 */
export const ANSWER_DAYS = 7;

/** Days after the nudge when a pair that still has not said it met goes on the coordinator's list. */
export const ATTENTION_AFTER_NUDGE_DAYS = 14;

/**
 * When a pair that has not said it met is nudged: `nudgeAfterDays` after the introductions, but
 * never before they have had ANSWER_DAYS to answer the first check-in (with the defaults, 21 days
 * would come before the first check-in at 4 weeks, and every pair would be nudged unasked).
 */
export function nudgeDate(
  introducedOn: string,
  nudgeAfterDays: number,
  s: Pick<CheckInSettings, 'firstWeeks'>,
): string {
  const byDays = addDays(introducedOn, Math.max(0, Math.floor(nudgeAfterDays)));
  const afterFirstCheckIn = addDays(introducedOn, Math.max(1, Math.floor(s.firstWeeks)) * 7 + ANSWER_DAYS);
  // ISO dates compare as text: the later of the two.
  return [byDays, afterFirstCheckIn].sort()[1]!;
}

/** The day a nudged pair that is still silent goes on the needs-attention list. */
export function attentionDate(nudgedOn: string): string {
  return addDays(nudgedOn, ATTENTION_AFTER_NUDGE_DAYS);
}

/**
 * The days on which each pair is asked whether it will keep meeting: from `weeksBefore` the finale
 * up to the finale itself (a question after it would come too late to matter).
 */
export function continuationWindow(finale: string, weeksBefore: number): { from: string; until: string } {
  return { from: addDays(finale, -Math.max(0, Math.floor(weeksBefore)) * 7), until: finale };
}

/** The thank-you goes once the finale is over: from the day after it. */
export function thanksFrom(finale: string): string {
  return addDays(finale, 1);
}
