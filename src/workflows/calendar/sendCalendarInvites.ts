import type { Settings } from '../../domain/settings';
import type { CalendarEvent, Ports } from '../../ports';
import { startBudget } from '../budget';
import { readSettings } from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';
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

function sync(ports: Ports, confirm: boolean): string {
  const budget = startBudget(ports.clock);
  const { settings } = readSettings(ports);
  let found: ReturnType<typeof calendarAndEvents>;
  try {
    found = calendarAndEvents(ports, settings);
  } catch (e) {
    if (!(e instanceof CalendarBusy)) throw e;
    ports.triggers.scheduleOnce(HANDLER.continueCalendar, BUSY_RETRY_MS);
    const text = `Google Calendar is busy ("${e.reason}"): nothing was changed. It will be tried again automatically in 15 minutes.`;
    writeLog(ports, [{ level: 'warning', action: ACTION, message: text }]);
    ports.ui?.alert(ACTION, text);
    return text;
  }
  const { calendarId, events } = found;
  const plan = planCalendarSync(ports, settings, calendarId, events);
  const writes = plan.steps.filter((s) => s.kind === 'create' || s.kind === 'update').length;
  if (confirm && ports.ui) {
    if (writes === 0) {
      const report = applyPlan(ports, plan, budget, { dryRun: settings.dryRun });
      const text = reportText(report, plan, settings);
      ports.ui.alert(ACTION, text);
      return text;
    }
    if (!ports.ui.confirm(ACTION, `${previewText(plan, settings)}\n\nGo ahead?`)) return 'Cancelled.';
  }
  const report = applyPlan(ports, plan, budget, { dryRun: settings.dryRun });
  const text = reportText(report, plan, settings);
  const level = report.failed.length || report.stoppedFor === 'busy' ? 'warning' : 'info';
  if (writes > 0 || report.failed.length || report.problems.length)
    writeLog(ports, [{ level, action: ACTION, message: text }]);
  ports.ui?.alert(ACTION, text);
  return text;
}

/**
 * "Send calendar invites": one event per Programme row in the programme calendar, with a Meet link
 * and the row's audience (Selected people) as guests, who hear from Google itself. A re-run is a
 * sync: new rows create events, changed rows update theirs in place, unchanged rows cost nothing.
 * With a person looking, the plan is confirmed first.
 */
export function sendCalendarInvites(ports: Ports): string {
  return sync(ports, true);
}

/** Time-driven: the rest of a sync that ran out of time or met a busy Calendar. */
export function continueCalendarSync(ports: Ports): string {
  return sync(ports, false);
}
