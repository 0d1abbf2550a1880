import { addDays } from '../../domain/close/calendarDays';
import { formatDayDate } from '../../domain/dates';
import type { Settings } from '../../domain/settings';
import type { Ports } from '../../ports';
import { readProgramme } from '../context';

/** The Programme row of the finale: the evaluation begins once it is over. */
const FINALE_KEY = 'finale';

/**
 * When the finale ends: its Programme row's date and end time (or the end of that day), or, with no
 * finale row, the end of the programme's last day (Settings).
 */
export function finaleEnd(
  ports: Pick<Ports, 'workbook' | 'clock'>,
  settings: Settings,
): { at: Date; day: string } {
  const finale = readProgramme(ports).find((p) => p.key === FINALE_KEY);
  const day = finale?.date ?? settings.programmeEndDate;
  const time = finale?.end || finale?.start || '23:59';
  return { at: ports.clock.instant(`${day} ${time}`, finale?.timeZone || settings.timeZone), day };
}

/** Why an evaluation step may not run yet (the finale is still to come), or null. */
export function beforeFinale(
  ports: Pick<Ports, 'workbook' | 'clock'>,
  settings: Settings,
  action: string,
): string | null {
  const finale = finaleEnd(ports, settings);
  if (ports.clock.now().getTime() >= finale.at.getTime()) return null;
  return `"${action}" is for after the finale (${formatDayDate(finale.day)}), when the programme is complete. Nothing was done. Try again after it (the date is in the Programme tab, row "finale").`;
}

/** 'Monday 1 December 2025': the first day after the programme's last. */
export function dayAfterEnd(settings: Settings): string {
  return formatDayDate(addDays(settings.programmeEndDate, 1));
}
