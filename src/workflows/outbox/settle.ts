import { trimmedText } from '../../domain/text';
import type { Ports, RowValues, Table } from '../../ports';
import { OUTBOX } from '../tabs';
import { updateAsOneBlock } from '../write';
import { inDoubtVerdict } from './inDoubt';
import { Journal, type JournalEntry } from './journal';
import { type LedgerMark, SentLedger } from './ledger';
import { outboxStatus } from './queue';

export const UNCONFIRMED_NOTE =
  'The run stopped while this email was being sent, so it may or may not have gone. Check Sent mail; ' +
  'use Mentoring → Retry failed emails to send it again if it did not.';

export interface Settled {
  /** Outbox changes the journal asked for, already written: later writes of the same rows keep them. */
  readonly changes: Map<number, RowValues>;
  /** Emails in doubt the quota could not settle: marked unconfirmed, never resent without the coordinator. */
  readonly unconfirmed: number;
  /** Emails in doubt the quota showed had gone: marked sent. */
  readonly confirmedSent: number;
}

export function outcomeValues(
  row: Readonly<RowValues>,
  entry: Pick<JournalEntry, 'at' | 'outcome' | 'error'>,
): RowValues {
  return {
    [OUTBOX.status]: entry.outcome,
    [OUTBOX.attempts]: (Number(row[OUTBOX.attempts]) || 0) + 1,
    [OUTBOX.sentAt]: entry.outcome === 'sent' ? entry.at : '',
    [OUTBOX.error]: entry.error,
  };
}

/**
 * Finishes what a run cut off left in the journal: every journalled outcome goes into the Outbox
 * tab, and the email that was going out when it stopped is settled from the mail quota (see
 * inDoubtVerdict). The tab is written BEFORE the journal is emptied, so being cut off here too
 * loses nothing. Costs no spreadsheet call when the last run ended cleanly. Must run before this
 * execution sends anything, or the quota reading means nothing.
 */
export function settleJournal(
  ports: Pick<Ports, 'workbook' | 'store' | 'mailer' | 'clock'>,
  table: Table,
): Settled {
  const changes = new Map<number, RowValues>();
  const recovered = Journal.recover(ports.store);
  if (!recovered.present) return { changes, unconfirmed: 0, confirmedSent: 0 };
  const rowsByKey = new Map(table.rows.map((r) => [trimmedText(r.values[OUTBOX.key]), r]));
  // Only a row still queued takes a journalled outcome: one already written (the run was cut off
  // after its final write) is left as it is.
  const pending = (key: string) => {
    const row = rowsByKey.get(key);
    return row && outboxStatus(row.values[OUTBOX.status]) === 'queued' ? row : undefined;
  };
  for (const entry of recovered.entries) {
    const row = pending(entry.key);
    if (row) changes.set(row.rowNumber, outcomeValues(row.values, entry));
  }
  let unconfirmed = 0;
  let confirmedSent = 0;
  const doubt = recovered.interrupted;
  const row = doubt ? pending(doubt.key) : undefined;
  if (doubt && row) {
    const verdict = inDoubtVerdict(doubt, ports.mailer.remainingQuota(), ports.clock.now());
    if (verdict === 'sent') {
      changes.set(row.rowNumber, outcomeValues(row.values, { at: doubt.at, outcome: 'sent', error: '' }));
      confirmedSent = 1;
    } else if (verdict === 'unknown') {
      changes.set(row.rowNumber, { [OUTBOX.status]: 'unconfirmed', [OUTBOX.error]: UNCONFIRMED_NOTE });
      unconfirmed = 1;
    }
    // 'not sent': the row stays queued and goes out like any other.
  }
  updateAsOneBlock(ports, table, changes);
  // Cohort's own record learns what went (or may have) before the journal is emptied.
  const marks: Array<[string, LedgerMark]> = recovered.entries
    .filter((e) => e.outcome === 'sent')
    .map((e) => [e.key, 's']);
  if (doubt && confirmedSent) marks.push([doubt.key, 's']);
  if (doubt && unconfirmed) marks.push([doubt.key, 'u']);
  new SentLedger(ports.store).record(marks);
  Journal.clear(ports.store);
  return { changes, unconfirmed, confirmedSent };
}
