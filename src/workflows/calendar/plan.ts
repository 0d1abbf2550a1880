import { type EventChanges, eventChanges, guestDifference } from '../../domain/calendar/eventChanges';
import { eventFor, startWallClock, type WantedEvent } from '../../domain/calendar/eventInput';
import { audienceGuests, guestNames, participantsOf } from '../../domain/calendar/guests';
import { checkProgramme, type ProgrammeRowText } from '../../domain/calendar/programmeRow';
import type { Settings } from '../../domain/settings';
import type { CalendarEvent, Cell, Ports, Table, TableRow } from '../../ports';
import { APPLICANT, applicantsTab, PROGRAMME, programmeTab } from '../tabs';

export type StepKind = 'create' | 'update' | 'unchanged' | 'problem';

/** What one Programme row needs. */
export interface Step {
  readonly row: TableRow;
  readonly kind: StepKind;
  readonly key: string;
  readonly keyFilled: boolean;
  readonly problems: readonly string[];
  readonly wanted: WantedEvent | null;
  readonly existing: CalendarEvent | null;
  readonly changes: EventChanges | null;
}

export interface CalendarPlan {
  readonly calendarId: string;
  readonly programme: Table;
  readonly steps: readonly Step[];
  /** Selected people with no valid email address: they cannot be invited. */
  readonly noEmail: readonly string[];
  /** Events of ours whose row is gone from the Programme tab (left as they are). */
  readonly orphans: readonly CalendarEvent[];
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * A Programme cell as text. The Date, Start and End columns are plain text, but a pasted value may
 * still arrive as a date-time: it is read as wall-clock time in the programme's zone.
 */
function cellText(
  ports: Pick<Ports, 'clock'>,
  value: Cell | undefined,
  part: 'date' | 'time' | 'text',
  zone: string,
): string {
  if (value === undefined || value === null) return '';
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return '';
    const wall = ports.clock.wallClock(value, zone);
    return part === 'date' ? wall.slice(0, 10) : part === 'time' ? wall.slice(11, 16) : wall;
  }
  return String(value);
}

function rowText(ports: Pick<Ports, 'clock'>, row: TableRow, zone: string): ProgrammeRowText {
  const v = (header: string, part: 'date' | 'time' | 'text' = 'text') =>
    cellText(ports, row.values[header], part, zone);
  return {
    key: v(PROGRAMME.key),
    title: v(PROGRAMME.title),
    date: v(PROGRAMME.date, 'date'),
    start: v(PROGRAMME.start, 'time'),
    end: v(PROGRAMME.end, 'time'),
    timeZone: v(PROGRAMME.timeZone),
    audience: v(PROGRAMME.audience),
    description: v(PROGRAMME.description),
  };
}

/** The line every event's description ends with. */
export function descriptionFooter(settings: Settings): string {
  return settings.programmeName ? `Part of the ${settings.programmeName}.` : '';
}

/**
 * Decides, for each Programme row, whether its event is to be created, changed or left alone, from
 * one read of Programme and Applicants and the calendar's events as listed once (by key, so an event
 * whose id was never written back, because a run was cut off, is found again and never made twice).
 * An event that has started keeps its guests.
 */
export function planCalendarSync(
  ports: Ports,
  settings: Settings,
  calendarId: string,
  events: ReadonlyMap<string, CalendarEvent>,
): CalendarPlan {
  const programme = ports.workbook.read(programmeTab);
  const applicants = ports.workbook.read(applicantsTab);
  const { participants, noEmail } = participantsOf(
    applicants.rows.map((r) => ({
      role: r.values[APPLICANT.role],
      status: r.values[APPLICANT.status],
      email: r.values[APPLICANT.email],
      name: r.values[APPLICANT.name],
      who: `${String(r.values[APPLICANT.id] ?? '')} ${String(r.values[APPLICANT.name] ?? '')}`.trim(),
    })),
  );
  const checked = checkProgramme(
    programme.rows.map((r) => rowText(ports, r, settings.timeZone)),
    settings.timeZone,
  );
  const claimed = new Set(checked.map((c) => c.entry?.key).filter((k): k is string => Boolean(k)));
  const byId = new Map([...events.values()].map((e) => [e.id, e]));
  const now = ports.clock.wallClock(ports.clock.now(), settings.timeZone);
  const footer = descriptionFooter(settings);

  const steps: Step[] = programme.rows.map((row, i) => {
    const { entry, problems, keyFilled } = checked[i]!;
    const base = { row, keyFilled, problems, key: entry?.key ?? '' };
    if (!entry) return { ...base, kind: 'problem', wanted: null, existing: null, changes: null };
    // By key; else by the id in the row, for an event whose key no row claims (a key edited by hand).
    const rowId = String(row.values[PROGRAMME.eventId] ?? '').trim();
    const byRowId = rowId ? byId.get(rowId) : undefined;
    const existing =
      events.get(entry.key) ?? (byRowId && !claimed.has(byRowId.key) ? byRowId : undefined) ?? null;
    const guests = audienceGuests(entry.audience, participants, settings.coordinatorEmail);
    const wanted = eventFor(entry, guests, footer, {
      ...guestNames(participants, guests),
      ...(settings.coordinatorName
        ? { [settings.coordinatorEmail.trim().toLowerCase()]: settings.coordinatorName }
        : {}),
    });
    if (!existing) return { ...base, kind: 'create', wanted, existing: null, changes: null };
    const changes = eventChanges(existing, wanted, {
      keepGuests: hasStarted(ports, existing, now, settings.timeZone),
    });
    return { ...base, kind: changes ? 'update' : 'unchanged', wanted, existing, changes };
  });
  const used = new Set(steps.map((s) => s.existing?.id).filter(Boolean));
  const orphans = [...events.values()].filter((e) => !used.has(e.id));
  return { calendarId, programme, steps, noEmail, orphans };
}

/** Has the event (as guests have it now) started? `now` is the wall clock in the programme's zone. */
function hasStarted(ports: Pick<Ports, 'clock'>, event: CalendarEvent, now: string, zone: string): boolean {
  const start = startWallClock(event.start);
  if (!event.timeZone || event.timeZone === zone || event.start.length === 10) return start <= now;
  return ports.clock.instant(start, event.timeZone).getTime() <= ports.clock.now().getTime();
}

/** How many guests a plan invites and takes off (what Google will email about). */
export function guestCounts(steps: readonly Step[]): { invited: number; removed: number } {
  let invited = 0;
  let removed = 0;
  for (const s of steps) {
    if (s.kind === 'create') invited += s.wanted?.guests.length ?? 0;
    if (s.kind === 'update' && s.changes?.guests && s.existing) {
      const d = guestDifference(s.existing.guests, s.changes.guests);
      invited += d.added.length;
      removed += d.removed.length;
    }
  }
  return { invited, removed };
}
