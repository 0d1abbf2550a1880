import { fingerprint } from '../../domain/fingerprint';
import type { Settings } from '../../domain/settings';
import type { CalendarEvent, Ports } from '../../ports';
import { startBudget } from '../budget';
import { readSettings } from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';
import type { MenuAction } from '../run';
import { type CalendarPlan, type Op, planCalendarSync } from './plan';
import { calendarIdOf, ensureCalendarId, notTheOwner } from './programmeCalendar';
import { CalendarBusy, withRetry } from './retry';
import { applyPlan, BUSY_RETRY_MS } from './sync';
import { previewText, reportText } from './words';

const ACTION = 'Send calendar invites';

function listOnce(ports: Ports, calendarId: string): CalendarEvent[] {
  return withRetry(ports.clock, () => ports.calendar.listEvents(calendarId));
}

/**
 * The programme calendar and its events, listed once. A calendar deleted in Google Calendar is made
 * again (its events then too).
 */
function calendarAndEvents(
  ports: Ports,
  settings: Settings,
): { calendarId: string; events: CalendarEvent[] } {
  const calendarId = calendarIdOf(ports, settings);
  try {
    return { calendarId, events: listOnce(ports, calendarId) };
  } catch (e) {
    if (!/Not Found|notFound/i.test(e instanceof Error ? e.message : String(e))) throw e;
    const again = ensureCalendarId(ports, settings).id;
    return { calendarId: again, events: listOnce(ports, again) };
  }
}

/** A plan, or a sentence saying why there is none (Google busy, another account's calendar). */
type SyncPlan =
  | { readonly settings: Settings; readonly plan: CalendarPlan; readonly stop?: undefined }
  | { readonly settings: Settings; readonly stop: string };

/**
 * One list of the calendar and one read of the tabs: what each Programme row needs. `automatic`:
 * a continuation, where nobody is looking.
 */
function planSync(ports: Ports, automatic = false): SyncPlan {
  const { settings } = readSettings(ports);
  const notOwner = notTheOwner(ports, settings);
  if (notOwner) return { settings, stop: notOwner };
  let found: ReturnType<typeof calendarAndEvents>;
  try {
    found = calendarAndEvents(ports, settings);
  } catch (e) {
    if (!(e instanceof CalendarBusy)) throw e;
    ports.triggers.scheduleOnce(HANDLER.continueCalendar, BUSY_RETRY_MS);
    const text = `Google Calendar is busy ("${e.reason}"): nothing was changed. It will be tried again automatically in 15 minutes.`;
    writeLog(ports, [{ level: 'warning', action: ACTION, message: text }]);
    return { settings, stop: text };
  }
  const plan = planCalendarSync(ports, settings, found.calendarId, found.events, { automatic });
  // Nobody reads a continuation's answer: thrown, it reaches the Log and the coordinator (run.ts).
  if (plan.missing && automatic) throw new Error(plan.missing);
  return plan.missing ? { settings, stop: plan.missing } : { settings, plan };
}

const opsOf = (plan: CalendarPlan): Op[] => plan.steps.flatMap((s) => [...s.mainOps, ...s.personOps]);

/** What the coordinator approves: who gets what, not when (a copy waiting for its Meet room is an invitation). */
function planPrint(plan: CalendarPlan): unknown {
  const op = (o: Op) =>
    o.kind === 'create'
      ? ['create', o.wanted.person, o.wanted.guests]
      : [o.kind, o.existing.person, o.kind === 'update' ? o.changes : null];
  return plan.steps.map((s) => [
    s.key,
    s.kind,
    s.mainOps.map(op),
    s.personOps.map(op),
    s.waiting.map((m) => ['create', m.person, [m.email]]),
  ]);
}

function applySync(ports: Ports, run: SyncPlan): string {
  if (run.stop !== undefined) return run.stop;
  const { settings, plan } = run;
  const report = applyPlan(ports, plan, startBudget(ports.clock), { dryRun: settings.dryRun });
  const text = reportText(report, plan, settings);
  const level = report.failed.length || report.stoppedFor === 'busy' ? 'warning' : 'info';
  // A run that only waited for a Meet room (a continuation checking once a minute) is not logged.
  const wrote = report.created + report.updated + report.deleted + report.rooms + report.remaining > 0;
  if (wrote || report.failed.length || report.problems.length)
    writeLog(ports, [{ level, action: ACTION, message: text }]);
  return text;
}

/**
 * "Send calendar invites": for each programme date, a host event with the date's Meet room and one
 * copy per person of its audience (Selected people, and the coach where marked), each with that
 * person as its only guest, who hears from Google itself; the coordinator's own dates become
 * free-time reminders. A re-run is a sync: a late joiner gets only their own invitations, a
 * withdrawal cancels only that person's copies still to come, a moved date updates each copy in
 * place, unchanged dates cost nothing. The plan is confirmed first, and carried out only as confirmed.
 */
export const sendCalendarInvitesAction: MenuAction<void, SyncPlan> = {
  name: ACTION,
  plan: (ports) => planSync(ports),
  review: (run) => {
    if (run.stop !== undefined) return { kind: 'stop', message: run.stop };
    if (opsOf(run.plan).length === 0) return { kind: 'go' };
    return {
      kind: 'ask',
      question: previewText(run.plan, run.settings),
      fingerprint: fingerprint([run.settings.dryRun, planPrint(run.plan)]),
    };
  },
  act: applySync,
};

/**
 * Time-driven: the rest of a sync that ran out of time, met a busy Calendar or waits for a Meet
 * room. Only a sync the coordinator started is continued: a stray run (a trigger left from another
 * account, a repeat) must never send invitations nobody asked for.
 */
export function continueCalendarSync(ports: Ports): string {
  if (!ports.triggers.scheduledAt(HANDLER.continueCalendar))
    return 'No calendar sync is waiting to be finished.';
  return applySync(ports, planSync(ports, true));
}
