import type { Ports, Store } from '../ports';
import { startBudget } from './budget';
import { readSettings, readTemplates, senderOf } from './context';
import { type Failure, LAST_FAILURE, lastFailure } from './failureRecord';
import { writeLog } from './log';
import { deliverOutbox } from './outbox/deliver';
import { queueEmails } from './outbox/queue';
import { renderEmail } from './outbox/render';

export { LAST_FAILURE };

/** What onOpen shows the coordinator until the failed action next succeeds. */
export function failureBanner(store: Pick<Store, 'get'>): string | null {
  const f = lastFailure(store);
  if (!f) return null;
  try {
    return `"${f.action}" failed at ${f.at.slice(0, 16).replace('T', ' ')} UTC: ${f.message} See the Log tab; run it again from the Mentoring menu.`;
  } catch {
    return null;
  }
}

export function clearFailure(ports: Pick<Ports, 'store'>, action: string): void {
  const raw = ports.store.get(LAST_FAILURE);
  if (raw?.includes(JSON.stringify(action))) ports.store.delete(LAST_FAILURE);
}

/**
 * A failure nobody saw (a trigger): written to the Log, kept for the next onOpen banner, and mailed
 * to the coordinator at most once a day (the Outbox key holds the date). Best effort: reporting must
 * never hide the original error.
 */
export function reportFailure(ports: Ports, action: string, message: string): void {
  const at = ports.clock.now();
  try {
    ports.store.set(
      LAST_FAILURE,
      JSON.stringify({ action, message, at: at.toISOString() } satisfies Failure),
    );
    writeLog(ports, [{ level: 'error', action, message }]);
  } catch {
    // The Log tab or the store may be what failed.
  }
  if (ports.ui) return;
  try {
    const { settings } = readSettings(ports);
    const day = ports.clock.wallClock(at, settings.timeZone).slice(0, 10);
    const email = renderEmail(readTemplates(ports), 'coordinator-alert', {
      key: `coordinator-alert:${day}`,
      to: settings.coordinatorEmail,
      name: settings.coordinatorName,
      values: {
        programmeName: settings.programmeName,
        coordinatorName: settings.coordinatorName,
        coordinatorEmail: settings.coordinatorEmail,
        action,
        when: ports.clock.wallClock(at, settings.timeZone),
        error: message,
        sheetUrl: ports.workbook.spreadsheetUrl(),
      },
    });
    queueEmails(ports, [email], { dryRun: settings.dryRun });
    deliverOutbox(ports, senderOf(settings), startBudget(ports.clock, 30_000));
  } catch {
    // Google's own trigger-failure email still reaches the script's owner.
  }
}
