import { parseWallClock } from '../../domain/dates';
import type { Settings } from '../../domain/settings';
import { readSettings } from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';
import type { MenuAction } from '../run';
import { writeSetting } from '../settingCell';

const ACTION = 'Send decisions on…';

type Plan =
  | { readonly kind: 'clear' }
  | { readonly kind: 'at'; readonly text: string; readonly at: Date; readonly settings: Settings }
  | { readonly kind: 'invalid'; readonly message: string };

/**
 * "Send decisions on…": the coordinator names a date and time (the scheme's 25 April) and the
 * decisions go then, through a time-driven trigger, without anyone at the keyboard.
 */
export const scheduleDecisionsAction: MenuAction<string, Plan> = {
  name: ACTION,
  ask: (ui, ports) => {
    const { settings } = readSettings(ports);
    const suggested = settings.decisionsSendAt ?? '2025-04-25 09:00';
    const answer = ui.prompt(
      ACTION,
      `When should the decisions be sent? Type a date and time like ${suggested} (${settings.timeZone} time).\nLeave it empty to cancel a schedule.`,
    );
    return answer === null ? { stop: 'Nothing was done.' } : { input: answer.trim() };
  },
  plan: (ports, text) => {
    if (text === '') return { kind: 'clear' };
    const { settings } = readSettings(ports);
    const suggested = settings.decisionsSendAt ?? '2025-04-25 09:00';
    if (!parseWallClock(text))
      return {
        kind: 'invalid',
        message: `"${text}" is not a date and time like ${suggested}. Nothing was scheduled.`,
      };
    const at = ports.clock.instant(text, settings.timeZone);
    if (at.getTime() <= ports.clock.now().getTime())
      return { kind: 'invalid', message: `${text} has already passed. Use Send decisions to send now.` };
    return { kind: 'at', text, at, settings };
  },
  review: (plan) => (plan.kind === 'invalid' ? { kind: 'stop', message: plan.message } : { kind: 'go' }),
  act: (ports, plan) => {
    if (plan.kind === 'clear') {
      ports.triggers.clearSchedules(HANDLER.scheduledDecisions);
      writeSetting(ports, 'decisionsSendAt', '');
      return 'No decisions are scheduled.';
    }
    if (plan.kind !== 'at') return '';
    const zone = plan.settings.timeZone;
    ports.triggers.scheduleAt(HANDLER.scheduledDecisions, plan.at);
    // The Settings tab shows what is scheduled (and the next cohort's rollover moves it a year on).
    writeSetting(ports, 'decisionsSendAt', plan.text);
    writeLog(ports, [
      { level: 'info', action: ACTION, message: `Decisions will be sent at ${plan.text} (${zone}).` },
    ]);
    return `Decisions will be sent automatically at ${plan.text} (${zone}). Whoever has a Selected, Waitlisted or Not selected status then hears it.`;
  },
};
