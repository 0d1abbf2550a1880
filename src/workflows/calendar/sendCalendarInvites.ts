import { fingerprint } from '../../domain/fingerprint';
import type { Settings } from '../../domain/settings';
import type { CalendarEvent, Ports } from '../../ports';
import { startBudget } from '../budget';
import { readSettings } from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';
import type { MenuAction } from '../run';
import { type CalendarPlan, guestCounts, planCalendarSync } from './plan';
import { calendarIdOf, ensureCalendarId } from './programmeCalendar';
import { CalendarBusy, withRetry } from './retry';
import { applyPlan, BUSY_RETRY_MS, type SyncReport } from './sync';

const ACTION = 'Send calendar invites';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listOnce(ports: Ports, calendarId: string): Map<string, CalendarEvent> {
  return withRetry(ports.clock, () => ports.calendar.listByKey(calendarId));
}

/**
 * The programme calendar and its events, listed once. A calendar deleted in Google Calendar is made
 * again (its events then too).
 */
function calendarAndEvents(
  ports: Ports,
  settings: Settings,
): { calendarId: string; events: Map<string, CalendarEvent> } {
  const calendarId = calendarIdOf(ports, settings);
  try {
    return { calendarId, events: listOnce(ports, calendarId) };
  } catch (e) {
    if (!/Not Found|notFound/i.test(e instanceof Error ? e.message : String(e))) throw e;
    const again = ensureCalendarId(ports, settings).id;
    return { calendarId: again, events: listOnce(ports, again) };
  }
}

/** What the coordinator confirms: "Create 6 events and update 1 …". */
export function previewText(plan: CalendarPlan, settings: Settings): string {
  const count = (k: string) => plan.steps.filter((s) => s.kind === k).length;
  const { invited, removed } = guestCounts(plan.steps);
  const problems = plan.steps.filter((s) => s.kind === 'problem');
  const lines = [
    `In the calendar "${settings.calendarName}": create ${plural(count('create'), 'event')}, update ${count('update')}; ${count('unchanged')} already up to date.`,
    `Google will email ${plural(invited, 'invitation')}${removed ? ` and ${plural(removed, 'cancellation')}` : ''} to guests.`,
    problems.length
      ? `${plural(problems.length, 'date')} with problems ${problems.length === 1 ? 'is' : 'are'} skipped (see the Problems column of the Programme tab).`
      : '',
    plan.noEmail.length
      ? `${plural(plan.noEmail.length, 'selected person', 'selected people')} without a valid email cannot be invited: ${plan.noEmail.slice(0, 10).join(', ')}${plan.noEmail.length > 10 ? ', …' : ''}.`
      : '',
    settings.dryRun ? 'Practice mode is on in Settings: nothing will be changed in the calendar.' : '',
  ];
  return lines.filter(Boolean).join('\n');
}

/** The summary after a run, in words. */
export function reportText(report: SyncReport, plan: CalendarPlan, settings: Settings): string {
  const nothingToDo = report.created + report.updated + report.remaining + report.failed.length === 0;
  const lines = [
    settings.dryRun
      ? 'Practice mode is on in Settings: nothing was changed in the calendar.'
      : nothingToDo
        ? `Calendar "${settings.calendarName}": everything is up to date (${plural(report.unchanged, 'date')}); nothing was sent.`
        : `Calendar "${settings.calendarName}": ${plural(report.created, 'event')} created, ${report.updated} updated, ${report.unchanged} already up to date.`,
    !settings.dryRun && (report.invited || report.removed)
      ? `Google is emailing ${plural(report.invited, 'invitation')}${report.removed ? ` and ${plural(report.removed, 'cancellation')}` : ''}.`
      : '',
    report.stoppedFor === 'time'
      ? `${plural(report.remaining, 'date')} will be done automatically in a minute.`
      : '',
    report.stoppedFor === 'busy'
      ? `Google Calendar is busy ("${report.busyReason}"): ${plural(report.remaining, 'date')} will be tried again automatically in 15 minutes.`
      : '',
    report.failed.length
      ? `Google Calendar refused ${plural(report.failed.length, 'date')}:\n${report.failed.join('\n')}`
      : '',
    report.problems.length
      ? `${plural(report.problems.length, 'date')} skipped until fixed in the Programme tab:\n${report.problems.join('\n')}`
      : '',
    plan.noEmail.length ? `Not invited (no valid email address): ${plan.noEmail.join(', ')}.` : '',
    plan.orphans.length
      ? `${plural(plan.orphans.length, 'event')} in the calendar no longer ${plan.orphans.length === 1 ? 'has' : 'have'} a row in the Programme tab and ${plan.orphans.length === 1 ? 'was' : 'were'} left as ${plan.orphans.length === 1 ? 'it is' : 'they are'}: ${plan.orphans.map((e) => e.summary).join(', ')}.`
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}

type SyncPlan =
  | { readonly settings: Settings; readonly plan: CalendarPlan; readonly busy?: undefined }
  | { readonly settings: Settings; readonly busy: string };

/** One list of the calendar and one read of the tabs: what each Programme row needs. */
function planSync(ports: Ports): SyncPlan {
  const { settings } = readSettings(ports);
  let found: ReturnType<typeof calendarAndEvents>;
  try {
    found = calendarAndEvents(ports, settings);
  } catch (e) {
    if (!(e instanceof CalendarBusy)) throw e;
    ports.triggers.scheduleOnce(HANDLER.continueCalendar, BUSY_RETRY_MS);
    const text = `Google Calendar is busy ("${e.reason}"): nothing was changed. It will be tried again automatically in 15 minutes.`;
    writeLog(ports, [{ level: 'warning', action: ACTION, message: text }]);
    return { settings, busy: text };
  }
  return { settings, plan: planCalendarSync(ports, settings, found.calendarId, found.events) };
}

const writesOf = (plan: CalendarPlan) =>
  plan.steps.filter((s) => s.kind === 'create' || s.kind === 'update').length;

function applySync(ports: Ports, run: SyncPlan): string {
  if (run.busy !== undefined) return run.busy;
  const { settings, plan } = run;
  const report = applyPlan(ports, plan, startBudget(ports.clock), { dryRun: settings.dryRun });
  const text = reportText(report, plan, settings);
  const level = report.failed.length || report.stoppedFor === 'busy' ? 'warning' : 'info';
  if (writesOf(plan) > 0 || report.failed.length || report.problems.length)
    writeLog(ports, [{ level, action: ACTION, message: text }]);
  return text;
}

/**
 * "Send calendar invites": one event per Programme row in the programme calendar, with a Meet link
 * and the row's audience (Selected people) as guests, who hear from Google itself. A re-run is a
 * sync: new rows create events, changed rows update theirs in place, unchanged rows cost nothing.
 * The plan is confirmed first, and carried out only as confirmed.
 */
export const sendCalendarInvitesAction: MenuAction<void, SyncPlan> = {
  name: ACTION,
  plan: planSync,
  review: (run) => {
    if (run.busy !== undefined) return { kind: 'stop', message: run.busy };
    if (writesOf(run.plan) === 0) return { kind: 'go' };
    return {
      kind: 'ask',
      question: previewText(run.plan, run.settings),
      fingerprint: fingerprint([
        run.settings.dryRun,
        run.plan.steps.map((s) => [s.kind, s.key, s.wanted, s.changes]),
      ]),
    };
  },
  act: applySync,
};

/**
 * Time-driven: the rest of a sync that ran out of time or met a busy Calendar. Only a sync the
 * coordinator started is continued: a stray run (a trigger left from another account, a repeat)
 * must never send invitations nobody asked for.
 */
export function continueCalendarSync(ports: Ports): string {
  if (!ports.triggers.scheduledAt(HANDLER.continueCalendar))
    return 'No calendar sync is waiting to be finished.';
  return applySync(ports, planSync(ports));
}
