import { addEmails, type EmailCounts, emailsFor, NO_EMAILS } from '../../domain/calendar/notifications';
import { textOf, trimmedText } from '../../domain/text';
import type { CalendarEvent, Ports, RowValues } from '../../ports';
import type { Budget } from '../budget';
import { HANDLER } from '../handlers';
import { PROGRAMME } from '../tabs';
import { updateAsOneBlock } from '../write';
import { type CalendarPlan, type DateStep, guestWrite, type Op } from './plan';
import { CalendarBusy, reasonOf, withRetry } from './retry';
import { invitationsText } from './words';

/** A run stopped by the time budget, or waiting for Meet, continues a minute later; a busy Calendar later. */
export const TIME_RETRY_MS = 60_000;
export const BUSY_RETRY_MS = 15 * 60_000;

export interface SyncReport {
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
  /** Meet rooms asked for again. */
  readonly rooms: number;
  /** Dates still to come with nothing to do and nothing waiting. */
  readonly upToDate: number;
  /** Dates that have started: left as they are. */
  readonly past: number;
  /** What Google was asked to email, counted from the writes made (see notifications.ts). */
  readonly emails: EmailCounts;
  /** Invitations that wait for a Meet room, and on how many dates. */
  readonly waiting: number;
  readonly waitingDates: number;
  /** "Finale event (row 10): End 10:00 is not after Start 11:30." */
  readonly problems: readonly string[];
  /** Writes Google refused, with its reason. */
  readonly failed: readonly string[];
  /** Writes left for the continuation. */
  readonly remaining: number;
  readonly stoppedFor: 'done' | 'time' | 'busy';
  readonly busyReason: string;
}

function label(step: DateStep, op?: Op): string {
  const title = trimmedText(step.row.values[PROGRAMME.title]) || step.key || 'A date';
  const person = op ? personOf(op) : '';
  const whose = person && person !== 'host' && person !== 'reminder' ? `, ${person}'s copy` : '';
  return `${title} (row ${step.row.rowNumber}${whose})`;
}

const personOf = (op: Op) => (op.kind === 'create' ? op.wanted.person : op.existing.person);

/** Creates the event, unless a failed try had in fact made it (Google can fail after the write). */
function createOnce(ports: Ports, calendarId: string, op: Extract<Op, { kind: 'create' }>): CalendarEvent {
  let tries = 0;
  return withRetry(ports.clock, () => {
    if (tries++ > 0) {
      const made = ports.calendar.find(calendarId, op.wanted.key, op.wanted.person);
      if (made) return made;
    }
    return ports.calendar.create(calendarId, op.wanted);
  });
}

/** One write, retried while Google is busy; the event as it is after it (null once deleted). */
function perform(ports: Ports, calendarId: string, op: Op): CalendarEvent | null {
  switch (op.kind) {
    case 'create':
      return createOnce(ports, calendarId, op);
    case 'update':
      return withRetry(ports.clock, () => ports.calendar.patch(calendarId, op.existing.id, op.changes));
    case 'room':
      return withRetry(ports.clock, () =>
        ports.calendar.requestRoom(calendarId, op.existing.id, op.requestId),
      );
    case 'delete':
      withRetry(ports.clock, () => ports.calendar.remove(calendarId, op.existing.id));
      return null;
  }
}

/** The cells of a row that differ from what the sheet holds. */
function differing(step: DateStep, wanted: RowValues): RowValues | null {
  const out: RowValues = {};
  for (const [header, value] of Object.entries(wanted)) {
    const current = step.row.values[header];
    const same = value instanceof Date ? false : textOf(current) === String(value);
    if (!same) out[header] = value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** What became of one date in this run. */
interface Outcome {
  /** The coordinator's event as it now is. */
  main: CalendarEvent | null;
  /** The people whose copy this run made. */
  created: Set<string>;
  done: number;
  left: number;
  failures: string[];
}

interface Carried {
  readonly outcomes: Map<DateStep, Outcome>;
  readonly counts: Record<Op['kind'], number>;
  readonly emails: EmailCounts;
  readonly failed: string[];
  readonly remaining: number;
  readonly stoppedFor: SyncReport['stoppedFor'];
  readonly busyReason: string;
}

/**
 * The writes, in order: the coordinator's events first (so Meet starts making the rooms), then each
 * person's copies. Emails are counted from each write made, with the one function the question used.
 */
function carryOut(ports: Ports, plan: CalendarPlan, budget: Budget, dryRun: boolean): Carried {
  const outcomes = new Map<DateStep, Outcome>(
    plan.steps.map((s) => [s, { main: s.main, created: new Set(), done: 0, left: 0, failures: [] }]),
  );
  const counts: Record<Op['kind'], number> = { create: 0, update: 0, delete: 0, room: 0 };
  const failed: string[] = [];
  let emails = NO_EMAILS;
  let remaining = 0;
  let stoppedFor: SyncReport['stoppedFor'] = 'done';
  let busyReason = '';
  const queue = [
    ...plan.steps.flatMap((step) => step.mainOps.map((op) => ({ step, op, main: true }))),
    ...plan.steps.flatMap((step) => step.personOps.map((op) => ({ step, op, main: false }))),
  ];
  for (const { step, op, main } of dryRun ? [] : queue) {
    const outcome = outcomes.get(step)!;
    if (stoppedFor !== 'done' || budget.expired()) {
      if (stoppedFor === 'done') stoppedFor = 'time';
      remaining++;
      outcome.left++;
      continue;
    }
    try {
      const event = perform(ports, plan.calendarId, op);
      emails = addEmails(emails, emailsFor(guestWrite(op), plan.owner));
      counts[op.kind]++;
      outcome.done++;
      // A main delete only ever removes a stray event, never the date's own.
      if (main && event) outcome.main = event;
      if (!main && op.kind === 'create') outcome.created.add(op.wanted.person);
    } catch (e) {
      if (e instanceof CalendarBusy) {
        stoppedFor = 'busy';
        busyReason = e.reason;
        remaining++;
        outcome.left++;
        continue;
      }
      const reason = reasonOf(e);
      failed.push(`${label(step, op)}: ${reason}`);
      outcome.failures.push(
        `Google Calendar refused ${main ? 'this date' : `${personOf(op)}'s copy`}: ${reason}`,
      );
    }
  }
  return { outcomes, counts, emails, failed, remaining, stoppedFor, busyReason };
}

/** A row's Cohort cells after the run: where its date stands, in words. */
function rowValues(step: DateStep, outcome: Outcome, now: Date, dryRun: boolean): RowValues {
  const values: RowValues = {};
  if (step.keyFilled && step.key) values[PROGRAMME.key] = step.key;
  if (step.kind === 'problem') {
    values[PROGRAMME.problems] = step.problems.join(' ');
    return values;
  }
  if (dryRun) return values;
  const mainId = outcome.main?.id ?? '';
  values[PROGRAMME.eventId] = mainId;
  values[PROGRAMME.meetLink] = outcome.main?.room === 'ready' ? outcome.main.meetLink : '';
  values[PROGRAMME.invitations] = invitationsText(step, outcome.created, outcome.left);
  values[PROGRAMME.problems] = [...outcome.failures, step.roomProblem].filter(Boolean).join(' ');
  // A write, or an id lost by a run cut off after the write: this is when it was last synced.
  if (outcome.done > 0 || textOf(step.row.values[PROGRAMME.eventId]) !== mainId)
    values[PROGRAMME.lastSynced] = now;
  return values;
}

/**
 * Carries out a plan: one Calendar write per change (retried when Google is busy), then one block
 * write of Event ID / Meet link / Invitations / Last synced / Problems. Stops before the time
 * budget runs out, or when the Calendar stays busy, and schedules its own continuation, as it does
 * while a Meet room is being made; the next run lists the calendar again, so nothing is created twice.
 */
export function applyPlan(
  ports: Ports,
  plan: CalendarPlan,
  budget: Budget,
  options: { dryRun: boolean },
): SyncReport {
  const now = ports.clock.now();
  const run = carryOut(ports, plan, budget, options.dryRun);
  const writes = new Map<number, RowValues>();
  const problems: string[] = [];
  let upToDate = 0;
  let past = 0;
  let waiting = 0;
  let waitingDates = 0;
  let waitForRoom = false;
  for (const step of plan.steps) {
    const outcome = run.outcomes.get(step)!;
    const diff = differing(step, rowValues(step, outcome, now, options.dryRun));
    if (diff) writes.set(step.row.rowNumber, diff);
    if (step.kind === 'problem') {
      problems.push(`${label(step)}: ${step.problems.join(' ')}`);
      continue;
    }
    if (options.dryRun) continue;
    if (step.waiting.length > 0) {
      waiting += step.waiting.length;
      waitingDates++;
      // A host event Google refused is not waited for: the coordinator reads why in Problems.
      if (!step.roomProblem && outcome.failures.length === 0) waitForRoom = true;
    }
    if (step.kind === 'past') past++;
    else if (step.mainOps.length + step.personOps.length + step.waiting.length === 0) upToDate++;
  }
  updateAsOneBlock(ports, plan.programme, writes);
  if (run.remaining > 0) {
    ports.triggers.scheduleOnce(
      HANDLER.continueCalendar,
      run.stoppedFor === 'busy' ? BUSY_RETRY_MS : TIME_RETRY_MS,
    );
  } else if (waitForRoom) {
    ports.triggers.scheduleOnce(HANDLER.continueCalendar, TIME_RETRY_MS);
  } else if (ports.triggers.scheduledAt(HANDLER.continueCalendar)) {
    ports.triggers.clearSchedules(HANDLER.continueCalendar);
  }
  return {
    created: run.counts.create,
    updated: run.counts.update,
    deleted: run.counts.delete,
    rooms: run.counts.room,
    upToDate,
    past,
    emails: run.emails,
    waiting,
    waitingDates,
    problems,
    failed: run.failed,
    remaining: run.remaining,
    stoppedFor: run.stoppedFor,
    busyReason: run.busyReason,
  };
}
