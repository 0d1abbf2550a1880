import { parseWallClock } from '../../domain/dates';
import type { Ports } from '../../ports';
import { readSettings } from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';

/**
 * "Send decisions on…": the coordinator names a date and time (the scheme's 25 April) and the
 * decisions go then, through a time-driven trigger, without anyone at the keyboard.
 */
export function scheduleDecisions(ports: Ports): string {
  const { settings } = readSettings(ports);
  const suggested = settings.decisionsSendAt ?? '2025-04-25 09:00';
  const answer = ports.ui?.prompt(
    'Send decisions on…',
    `When should the decisions be sent? Type a date and time like ${suggested} (${settings.timeZone} time).\nLeave it empty to cancel a schedule.`,
  );
  if (answer === null || answer === undefined) return 'Cancelled.';
  const text = answer.trim() || '';
  if (text === '') {
    ports.triggers.clearSchedules(HANDLER.scheduledDecisions);
    ports.ui?.alert('Send decisions on…', 'No decisions are scheduled.');
    return 'Schedule cleared.';
  }
  if (!parseWallClock(text)) {
    ports.ui?.alert(
      'Send decisions on…',
      `"${text}" is not a date and time like ${suggested}. Nothing was scheduled.`,
    );
    return 'Not a date.';
  }
  const at = ports.clock.instant(text, settings.timeZone);
  if (at.getTime() <= ports.clock.now().getTime()) {
    ports.ui?.alert('Send decisions on…', `${text} has already passed. Use Send decisions to send now.`);
    return 'In the past.';
  }
  ports.triggers.scheduleAt(HANDLER.scheduledDecisions, at);
  writeLog(ports, [
    {
      level: 'info',
      action: 'Send decisions on…',
      message: `Decisions will be sent at ${text} (${settings.timeZone}).`,
    },
  ]);
  const done = `Decisions will be sent automatically at ${text} (${settings.timeZone}). Whoever has a Selected, Waitlisted or Not selected status then hears it.`;
  ports.ui?.alert('Send decisions on…', done);
  return done;
}
