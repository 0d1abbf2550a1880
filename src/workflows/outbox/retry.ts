import type { Ports, RowValues } from '../../ports';
import { startBudget } from '../budget';
import { readSettings, senderOf } from '../context';
import { deliveryText } from '../decisions/sendDecisions';
import { OUTBOX, TAB } from '../tabs';
import { updateAsOneBlock } from '../write';
import { deliverOutbox } from './deliver';
import { outboxStatus } from './queue';

/**
 * "Retry failed emails": failed emails go back in the queue. Emails in doubt (an earlier run was cut
 * off while sending them) are resent only if the coordinator says so, since they may have gone.
 */
export function retryFailedEmails(ports: Ports): string {
  const budget = startBudget(ports.clock);
  const table = ports.workbook.read(TAB.outbox);
  const failed = table.rows.filter((r) => outboxStatus(r.values[OUTBOX.status]) === 'failed');
  const doubtful = table.rows.filter((r) => outboxStatus(r.values[OUTBOX.status]) === 'unconfirmed');
  const retry = [...failed];
  if (doubtful.length > 0 && ports.ui) {
    const list = doubtful.slice(0, 10).map((r) => `${String(r.values[OUTBOX.to])}: ${String(r.values[OUTBOX.subject])}`).join('\n');
    if (ports.ui.confirm('Retry failed emails', `${doubtful.length} email(s) may already have gone (check Sent mail):\n${list}\n\nSend them again too?`)) {
      retry.push(...doubtful);
    }
  }
  if (retry.length === 0) {
    const text = 'No failed emails to retry.';
    ports.ui?.alert('Retry failed emails', text);
    return text;
  }
  const changes = new Map<number, RowValues>(retry.map((r) => [r.rowNumber, { [OUTBOX.status]: 'queued', [OUTBOX.error]: '' }]));
  updateAsOneBlock(ports, table, changes);
  const delivery = deliverOutbox(ports, senderOf(readSettings(ports).settings), budget);
  const text = deliveryText(delivery);
  ports.ui?.alert('Retry failed emails', text);
  return text;
}
