import type { CalendarEvent, Ports, RowValues } from '../../ports';
import type { Budget } from '../budget';
import { HANDLER } from '../handlers';
import { PROGRAMME } from '../tabs';
import { updateAsOneBlock } from '../write';
import { type CalendarPlan, guestCounts, type Step } from './plan';
import { CalendarBusy, reasonOf, withRetry } from './retry';

/** A run stopped by the time budget continues a minute later; one stopped by a busy Calendar later. */
export const TIME_RETRY_MS = 60_000;
export const BUSY_RETRY_MS = 15 * 60_000;

export interface SyncReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** "Finale event (row 10): End 10:00 is not after Start 11:30." */
  readonly problems: readonly string[];
  /** Rows Google refused to write, with its reason. */
  readonly failed: readonly string[];
  readonly invited: number;
  readonly removed: number;
  /** Creates and updates left for the continuation. */
  readonly remaining: number;
  readonly stoppedFor: 'done' | 'time' | 'busy';
  readonly busyReason: string;
}

function label(step: Step): string {
  const title = String(step.row.values[PROGRAMME.title] ?? '').trim() || step.key || 'A date';
  return `${title} (row ${step.row.rowNumber})`;
}

/** Creates the event, unless a failed try had in fact made it (Google can fail after the write). */
function createOnce(ports: Ports, calendarId: string, step: Step): CalendarEvent {
  const wanted = step.wanted!;
  let tries = 0;
  return withRetry(ports.clock, () => {
    if (tries++ > 0) {
      const made = ports.calendar.listByKey(calendarId).get(wanted.key);
      if (made) return made;
    }
    return ports.calendar.create(calendarId, wanted);
  });
}

/** The cells of a row that differ from what the sheet holds. */
function differing(step: Step, wanted: RowValues): RowValues | null {
  const out: RowValues = {};
  for (const [header, value] of Object.entries(wanted)) {
    const current = step.row.values[header];
    const same = value instanceof Date ? false : String(current ?? '') === String(value);
    if (!same) out[header] = value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Carries out a plan: one Calendar write per new or changed date (retried when Google is busy),
 * then one block write of Event ID / Meet link / Last synced / Problems. Stops before the time
 * budget runs out, or when the Calendar stays busy, and schedules its own continuation; the next
 * run lists the calendar again, so nothing is created twice.
 */
export function applyPlan(
  ports: Ports,
  plan: CalendarPlan,
  budget: Budget,
  options: { dryRun: boolean },
): SyncReport {
  const now = ports.clock.now();
  const writes = new Map<number, RowValues>();
  const problems: string[] = [];
  const failed: string[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let remaining = 0;
  let stoppedFor: SyncReport['stoppedFor'] = 'done';
  let busyReason = '';
  const done: Step[] = [];

  const record = (step: Step, values: RowValues) => {
    const all: RowValues = { ...values };
    if (step.keyFilled && step.key) all[PROGRAMME.key] = step.key;
    const diff = differing(step, all);
    if (diff) writes.set(step.row.rowNumber, diff);
  };

  for (const step of plan.steps) {
    if (step.kind === 'problem') {
      problems.push(`${label(step)}: ${step.problems.join(' ')}`);
      record(step, { [PROGRAMME.problems]: step.problems.join(' ') });
      continue;
    }
    if (step.kind === 'unchanged') {
      unchanged++;
      const existing = step.existing!;
      const lost = String(step.row.values[PROGRAMME.eventId] ?? '') !== existing.id;
      record(step, {
        [PROGRAMME.eventId]: existing.id,
        [PROGRAMME.meetLink]: existing.meetLink,
        [PROGRAMME.problems]: '',
        // The id was lost by a run cut off after the write: this is when it was last synced.
        ...(lost ? { [PROGRAMME.lastSynced]: now } : {}),
      });
      continue;
    }
    if (options.dryRun) continue;
    if (stoppedFor !== 'done' || budget.expired()) {
      if (stoppedFor === 'done') stoppedFor = 'time';
      remaining++;
      continue;
    }
    try {
      const event =
        step.kind === 'create'
          ? createOnce(ports, plan.calendarId, step)
          : withRetry(ports.clock, () =>
              ports.calendar.patch(plan.calendarId, step.existing!.id, step.changes!),
            );
      if (step.kind === 'create') created++;
      else updated++;
      done.push(step);
      record(step, {
        [PROGRAMME.eventId]: event.id,
        [PROGRAMME.meetLink]: event.meetLink || step.existing?.meetLink || '',
        [PROGRAMME.lastSynced]: now,
        [PROGRAMME.problems]: '',
      });
    } catch (e) {
      if (e instanceof CalendarBusy) {
        stoppedFor = 'busy';
        busyReason = e.reason;
        remaining++;
        continue;
      }
      const reason = reasonOf(e);
      failed.push(`${label(step)}: ${reason}`);
      record(step, { [PROGRAMME.problems]: `Google Calendar refused this date: ${reason}` });
    }
  }

  updateAsOneBlock(ports, plan.programme, writes);
  if (remaining > 0) {
    ports.triggers.scheduleOnce(
      HANDLER.continueCalendar,
      stoppedFor === 'busy' ? BUSY_RETRY_MS : TIME_RETRY_MS,
    );
  } else if (ports.triggers.scheduledAt(HANDLER.continueCalendar)) {
    ports.triggers.clearSchedules(HANDLER.continueCalendar);
  }
  const { invited, removed } = guestCounts(done);
  return {
    created,
    updated,
    unchanged,
    problems,
    failed,
    invited,
    removed,
    remaining,
    stoppedFor,
    busyReason,
  };
}
