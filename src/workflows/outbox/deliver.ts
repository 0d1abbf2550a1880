import { escapeHtml } from '../../domain/text';
import { MAIL_QUOTA_ERROR, type Ports, type RowValues, type Table } from '../../ports';
import type { Budget } from '../budget';
import { HANDLER } from '../handlers';
import { OUTBOX, outboxTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { Journal, type JournalEntry } from './journal';
import { outboxStatus } from './queue';

export interface Sender {
  readonly replyTo: string;
  readonly senderName: string;
}

export interface DeliveryReport {
  readonly sent: number;
  readonly failed: number;
  /** Emails still queued: a continuation has been scheduled for them. */
  readonly remaining: number;
  readonly stoppedFor: 'done' | 'quota' | 'time';
  /** Emails left in doubt by an earlier run that was cut off mid-send. */
  readonly unconfirmed: number;
}

/** Retry in a while when the day's quota is spent: Google frees it gradually over 24 hours. */
export const QUOTA_RETRY_MS = 3 * 60 * 60 * 1000;
export const TIME_RETRY_MS = 60 * 1000;

/** The email's HTML: the text escaped, paragraphs kept, links made clickable. */
export function bodyHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => {
      const escaped = escapeHtml(p).replace(/\n/g, '<br>');
      return `<p>${escaped.replace(/https:\/\/[^\s<&]+/g, (url) => `<a href="${url}">${url}</a>`)}</p>`;
    })
    .join('\n');
}

const UNCONFIRMED_NOTE =
  'The run stopped while this email was being sent, so it may or may not have gone. Check Sent mail; ' +
  'use Mentoring → Retry failed emails to send it again if it did not.';

/** Outcomes journalled by a run that was cut off, as Outbox changes. */
function recoveredChanges(table: Table, ports: Pick<Ports, 'store'>): { changes: Map<number, RowValues>; unconfirmed: number } {
  const { entries, interrupted } = Journal.recover(ports.store);
  const rowsByKey = new Map(table.rows.map((r) => [String(r.values[OUTBOX.key]), r]));
  const changes = new Map<number, RowValues>();
  for (const entry of entries) {
    const row = rowsByKey.get(entry.key);
    if (row) changes.set(row.rowNumber, outcomeValues(row.values, entry));
  }
  let unconfirmed = 0;
  const doubtful = interrupted ? rowsByKey.get(interrupted) : undefined;
  if (doubtful && outboxStatus(doubtful.values[OUTBOX.status]) === 'queued') {
    changes.set(doubtful.rowNumber, { [OUTBOX.status]: 'unconfirmed', [OUTBOX.error]: UNCONFIRMED_NOTE });
    unconfirmed = 1;
  }
  return { changes, unconfirmed };
}

function outcomeValues(row: Readonly<RowValues>, entry: JournalEntry): RowValues {
  return {
    [OUTBOX.status]: entry.outcome,
    [OUTBOX.attempts]: (Number(row[OUTBOX.attempts]) || 0) + 1,
    [OUTBOX.sentAt]: entry.outcome === 'sent' ? entry.at : '',
    [OUTBOX.error]: entry.error,
  };
}

/**
 * Sends the Outbox's queued emails in order, within the day's quota and this execution's time, and
 * records each outcome. Whatever is left is continued by a scheduled trigger. Exactly once: a key's
 * row says queued until its outcome is known; an email in doubt after a crash is never resent
 * without the coordinator's say.
 */
export function deliverOutbox(ports: Ports, sender: Sender, budget: Budget): DeliveryReport {
  ports.workbook.ensureTab(outboxTab);
  const table = ports.workbook.read(outboxTab.name);
  const { changes, unconfirmed } = recoveredChanges(table, ports);
  Journal.clear(ports.store);
  const journal = new Journal(ports.store);
  const queue = table.rows.filter((r) => !changes.has(r.rowNumber) && outboxStatus(r.values[OUTBOX.status]) === 'queued');
  let quota = queue.length > 0 ? ports.mailer.remainingQuota() : 0;
  let sent = 0;
  let failed = 0;
  let stoppedFor: DeliveryReport['stoppedFor'] = 'done';
  let index = 0;
  for (; index < queue.length; index++) {
    if (quota < 1) {
      stoppedFor = 'quota';
      break;
    }
    if (budget.expired()) {
      stoppedFor = 'time';
      break;
    }
    const row = queue[index]!;
    const key = String(row.values[OUTBOX.key]);
    const text = String(row.values[OUTBOX.body] ?? '');
    journal.beginSend(key);
    let entry: JournalEntry;
    try {
      ports.mailer.send({
        to: String(row.values[OUTBOX.to]),
        subject: String(row.values[OUTBOX.subject] ?? ''),
        text,
        html: bodyHtml(text),
        replyTo: sender.replyTo,
        senderName: sender.senderName,
      });
      entry = { key, at: ports.clock.now(), outcome: 'sent', error: '' };
      sent++;
      quota--;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message.includes(MAIL_QUOTA_ERROR)) {
        journal.abandonSend();
        stoppedFor = 'quota';
        break;
      }
      entry = { key, at: ports.clock.now(), outcome: 'failed', error: message };
      failed++;
    }
    journal.record(entry);
    changes.set(row.rowNumber, outcomeValues(row.values, entry));
  }
  updateAsOneBlock(ports, table, changes);
  Journal.clear(ports.store);
  const remaining = queue.length - index;
  if (remaining > 0) {
    ports.triggers.scheduleOnce(HANDLER.continueOutbox, stoppedFor === 'quota' ? QUOTA_RETRY_MS : TIME_RETRY_MS);
  } else if (ports.triggers.scheduledAt(HANDLER.continueOutbox)) {
    ports.triggers.clearSchedules(HANDLER.continueOutbox);
  }
  return { sent, failed, remaining, stoppedFor: remaining > 0 ? stoppedFor : 'done', unconfirmed };
}
