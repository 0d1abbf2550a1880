import type { Ports, RowValues } from '../../ports';
import { startBudget } from '../budget';
import { readSettings, senderOf } from '../context';
import { deliveryText } from '../decisions/sendDecisions';
import { OUTBOX, outboxTab, TAB } from '../tabs';
import { updateAsOneBlock } from '../write';
import { deliverOutbox } from './deliver';
import { outboxStatus } from './queue';
import { settleJournal } from './settle';

/**
 * "Retry failed emails": failed emails go back in the queue. Emails in doubt (an earlier run was cut
 * off while sending them and the quota could not tell whether they went) are resent only if the
 * coordinator says so, since they may have gone.
 */
export function retryFailedEmails(ports: Ports): string {
  const budget = startBudget(ports.clock);
  ports.workbook.ensureTab(outboxTab);
  const table = ports.workbook.read(TAB.outbox);
  // What a cut-off run left in the journal is settled first, so an outcome it journalled is not
  // applied on top of a row this retry puts back in the queue.
  const { changes } = settleJournal(ports, table);
  const statusOf = (r: (typeof table.rows)[number]) =>
    outboxStatus(changes.get(r.rowNumber)?.[OUTBOX.status] ?? r.values[OUTBOX.status]);
  const failed = table.rows.filter((r) => statusOf(r) === 'failed');
  const doubtful = table.rows.filter((r) => statusOf(r) === 'unconfirmed');
  const retry = [...failed];
  if (doubtful.length > 0 && ports.ui) {
    const list = doubtful
      .slice(0, 10)
      .map((r) => `${String(r.values[OUTBOX.to])}: ${String(r.values[OUTBOX.subject])}`)
      .join('\n');
    if (
      ports.ui.confirm(
        'Retry failed emails',
        `${doubtful.length} email(s) may already have gone (check Sent mail):\n${list}\n\nSend them again too?`,
      )
    ) {
      retry.push(...doubtful);
    }
  }
  if (retry.length === 0) {
    const text =
      doubtful.length > 0
        ? `No failed emails to retry; ${doubtful.length} unconfirmed left as they are.`
        : 'No failed emails to retry.';
    ports.ui?.alert('Retry failed emails', text);
    return text;
  }
  const requeue = new Map<number, RowValues>(changes);
  for (const r of retry)
    requeue.set(r.rowNumber, {
      ...(changes.get(r.rowNumber) ?? {}),
      [OUTBOX.status]: 'queued',
      [OUTBOX.error]: '',
    });
  updateAsOneBlock(ports, table, requeue);
  const delivery = deliverOutbox(ports, senderOf(readSettings(ports).settings), budget);
  const text = `${retry.length} email(s) put back in the queue. ${deliveryText(delivery)}`;
  ports.ui?.alert('Retry failed emails', text);
  return text;
}
