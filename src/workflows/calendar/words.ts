/**
 * What the coordinator reads about the calendar: the question before a sync, the result after it
 * (also its Log line) and each Programme row's Invitations cell. Email counts come from one place,
 * notifications.ts, over the writes planned or made.
 */
import { COACH, REMINDER } from '../../domain/calendar/eventInput';
import {
  addEmails,
  type EmailCounts,
  emailsFor,
  emailsText,
  NO_EMAILS,
} from '../../domain/calendar/notifications';
import type { Settings } from '../../domain/settings';
import { plural } from '../../domain/text';
import { type CalendarPlan, type DateStep, guestWrite } from './plan';
import type { SyncReport } from './sync';

const REMINDER_TEXT = 'A reminder in your calendar, shown as free time: nobody is invited.';

/**
 * The Invitations cell of a date after a run, from what the calendar then holds: "12 invited
 * (including the coach).", or why some are still to go. `created`: the people whose copy this run
 * made; `left`: writes of this date left for the continuation.
 */
export function invitationsText(step: DateStep, created: ReadonlySet<string>, left: number): string {
  if (step.kind === 'reminder' || (step.kind === 'past' && step.main?.person === REMINDER))
    return REMINDER_TEXT;
  if (step.kind === 'past') {
    if (step.copies === 0) return 'This date had passed: no invitations were sent.';
    return `${step.copies} invited${step.present.includes(COACH) ? ' (including the coach)' : ''}.`;
  }
  const have = step.members.filter((m) => step.present.includes(m.person) || created.has(m.person));
  const want = step.members.length;
  if (want === 0) return 'Nobody to invite yet: nobody Selected is in this audience.';
  const coach = have.some((m) => m.person === COACH) ? ' (including the coach)' : '';
  const invited = `${have.length} invited${coach}`;
  if (have.length === want && left === 0) return `${invited}.`;
  const missing = want - have.length;
  if (step.roomProblem) return `${invited}; ${plural(missing, 'invitation')} wait for a Meet room.`;
  if (step.waiting.length > 0 && left === 0) {
    const wait = `for Google Meet to make the room: ${plural(missing, 'invitation')} ${missing === 1 ? 'goes' : 'go'} out automatically in a few minutes.`;
    return have.length > 0 ? `${invited}; waiting ${wait}` : `Waiting ${wait}`;
  }
  return `${have.length} of ${want} invited; the rest follow automatically.`;
}

/** What Google will email if the plan is carried out, the invitations waiting for a Meet room included. */
export function plannedEmails(plan: CalendarPlan): EmailCounts {
  let emails = NO_EMAILS;
  for (const step of plan.steps) {
    for (const op of [...step.mainOps, ...step.personOps])
      emails = addEmails(emails, emailsFor(guestWrite(op), plan.owner));
    for (const member of step.waiting)
      emails = addEmails(emails, emailsFor({ kind: 'create', guests: [member.email] }, plan.owner));
  }
  return emails;
}

const hasWork = (s: DateStep) => s.mainOps.length + s.personOps.length + s.waiting.length > 0;
const isNew = (s: DateStep) => s.mainOps.some((op) => op.kind === 'create');

/** What the coordinator confirms: "In the calendar …: 6 new dates …; Google will email 138 invitations." */
export function previewText(plan: CalendarPlan, settings: Settings): string {
  const dates = plan.steps.filter((s) => s.kind !== 'problem');
  const fresh = dates.filter(isNew).length;
  const changed = dates.filter((s) => hasWork(s) && !isNew(s)).length;
  const upToDate = dates.filter((s) => !hasWork(s) && s.kind !== 'past').length;
  const past = dates.filter((s) => s.kind === 'past').length;
  const emails = emailsText(plannedEmails(plan));
  const reminders = plan.steps.filter((s) => s.kind === 'reminder' && isNew(s)).length;
  const rooms = plan.steps.some((s) => s.waiting.length > 0 && !s.roomProblem);
  const problems = plan.steps.filter((s) => s.kind === 'problem');
  const lines = [
    `In the calendar "${settings.calendarName}": ${plural(fresh, 'new date')}, ${changed} changed; ${upToDate} already up to date${past ? `, ${past} past (left as they are)` : ''}.`,
    emails
      ? `Google will email ${emails}, each to the one person it concerns (everyone has their own copy of a date).`
      : 'Google will email nobody.',
    rooms
      ? 'The invitations to a new date go out a few minutes later, by themselves, once Google Meet has made its room.'
      : '',
    reminders
      ? `${plural(reminders, 'reminder')} ${reminders === 1 ? 'goes' : 'go'} into your calendar as free time; nobody else is invited.`
      : '',
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

/** The summary after a run, in words (also its Log line). */
export function reportText(report: SyncReport, plan: CalendarPlan, settings: Settings): string {
  const writes = report.created + report.updated + report.deleted + report.rooms;
  const nothingToDo = writes + report.remaining + report.failed.length + report.waiting === 0;
  const emails = emailsText(report.emails);
  const lines = [
    settings.dryRun
      ? 'Practice mode is on in Settings: nothing was changed in the calendar.'
      : nothingToDo
        ? `Calendar "${settings.calendarName}": everything is up to date (${plural(report.upToDate + report.past, 'date')}); nothing was sent.`
        : `Calendar "${settings.calendarName}": ${plural(report.created, 'event')} created, ${report.updated} updated, ${report.deleted} cancelled; ${plural(report.upToDate, 'date')} already up to date${report.past ? `, ${report.past} past` : ''}.`,
    !settings.dryRun && emails ? `Google is emailing ${emails}.` : '',
    report.rooms ? `Google Meet was asked again for the room of ${plural(report.rooms, 'date')}.` : '',
    report.waiting && !settings.dryRun
      ? `${plural(report.waiting, 'invitation')} to ${plural(report.waitingDates, 'date')} ${report.waiting === 1 ? 'waits' : 'wait'} for Google Meet to make the room: they go out automatically in a few minutes.`
      : '',
    report.stoppedFor === 'time'
      ? `${plural(report.remaining, 'change')} will be made automatically in a minute.`
      : '',
    report.stoppedFor === 'busy'
      ? `Google Calendar is busy ("${report.busyReason}"): ${plural(report.remaining, 'change')} will be tried again automatically in 15 minutes.`
      : '',
    report.failed.length
      ? `Google Calendar refused ${plural(report.failed.length, 'change')}:\n${report.failed.join('\n')}`
      : '',
    report.problems.length
      ? `${plural(report.problems.length, 'date')} skipped until fixed in the Programme tab:\n${report.problems.join('\n')}`
      : '',
    plan.noEmail.length ? `Not invited (no valid email address): ${plan.noEmail.join(', ')}.` : '',
    plan.orphans.length
      ? `The events of ${plural(plan.orphans.length, 'date')} in the calendar no longer have a row in the Programme tab and were left as they are: ${plan.orphans.join(', ')}.`
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}
