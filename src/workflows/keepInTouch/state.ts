import { isDate, parseIsoDate } from '../../domain/dates';
import type { CheckInSettings } from '../../domain/keepInTouch/schedule';
import type { CheckInSlot } from '../../domain/keepInTouch/slots';
import type { Settings } from '../../domain/settings';
import type { Template } from '../../domain/templates';
import { trimmedText } from '../../domain/text';
import type { Cell, Ports, Table, TableRow } from '../../ports';
import { readProgramme, readSettings, readTemplates, todayOf } from '../context';
import { type PairRow, pairRows } from '../matching/pairs';
import { knownStatus, outboxByKey } from '../outbox/queue';
import { type Person, peopleOf, personLabel } from '../people';
import { applicantsTab, MATCH, matchesTab, OUTBOX, outboxTab, TAB } from '../tabs';
import { ATTENTION, attentionTab, CHECK_IN, type CheckInStatus, checkInsTab } from './tabs';

/** A pair that is mentoring now: announced, and both sides still Selected. */
export interface LivePair {
  readonly row: PairRow;
  readonly mentee: Person;
  readonly mentor: Person;
  /** The day of the introductions, in the programme's zone. */
  readonly introducedOn: string;
  /** "Sam Lee (ME-004) with Ann Jones (MR-001)": the Pair column of the CheckIns tab. */
  readonly label: string;
}

/** One CheckIns row, read. */
export interface CheckInRecord {
  readonly row: TableRow;
  readonly status: CheckInStatus | null;
  /** Whose check-in (for a Needs review row: whose it claims to be, or null). */
  readonly slot: CheckInSlot | null;
  readonly met: string;
  readonly rating: number | null;
  readonly note: string;
  readonly coach: string;
  readonly submissions: number;
}

/** Everything keep-in-touch decides from, read once (one read per tab). */
export interface KeepInTouchState {
  readonly settings: Settings;
  readonly schedule: CheckInSettings;
  readonly templates: Map<string, Template>;
  readonly today: string;
  /** The finale's day (the Programme row "finale"), else the programme's last day. */
  readonly finale: string;
  readonly people: ReadonlyMap<string, Person>;
  readonly matches: Table;
  readonly pairs: readonly PairRow[];
  readonly live: readonly LivePair[];
  readonly checkIns: Table | null;
  readonly records: readonly CheckInRecord[];
  readonly outbox: Table;
  readonly statusOf: (key: string) => ReturnType<ReturnType<typeof knownStatus>>;
  /** The day an email was queued (programme zone), when its Outbox row says. */
  readonly queuedOn: (key: string) => string | null;
  readonly attention: Table | null;
}

/** A lookup asked again and again in one run (each email's status, several times), answered once. */
function remembered<T>(lookup: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, lookup(key));
    return known.get(key)!;
  };
}

/** "Sam Lee (ME-004) with Ann Jones (MR-001)". */
export const pairLabel = (mentee: Person, mentor: Person) =>
  `${personLabel(mentee)} with ${personLabel(mentor)}`;

/** The two IDs in a Pair cell, mentee first. */
export function pairIds(label: unknown): [string, string] | null {
  const ids = [...String(label ?? '').matchAll(/\(([A-Z]{2}-\d+)\)/g)].map((m) => m[1]!);
  return ids.length >= 2 ? [ids[ids.length - 2]!, ids[ids.length - 1]!] : null;
}

/** A date cell as the day it names in the programme's zone ('' when it is not a date). */
export function dayOf(ports: Pick<Ports, 'clock'>, settings: Settings, cell: Cell | undefined): string {
  if (isDate(cell))
    return Number.isNaN(cell.getTime()) ? '' : ports.clock.wallClock(cell, settings.timeZone).slice(0, 10);
  const text = trimmedText(cell).slice(0, 10);
  return parseIsoDate(text) ? text : '';
}

/** The CheckIns tab's rows, read. */
export function checkInRecords(table: Table | null): CheckInRecord[] {
  if (!table) return [];
  return table.rows.map((row) => {
    const v = row.values;
    const typed = trimmedText(v[CHECK_IN.status]).toLowerCase();
    const status =
      (['Waiting', 'Answered', 'Needs review'] as const).find((s) => s.toLowerCase() === typed) ?? null;
    const ids = pairIds(v[CHECK_IN.pair]);
    const personId = trimmedText(v[CHECK_IN.personId]);
    const round = Number(v[CHECK_IN.round]);
    const partnerId = ids ? (ids[0] === personId ? ids[1] : ids[0]) : '';
    const slot =
      personId && ids?.includes(personId) && Number.isInteger(round) && round > 0
        ? { personId, partnerId, round }
        : null;
    const rating = Number(v[CHECK_IN.rating]);
    const submissions = Number(v[CHECK_IN.submissions]);
    return {
      row,
      status,
      slot,
      met: trimmedText(v[CHECK_IN.met]),
      rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
      note: trimmedText(v[CHECK_IN.note]),
      coach: trimmedText(v[CHECK_IN.coach]),
      submissions: Number.isInteger(submissions) && submissions > 0 ? submissions : 0,
    };
  });
}

/** Is there anything to keep in touch with? Only pairs that were introduced. */
function hasIntroducedPairs(matches: Table): boolean {
  return matches.rows.some((r) => {
    const s = trimmedText(r.values[MATCH.status]).toLowerCase();
    return s === 'announced' || s === 'ended';
  });
}

/**
 * Reads what keep-in-touch needs, or null when no pair has been introduced yet: the daily trigger
 * runs from set-up on, and before the introductions it reads two tabs and stops.
 */
export function readKeepInTouch(ports: Ports): KeepInTouchState | null {
  if (!ports.workbook.hasTab(TAB.matches)) return null;
  const { settings } = readSettings(ports);
  const matches = ports.workbook.read(matchesTab);
  if (!hasIntroducedPairs(matches)) return null;
  const today = todayOf(ports, settings);
  const people = new Map(peopleOf(ports.workbook.read(applicantsTab)).map((p) => [p.id, p]));
  const pairs = pairRows(matches);
  const live: LivePair[] = [];
  for (const row of pairs) {
    if (row.status !== 'Announced') continue;
    const mentee = people.get(row.menteeId);
    const mentor = people.get(row.mentorId);
    const introducedOn = dayOf(ports, settings, row.announcedAt);
    if (!mentee || !mentor || !introducedOn) continue;
    if (mentee.status !== 'Selected' || mentor.status !== 'Selected') continue;
    live.push({ row, mentee, mentor, introducedOn, label: pairLabel(mentee, mentor) });
  }
  const checkIns = ports.workbook.hasTab(TAB.checkIns) ? ports.workbook.read(checkInsTab) : null;
  ports.workbook.ensureTab(outboxTab);
  const outbox = ports.workbook.read(outboxTab);
  const byKey = outboxByKey(outbox);
  const finale = readProgramme(ports).find((p) => p.key === 'finale')?.date ?? settings.programmeEndDate;
  return {
    settings,
    schedule: {
      firstWeeks: settings.firstCheckInWeeks,
      everyWeeks: settings.checkInEveryWeeks,
      endDate: settings.programmeEndDate,
    },
    templates: readTemplates(ports),
    today,
    finale,
    people,
    matches,
    pairs,
    live,
    checkIns,
    records: checkInRecords(checkIns),
    outbox,
    statusOf: remembered(knownStatus(ports, outbox)),
    queuedOn: (key) => {
      const day = dayOf(ports, settings, byKey.get(key)?.values[OUTBOX.queuedAt]);
      return day || null;
    },
    attention: ports.workbook.hasTab(TAB.attention) ? ports.workbook.read(attentionTab) : null,
  };
}

/** The keys already on the Attention list, with their rows. */
export function listedMatters(attention: Table | null): Map<string, TableRow> {
  const listed = new Map<string, TableRow>();
  for (const row of attention?.rows ?? []) {
    const key = trimmedText(row.values[ATTENTION.key]);
    if (key && !listed.has(key)) listed.set(key, row);
  }
  return listed;
}
