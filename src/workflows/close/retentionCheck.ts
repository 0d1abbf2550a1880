import { formatDayDate } from '../../domain/dates';
import { isValidEmail } from '../../domain/text';
import type { Ports } from '../../ports';
import { startBudget } from '../budget';
import { ownedTrigger, readSettings, readTemplates, senderOf, todayOf } from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';
import { deliverOutbox } from '../outbox/deliver';
import { queueEmails } from '../outbox/queue';
import { renderEmail } from '../outbox/render';
import { allCohorts, type Cohort, cohortLabel } from './cohorts';

const ACTION = 'Retention check';
const TEMPLATE = 'retention-reminder';
/** 9am, script time zone (the manifest's Europe/London): a working hour, when someone can act on it. */
export const RETENTION_CHECK_HOUR = 9;
/** Who installed the daily check (script properties, so every coordinator's run sees it). */
export const RETENTION_TRIGGER_OWNER = 'trigger:retentionCheck:owner';

export const reminderKey = (cohort: Pick<Cohort, 'year'>) => `${TEMPLATE}:${cohort.year}`;

/** The cohorts whose personal data is due for erasure today and still held. */
export function dueCohorts(cohorts: readonly Cohort[], today: string): Cohort[] {
  return cohorts.filter((c) => !c.erasedAt && today >= c.eraseFrom);
}

/**
 * The daily check ("retentionCheck"): on the day a cohort's personal data falls due for erasure
 * (and on any later day until it is erased, should a day be missed), the coordinator gets the
 * "retention-reminder" email, once per cohort: the Outbox key holds the cohort's year. Before that
 * day it costs one read of Settings and does nothing.
 *
 * A daily check rather than a one-shot trigger set when "Close the programme" runs: it reminds even
 * a coordinator who never ran Close, follows a changed end date or retention period (it reads them
 * each day), and a lost or deleted one-shot trigger would remind no one, ever.
 */
export function retentionCheck(ports: Ports): string {
  const { settings } = readSettings(ports);
  const today = todayOf(ports, settings);
  const due = dueCohorts(allCohorts(ports, settings), today);
  if (due.length === 0) return 'No personal data is due for erasure.';
  if (!isValidEmail(settings.coordinatorEmail)) {
    writeLog(ports, [
      {
        level: 'warning',
        action: ACTION,
        message: `The personal data of ${due.map(cohortLabel).join(' and ')} is due for erasure, and no reminder could go: "Coordinator email" in Settings is empty. Run Mentoring → Close the programme.`,
      },
    ]);
    return 'Due, and no coordinator address to remind.';
  }
  const templates = readTemplates(ports);
  const emails = due.map((cohort) =>
    renderEmail(templates, TEMPLATE, {
      key: reminderKey(cohort),
      to: settings.coordinatorEmail,
      name: settings.coordinatorName,
      values: {
        programmeName: cohort.programmeName,
        coordinatorName: settings.coordinatorName,
        coordinatorEmail: settings.coordinatorEmail,
        endDate: formatDayDate(cohort.endDate),
        retentionMonths: String(cohort.retentionMonths),
        eraseFrom: formatDayDate(cohort.eraseFrom),
        sheetUrl: ports.workbook.spreadsheetUrl(),
      },
    }),
  );
  const queued = queueEmails(ports, emails, { dryRun: settings.dryRun });
  if (queued.queued === 0) return 'The reminder has gone already.';
  const delivery = deliverOutbox(ports, senderOf(settings), startBudget(ports.clock));
  writeLog(ports, [
    {
      level: 'info',
      action: ACTION,
      message: `The personal data of ${due.map(cohortLabel).join(' and ')} is due for erasure: the coordinator was reminded (${delivery.sent} sent).`,
    },
  ]);
  return `Reminded: ${due.map(cohortLabel).join(', ')}.`;
}

/**
 * Makes sure the daily check is installed, once (one check a day is enough: the reminder's Outbox
 * key would stop a second one anyway). In words for the Log.
 */
export function ensureRetentionCheck(ports: Ports, timeZone: string): string {
  const result = ownedTrigger(ports, RETENTION_TRIGGER_OWNER, () =>
    ports.triggers.ensureDaily(HANDLER.retentionCheck, RETENTION_CHECK_HOUR, timeZone),
  );
  return typeof result === 'string' ? result : `kept (installed by ${result.owner})`;
}
