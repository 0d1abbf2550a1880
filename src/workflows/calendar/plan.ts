import { isReminder, mainEvent, personEvent } from '../../domain/calendar/dateEvents';
import { type EventChanges, eventChanges } from '../../domain/calendar/eventChanges';
import { HOST, REMINDER, startWallClock, type WantedEvent } from '../../domain/calendar/eventInput';
import { type Member, membersOf, participantsOf } from '../../domain/calendar/guests';
import type { GuestWrite } from '../../domain/calendar/notifications';
import { checkProgramme, type ProgrammeEntry } from '../../domain/calendar/programmeRow';
import type { Settings } from '../../domain/settings';
import { textOf, trimmedText } from '../../domain/text';
import type { CalendarEvent, MeetRoom, Ports, Table, TableRow } from '../../ports';
import { noteApplicants } from '../intake/registry';
import { APPLICANT, applicantsTab, PROGRAMME, programmeTab } from '../tabs';
import { rowText } from './programmeCells';

/** One calendar write. */
export type Op =
  | { readonly kind: 'create'; readonly wanted: WantedEvent }
  | {
      readonly kind: 'update';
      readonly existing: CalendarEvent;
      readonly wanted: WantedEvent;
      readonly changes: EventChanges;
    }
  | { readonly kind: 'delete'; readonly existing: CalendarEvent }
  /** Ask Meet again for the host event's room (the last request failed). */
  | { readonly kind: 'room'; readonly existing: CalendarEvent; readonly requestId: string };

/** problem: the row cannot be read; past: the date has started, so it is left as it is. */
export type DateKind = 'problem' | 'past' | 'session' | 'reminder';

/** What one Programme row (one programme date) needs. */
export interface DateStep {
  readonly row: TableRow;
  readonly kind: DateKind;
  /** The key its events carry (the row's, or the one its events were made with before an edit). */
  readonly key: string;
  readonly keyFilled: boolean;
  readonly problems: readonly string[];
  /** The coordinator's event of the date as it is: the host event or the reminder. */
  readonly main: CalendarEvent | null;
  readonly mainOps: readonly Op[];
  /** The host event's Meet room ('new' when the host event is still to be made). */
  readonly room: MeetRoom | 'new';
  /** The room's link, once ready ('' before). */
  readonly link: string;
  /** Who has their own copy of the date (for a session). */
  readonly members: readonly Member[];
  /** Members who already have their copy before this run (for a past date: whoever has one). */
  readonly present: readonly string[];
  readonly personOps: readonly Op[];
  /** Members whose copy waits for the Meet room (their invitation goes out once it is made). */
  readonly waiting: readonly Member[];
  /** Why Meet is not asked again by itself ('' when it is, or nothing failed). */
  readonly roomProblem: string;
  /** Copies of the date in the calendar that are not deleted, whoever they are for. */
  readonly copies: number;
}

export interface CalendarPlan {
  readonly calendarId: string;
  /** The account the calendar belongs to: Google never emails it about its own events. */
  readonly owner: string;
  readonly programme: Table;
  readonly steps: readonly DateStep[];
  /** Selected people with no valid email address: they cannot be invited. */
  readonly noEmail: readonly string[];
  /** Titles of dates whose events have no row in the Programme tab any more (left as they are). */
  readonly orphans: readonly string[];
  /** Why the sync must not go: people whose Applicants rows are gone ('' when none; noteApplicants). */
  readonly missing: string;
}

/** Meet is asked again by itself this many times; after that only when the coordinator runs the sync. */
export const ROOM_TRIES = 3;

/** The line every event's description ends with. */
export function descriptionFooter(settings: Settings): string {
  return settings.programmeName ? `Part of the ${settings.programmeName}.` : '';
}

/** Who hears of an op, for counting Google's emails. */
export function guestWrite(op: Op): GuestWrite {
  switch (op.kind) {
    case 'create':
      return { kind: 'create', guests: op.wanted.guests };
    case 'delete':
      return { kind: 'delete', guests: op.existing.guests };
    case 'update':
      return { kind: 'update', before: op.existing.guests, after: op.changes.guests ?? op.existing.guests };
    case 'room':
      return { kind: 'update', before: op.existing.guests, after: op.existing.guests };
  }
}

/** The events of the calendar by programme key and person; ours from before per-person copies apart. */
function byKey(events: readonly CalendarEvent[]): {
  dates: Map<string, CalendarEvent[]>;
  legacy: CalendarEvent[];
} {
  const dates = new Map<string, CalendarEvent[]>();
  const legacy: CalendarEvent[] = [];
  for (const e of events) {
    if (!e.person) {
      legacy.push(e);
      continue;
    }
    const list = dates.get(e.key) ?? [];
    list.push(e);
    dates.set(e.key, list);
  }
  return { dates, legacy };
}

interface DateContext {
  readonly ports: Pick<Ports, 'clock'>;
  readonly settings: Settings;
  readonly now: number;
  /** True in a continuation: Meet is asked again only ROOM_TRIES times by itself. */
  readonly automatic: boolean;
}

const startOf = (ctx: DateContext, start: string, zone: string) =>
  ctx.ports.clock.instant(startWallClock(start), zone || ctx.settings.timeZone).getTime();

const isFuture = (ctx: DateContext, e: CalendarEvent) =>
  e.start !== '' && startOf(ctx, e.start, e.timeZone) > ctx.now;

/** The events of a date that are no longer wanted: deleted if still to come, else left. */
function deletions(ctx: DateContext, events: readonly CalendarEvent[]): Op[] {
  return events.filter((e) => isFuture(ctx, e)).map((existing) => ({ kind: 'delete' as const, existing }));
}

/** The op that makes `existing` what is wanted (create when there is none, nothing when equal). */
function reconcile(existing: CalendarEvent | undefined, wanted: WantedEvent): Op | null {
  if (!existing) return { kind: 'create', wanted };
  const changes = eventChanges(existing, wanted);
  return changes ? { kind: 'update', existing, wanted, changes } : null;
}

const triesOf = (request: string) => Number(/-(\d+)$/.exec(request)?.[1] ?? 0);

/** A date still to come: its host event (or reminder) and one copy per member. */
function planDate(
  ctx: DateContext,
  entry: ProgrammeEntry,
  events: readonly CalendarEvent[],
  members: readonly Member[],
): Omit<DateStep, 'row' | 'key' | 'keyFilled' | 'problems'> {
  const eventCtx = {
    footer: descriptionFooter(ctx.settings),
    coach: { name: ctx.settings.coachName, email: ctx.settings.coachEmail },
  };
  const wantedMain = mainEvent(entry, eventCtx);
  const mains = events.filter((e) => e.person === HOST || e.person === REMINDER);
  const main = mains.find((e) => e.person === wantedMain.person) ?? null;
  const mainOps: Op[] = deletions(
    ctx,
    mains.filter((e) => e !== main),
  );
  const mainOp = reconcile(main ?? undefined, wantedMain);
  if (mainOp) mainOps.unshift(mainOp);
  const copies = events.filter((e) => e.person !== HOST && e.person !== REMINDER);
  if (isReminder(entry)) {
    const personOps = deletions(ctx, copies);
    return {
      kind: 'reminder',
      main,
      mainOps,
      room: 'none',
      link: '',
      members: [],
      present: [],
      personOps,
      waiting: [],
      roomProblem: '',
      copies: copies.length - personOps.length,
    };
  }
  const room: DateStep['room'] = main ? main.room : 'new';
  const link = main && room === 'ready' ? main.meetLink : '';
  let roomProblem = '';
  if (main && (room === 'failed' || room === 'none')) {
    const tries = triesOf(main.roomRequest);
    if (!ctx.automatic || tries < ROOM_TRIES) {
      mainOps.push({ kind: 'room', existing: main, requestId: `cohort-${entry.key}-${tries + 1}` });
    } else {
      roomProblem = `Google Meet did not make a room for this date (${tries} tries), so its invitations wait. Run "Send calendar invites" again to ask once more.`;
    }
  }
  const personOps: Op[] = [];
  const waiting: Member[] = [];
  const present: string[] = [];
  const wanted = new Set(members.map((m) => m.person));
  for (const member of members) {
    const [copy, ...extra] = copies.filter((e) => e.person === member.person);
    personOps.push(...deletions(ctx, extra));
    if (copy) present.push(member.person);
    if (!copy && !link) {
      waiting.push(member);
      continue;
    }
    // Without a ready room a copy keeps the link it has (the same room, or none yet).
    const op = reconcile(copy, personEvent(entry, member, link || (copy?.location ?? ''), eventCtx));
    if (op) personOps.push(op);
  }
  personOps.push(
    ...deletions(
      ctx,
      copies.filter((e) => !wanted.has(e.person)),
    ),
  );
  const deleted = personOps.filter((op) => op.kind === 'delete').length;
  return {
    kind: 'session',
    main,
    mainOps,
    room,
    link,
    members,
    present,
    personOps,
    waiting,
    roomProblem,
    copies: copies.length - deleted,
  };
}

/**
 * Decides, for each Programme row, what its events need, from one read of Programme and
 * Applicants and the calendar's events as listed once (found by key and person, so an event whose
 * id was never written back, because a run was cut off, is found again and never made twice). A
 * date that has started is left as it is; a person no longer in a date's audience loses only their
 * copies still to come.
 */
export function planCalendarSync(
  ports: Ports,
  settings: Settings,
  calendarId: string,
  events: readonly CalendarEvent[],
  options: { automatic: boolean },
): CalendarPlan {
  const programme = ports.workbook.read(programmeTab);
  const applicants = ports.workbook.read(applicantsTab);
  const missing = noteApplicants(ports.store, applicants);
  const { participants, noEmail } = participantsOf(
    applicants.rows.map((r) => ({
      id: r.values[APPLICANT.id],
      role: r.values[APPLICANT.role],
      status: r.values[APPLICANT.status],
      email: r.values[APPLICANT.email],
      name: r.values[APPLICANT.name],
      who: `${textOf(r.values[APPLICANT.id])} ${textOf(r.values[APPLICANT.name])}`.trim(),
    })),
  );
  const checked = checkProgramme(
    // A date typed into a cell shows its wall clock in the spreadsheet's own zone.
    programme.rows.map((r) => rowText(ports, r, ports.workbook.timeZone())),
    settings.timeZone,
  );
  const { dates, legacy } = byKey(events);
  const claimed = new Set(checked.map((c) => c.entry?.key).filter((k): k is string => Boolean(k)));
  const ctx: DateContext = {
    ports,
    settings,
    now: ports.clock.now().getTime(),
    automatic: options.automatic,
  };
  const coach = { name: settings.coachName, email: settings.coachEmail };
  const used = new Set<string>();

  const steps: DateStep[] = programme.rows.map((row, i) => {
    const { entry, problems, keyFilled } = checked[i]!;
    const none = {
      main: null,
      mainOps: [],
      room: 'none' as const,
      link: '',
      members: [],
      present: [],
      personOps: [],
      waiting: [],
      roomProblem: '',
      copies: 0,
    };
    if (!entry) return { ...none, row, keyFilled, problems, key: '', kind: 'problem' as const };
    const key = keyOf(entry.key, trimmedText(row.values[PROGRAMME.eventId]), dates, claimed);
    used.add(key);
    const mine = dates.get(key) ?? [];
    const base = { row, keyFilled, problems, key };
    const dated = { ...entry, key };
    if (startOf(ctx, `${entry.date}${entry.start ? `T${entry.start}:00` : ''}`, entry.timeZone) <= ctx.now) {
      const main = mine.find((e) => e.person === HOST || e.person === REMINDER) ?? null;
      const present = mine.filter((e) => e.person !== HOST && e.person !== REMINDER).map((e) => e.person);
      return { ...none, ...base, kind: 'past' as const, main, present, copies: present.length };
    }
    const members = membersOf(entry.audience, entry.coach === true, participants, coach);
    return { ...base, ...planDate(ctx, dated, mine, members) };
  });
  const orphans = [
    ...new Set(
      [...[...dates].filter(([k]) => !used.has(k)).flatMap(([, list]) => list), ...legacy].map(
        (e) => e.summary,
      ),
    ),
  ];
  return { calendarId, owner: ports.account.email(), programme, steps, noEmail, orphans, missing };
}

/**
 * The key a row's events carry: its own, unless it has none yet and the row's Event ID points at a
 * host event (or reminder) whose key no row claims: the coordinator edited the key, and the date's
 * events keep the key they were made with, so nobody is invited twice.
 */
function keyOf(
  key: string,
  rowEventId: string,
  dates: ReadonlyMap<string, readonly CalendarEvent[]>,
  claimed: ReadonlySet<string>,
): string {
  if (dates.has(key) || !rowEventId) return key;
  for (const [k, list] of dates) {
    if (!claimed.has(k) && list.some((e) => e.id === rowEventId)) return k;
  }
  return key;
}
