import { shortHash } from '../../domain/fingerprint';
import { trimmedText } from '../../domain/text';
import type { Ports, RowChange, RowValues, Table } from '../../ports';
import { OUTBOX, type OutboxStatus, outboxTab } from '../tabs';
import { SentLedger } from './ledger';

/** One email a workflow wants sent, rendered, with the key that makes it happen at most once. */
export interface PlannedEmail {
  /** `template:person[:detail]`: the same key is never sent twice. */
  readonly key: string;
  readonly to: string;
  readonly name: string;
  readonly template: string;
  readonly subject: string;
  readonly body: string;
  /** The links that may be clickable in the HTML: the template's own and Cohort's URLs. */
  readonly links?: readonly string[];
  /** Why it must not be sent (e.g. the address is invalid): recorded as skipped, in words. */
  readonly blockedBy?: string;
}

export interface QueueReport {
  readonly queued: number;
  readonly previews: number;
  readonly skipped: number;
  /** Keys already in the Outbox (sent, queued, failed or unconfirmed), or known sent: never queued twice. */
  readonly already: number;
}

export function outboxStatus(value: unknown): OutboxStatus | '' {
  const s = trimmedText(value).toLowerCase();
  return (
    (['queued', 'sent', 'failed', 'skipped', 'preview', 'unconfirmed'] as const).find((x) => x === s) ?? ''
  );
}

/** Outbox rows by key (the first row wins if a coordinator copied one). */
export function outboxByKey(outbox: Table): Map<string, Table['rows'][number]> {
  const byKey = new Map<string, Table['rows'][number]>();
  for (const row of outbox.rows) {
    const key = trimmedText(row.values[OUTBOX.key]);
    if (key && !byKey.has(key)) byKey.set(key, row);
  }
  return byKey;
}

/**
 * What is known of an email by key: its Outbox row's status, or, when that row is gone or was
 * changed, what Cohort's own record says went ('sent' or 'unconfirmed'); '' when it never went.
 */
export function knownStatus(ports: Pick<Ports, 'store'>, outbox: Table): (key: string) => OutboxStatus | '' {
  const byKey = outboxByKey(outbox);
  const ledger = new SentLedger(ports.store);
  return (key) => {
    const mark = ledger.mark(key);
    if (mark === 's') return 'sent';
    if (mark === 'u') return 'unconfirmed';
    const row = byKey.get(key);
    return row ? outboxStatus(row.values[OUTBOX.status]) : '';
  };
}

/** The Check value of an email: its key and To, hashed. */
export function outboxCheck(key: string, to: string): string {
  return shortHash(`${key}\n${to}`);
}

/** Why a restored row is there. */
export const RESTORED_NOTE =
  "This row was missing or changed; Cohort's own record shows the email went, so it was not sent again.";

/**
 * Writes emails into the Outbox ledger before anything is sent. A key already there is left alone,
 * except a preview (dry run) or a skipped row, which becomes queued once it can really be sent. A
 * key Cohort's own record knows went, whose row was deleted, gets its row back, marked as sent.
 */
export function queueEmails(
  ports: Pick<Ports, 'workbook' | 'clock' | 'store'>,
  emails: readonly PlannedEmail[],
  options: { dryRun: boolean },
): QueueReport {
  ports.workbook.ensureTab(outboxTab);
  const outbox = ports.workbook.read(outboxTab);
  const byKey = outboxByKey(outbox);
  const ledger = new SentLedger(ports.store);
  const now = ports.clock.now();
  const changes: RowChange[] = [];
  const appends: RowValues[] = [];
  const seen = new Set<string>();
  let queued = 0;
  let previews = 0;
  let skipped = 0;
  let already = 0;
  for (const email of emails) {
    if (seen.has(email.key)) continue;
    seen.add(email.key);
    const status: OutboxStatus = email.blockedBy ? 'skipped' : options.dryRun ? 'preview' : 'queued';
    const values: RowValues = {
      [OUTBOX.key]: email.key,
      [OUTBOX.to]: email.to,
      [OUTBOX.name]: email.name,
      [OUTBOX.template]: email.template,
      [OUTBOX.subject]: email.subject,
      [OUTBOX.body]: email.body,
      [OUTBOX.status]: status,
      [OUTBOX.attempts]: 0,
      [OUTBOX.queuedAt]: now,
      [OUTBOX.sentAt]: '',
      [OUTBOX.error]: email.blockedBy ?? '',
      [OUTBOX.links]: (email.links ?? []).join('\n'),
      [OUTBOX.check]: outboxCheck(email.key, email.to),
    };
    const existing = byKey.get(email.key);
    const mark = ledger.mark(email.key);
    if (!existing && (mark === 's' || mark === 'u')) {
      // Deleted from the Outbox after it went: the row comes back, and nothing is sent again.
      already++;
      appends.push({
        ...values,
        [OUTBOX.status]: mark === 's' ? 'sent' : 'unconfirmed',
        [OUTBOX.error]: RESTORED_NOTE,
      });
      continue;
    }
    const previous = existing ? outboxStatus(existing.values[OUTBOX.status]) : '';
    const replaceable = previous === 'preview' || (previous === 'skipped' && status !== 'skipped');
    if (existing && !replaceable) {
      already++;
      continue;
    }
    if (existing && previous === status) {
      already++;
      continue;
    }
    if (status === 'queued') queued++;
    else if (status === 'preview') previews++;
    else skipped++;
    if (existing) changes.push({ rowNumber: existing.rowNumber, values });
    else appends.push(values);
  }
  ports.workbook.update(outbox, changes);
  ports.workbook.append(outbox, appends);
  return { queued, previews, skipped, already };
}
