import { fingerprint } from '../../domain/fingerprint';
import { plural, trimmedText } from '../../domain/text';
import type { Ports, RowValues, Table, TableRow } from '../../ports';
import { startBudget } from '../budget';
import { readSettings, senderOf } from '../context';
import type { MenuAction } from '../run';
import { OUTBOX, outboxTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { deliverOutbox, deliveryText } from './deliver';
import { SentLedger } from './ledger';
import { outboxCheck, outboxStatus } from './queue';
import { settleJournal } from './settle';

const ACTION = 'Retry failed emails';

interface RetryPlan {
  readonly table: Table;
  /** Outcomes a cut-off run journalled, written together with the retry. */
  readonly settled: Map<number, RowValues>;
  readonly failed: readonly TableRow[];
  /** Cut off while sending, and the quota could not tell whether they went. */
  readonly doubtful: readonly TableRow[];
}

function planRetry(ports: Ports): RetryPlan {
  ports.workbook.ensureTab(outboxTab);
  const table = ports.workbook.read(outboxTab);
  // What a cut-off run left in the journal is settled first, so an outcome it journalled is not
  // applied on top of a row this retry puts back in the queue.
  const { changes } = settleJournal(ports, table);
  const statusOf = (r: TableRow) =>
    outboxStatus(changes.get(r.rowNumber)?.[OUTBOX.status] ?? r.values[OUTBOX.status]);
  return {
    table,
    settled: changes,
    failed: table.rows.filter((r) => statusOf(r) === 'failed'),
    doubtful: table.rows.filter((r) => statusOf(r) === 'unconfirmed'),
  };
}

function requeue(ports: Ports, plan: RetryPlan, retry: readonly TableRow[]): string {
  const budget = startBudget(ports.clock);
  const writes = new Map<number, RowValues>(plan.settled);
  for (const r of retry) {
    const key = trimmedText(r.values[OUTBOX.key]);
    const to = trimmedText(r.values[OUTBOX.to]);
    // The coordinator's say: the To shown is the one to use now.
    writes.set(r.rowNumber, {
      ...(plan.settled.get(r.rowNumber) ?? {}),
      [OUTBOX.status]: 'queued',
      [OUTBOX.error]: '',
      [OUTBOX.check]: outboxCheck(key, to),
    });
  }
  // An email that may have gone is sent again only because the coordinator said so, here.
  const statusOf = (r: TableRow) =>
    outboxStatus(plan.settled.get(r.rowNumber)?.[OUTBOX.status] ?? r.values[OUTBOX.status]);
  new SentLedger(ports.store).record(
    retry
      .filter((r) => statusOf(r) === 'unconfirmed')
      .map((r) => [trimmedText(r.values[OUTBOX.key]), 'r'] as const),
  );
  updateAsOneBlock(ports, plan.table, writes);
  if (retry.length === 0) return 'No email was put back in the queue.';
  const delivery = deliverOutbox(ports, senderOf(readSettings(ports).settings), budget);
  return `${plural(retry.length, 'email')} put back in the queue. ${deliveryText(delivery)}`;
}

const line = (r: TableRow) => `${String(r.values[OUTBOX.to])}: ${String(r.values[OUTBOX.subject])}`;

/**
 * "Retry failed emails": failed emails go back in the queue. Emails in doubt (an earlier run was cut
 * off while sending them and the quota could not tell whether they went) are resent only if the
 * coordinator says so, since they may have gone.
 */
export const retryFailedAction: MenuAction<void, RetryPlan> = {
  name: ACTION,
  plan: planRetry,
  review: (plan) => {
    if (plan.failed.length === 0 && plan.doubtful.length === 0)
      return { kind: 'stop', message: 'No failed emails to retry.' };
    const print = (fp: unknown) => fingerprint(fp);
    if (plan.doubtful.length === 0)
      return {
        kind: 'ask',
        question: `Send ${plan.failed.length === 1 ? 'this failed email' : `these ${plan.failed.length} failed emails`} again?\n${plan.failed.slice(0, 10).map(line).join('\n')}${plan.failed.length > 10 ? `\n… and ${plan.failed.length - 10} more` : ''}`,
        fingerprint: print(plan.failed.map((r) => String(r.values[OUTBOX.key]))),
      };
    return {
      kind: 'ask',
      question:
        (plan.failed.length ? `${plural(plan.failed.length, 'failed email')} will be sent again.\n` : '') +
        `${plural(plan.doubtful.length, 'email')} may already have gone (check Sent mail):\n${plan.doubtful.slice(0, 10).map(line).join('\n')}\n\n` +
        (plan.failed.length
          ? 'Yes: send those again too. No: only the failed ones.'
          : 'Send them again? (No leaves them as they are.)'),
      fingerprint: print(
        [plan.failed, plan.doubtful].map((rows) => rows.map((r) => String(r.values[OUTBOX.key]))),
      ),
    };
  },
  act: (ports, plan) => requeue(ports, plan, [...plan.failed, ...plan.doubtful]),
  onNo: (ports, plan) => {
    const text = requeue(ports, plan, plan.failed);
    return plan.doubtful.length ? `${text} ${plan.doubtful.length} unconfirmed left as they are.` : text;
  },
};
