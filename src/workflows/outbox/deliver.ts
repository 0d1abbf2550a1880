import { escapeHtml, isValidEmail, textOf, trimmedText } from '../../domain/text';
import { MAIL_QUOTA_ERROR, type Ports, type TableRow } from '../../ports';
import type { Budget } from '../budget';
import { errorText } from '../errors';
import { HANDLER } from '../handlers';
import { OUTBOX, outboxTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { Journal, type JournalEntry } from './journal';
import { SentLedger } from './ledger';
import { outboxCheck, outboxStatus, RESTORED_NOTE } from './queue';
import { outcomeValues, settleJournal } from './settle';

export interface DeliveryReport {
  readonly sent: number;
  readonly failed: number;
  /** Emails still queued: a continuation has been scheduled for them. */
  readonly remaining: number;
  /** Of those, applicant mail held back because it has had its share of today's quota. */
  readonly heldBack: number;
  readonly stoppedFor: 'done' | 'quota' | 'time' | 'settings';
  /** Emails left in doubt by an earlier run that was cut off mid-send, which the quota could not settle. */
  readonly unconfirmed: number;
}

/**
 * Retry in a while when the day's quota is spent. Google does not say when "the day" ends for the
 * quota, so the continuation looks every few hours (one cheap run) rather than waiting a full day.
 */
export const QUOTA_RETRY_MS = 3 * 60 * 60 * 1000;
export const TIME_RETRY_MS = 60 * 1000;
/**
 * A run that is cut off (6-minute limit, a crash) schedules nothing after itself, so before the
 * first send it schedules its own continuation for after the longest it can live (6 minutes from
 * the execution's start). A run that finishes replaces or removes it.
 */
export const WATCHDOG_MS = 7 * 60 * 1000;

/** Store key: the highest daily quota Google has reported (a fresh day's). */
export const FULL_QUOTA = 'outbox:fullQuota';
/** Store key: when Cohort last sent with a full quota, i.e. opened a day's window. */
const WINDOW_OPENED = 'outbox:windowOpenedAt';
/**
 * Google frees the daily quota about a day after a window opens (the exact time is not documented);
 * within 12 hours of our opening it, a renewal is taken as impossible.
 */
const RENEWAL_GUARD_MS = 12 * 60 * 60 * 1000;

export interface Sender {
  readonly replyTo: string;
  readonly senderName: string;
  /** Share (0–1) of a day's quota the emails applicants cause may use: see isApplicantMail. */
  readonly applicantShare: number;
}

/**
 * Emails an applicant causes (acknowledgements, change notices): anyone can cause them by filling in
 * the public form, so they go after the emails the coordinator causes (decisions, links, pairs), and
 * only up to a share of the day's quota: junk can never delay a decision.
 */
export function isApplicantMail(template: string): boolean {
  return template.startsWith('acknowledgement-') || template.startsWith('application-change');
}

/** Store key: when the current quota window opened, and how many recipients applicant mail used in it. */
const APPLICANT_USE = 'outbox:applicantUse';

/**
 * The email's HTML: the text escaped, paragraphs kept, and only the links Cohort vouches for made
 * clickable (its forms, Meet, the template's own text: the Outbox row's Links), never a link a person
 * typed into their name. Punctuation after a link stays outside it.
 */
export function bodyHtml(text: string, links: readonly string[] = []): string {
  const allowed = [...new Set(links.map((l) => l.trim()).filter((l) => /^https:\/\/\S+$/.test(l)))].sort(
    (a, b) => b.length - a.length,
  );
  return text
    .split(/\n{2,}/)
    .map((p) => {
      const escaped = escapeHtml(p).replace(/\n/g, '<br>');
      if (allowed.length === 0) return `<p>${escaped}</p>`;
      const pattern = new RegExp(allowed.map((l) => escapeRegExp(escapeHtml(l))).join('|'), 'g');
      return `<p>${escaped.replace(pattern, (url) => `<a href="${url}">${url}</a>`)}</p>`;
    })
    .join('\n');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function recipientsOf(to: string): number {
  return Math.max(1, to.split(',').filter((s) => s.trim() !== '').length);
}

/** Why a queued row must not go as it stands (its To changed, or is not one valid address), or null. */
/** What an email queued before the coordinator's name or address was filled in holds in their place. */
export const SIGN_LATER = {
  coordinatorName: '{{coordinatorName}}',
  coordinatorEmail: '{{coordinatorEmail}}',
} as const;

/** An email queued before Settings named the coordinator, signed now that they do (see SIGN_LATER). */
function signed(text: string, sender: Sender): string {
  return text
    .split(SIGN_LATER.coordinatorName)
    .join(sender.senderName.trim())
    .split(SIGN_LATER.coordinatorEmail)
    .join(sender.replyTo.trim());
}

function refusal(row: TableRow): string | null {
  const key = trimmedText(row.values[OUTBOX.key]);
  const to = trimmedText(row.values[OUTBOX.to]);
  if (!isValidEmail(to) || recipientsOf(to) !== 1)
    return `Not sent: "${to.slice(0, 80)}" is not one valid email address.`;
  const check = trimmedText(row.values[OUTBOX.check]);
  if (check && check !== outboxCheck(key, to))
    return 'Not sent: the To address was changed after this email was queued. Correct the address in the Applicants tab; Retry failed emails sends it to the address shown here.';
  return null;
}

/**
 * Sends the Outbox's queued emails, the coordinator's first, within the day's quota and this
 * execution's time, and records each outcome. Whatever is left is continued by a scheduled
 * trigger. Exactly once: each send is journalled before it goes (with the quota Google reported)
 * and committed after; what went is also kept in Cohort's own record (ledger.ts), which no edit of
 * the Sheet can erase; the Outbox tab is read once and written once per run, so its spreadsheet
 * calls do not grow with the number of emails. An email whose fate a cut-off left unknown is never
 * resent without the coordinator's say.
 */
export function deliverOutbox(ports: Ports, sender: Sender, budget: Budget): DeliveryReport {
  ports.workbook.ensureTab(outboxTab);
  const table = ports.workbook.read(outboxTab);
  const { changes, unconfirmed } = settleJournal(ports, table);
  const settled = changes.size;
  const journal = new Journal(ports.store);
  const ledger = new SentLedger(ports.store);
  const pending = table.rows.filter(
    (r) => !changes.has(r.rowNumber) && outboxStatus(r.values[OUTBOX.status]) === 'queued',
  );
  const applicant = (r: TableRow) => isApplicantMail(textOf(r.values[OUTBOX.template]));
  if (!sender.senderName.trim() || !isValidEmail(sender.replyTo)) {
    // No email goes unsigned or without a reply-to: they wait until Settings are filled in (the
    // menu actions say which cell). A continuation looks again in a few hours.
    if (pending.length > 0) ports.triggers.scheduleOnce(HANDLER.continueOutbox, QUOTA_RETRY_MS);
    return {
      sent: 0,
      failed: 0,
      remaining: pending.length,
      heldBack: 0,
      stoppedFor: 'settings',
      unconfirmed,
    };
  }
  // The coordinator's emails first; within each kind, the order they were queued in.
  const queue = [...pending.filter((r) => !applicant(r)), ...pending.filter(applicant)];
  let sent = 0;
  let failed = 0;
  let heldBack = 0;
  let stoppedFor: DeliveryReport['stoppedFor'] = 'done';
  let watchdog = false;
  let index = 0;
  const went: string[] = [];
  // The highest quota ever read is a fresh day's; the in-doubt check needs it (see inDoubt.ts).
  let fullQuota = Number(ports.store.get(FULL_QUOTA)) || 0;
  let windowOpenedAt = Date.parse(ports.store.get(WINDOW_OPENED) ?? '') || 0;
  const [useWindow = '', useCount = '0'] = (ports.store.get(APPLICANT_USE) ?? '').split('|');
  let applicantUsed = useWindow === String(windowOpenedAt) ? Number(useCount) || 0 : 0;
  for (; index < queue.length; index++) {
    if (budget.expired()) {
      stoppedFor = 'time';
      break;
    }
    const row = queue[index]!;
    const key = String(row.values[OUTBOX.key]).trim();
    if (ledger.blocks(key)) {
      // Its row was retyped to "queued", or put back: Cohort's own record says it went.
      const mark = ledger.mark(key);
      changes.set(row.rowNumber, {
        [OUTBOX.status]: mark === 's' ? 'sent' : 'unconfirmed',
        [OUTBOX.error]: RESTORED_NOTE,
      });
      continue;
    }
    const refused = refusal(row);
    if (refused) {
      changes.set(row.rowNumber, { [OUTBOX.status]: 'failed', [OUTBOX.error]: refused });
      failed++;
      continue;
    }
    const to = String(row.values[OUTBOX.to]).trim();
    const text = signed(textOf(row.values[OUTBOX.body]), sender);
    const subject = signed(textOf(row.values[OUTBOX.subject]), sender);
    const recipients = recipientsOf(to);
    // Read before every send: the journal needs Google's own figure, and no send is tried past it.
    const quota = ports.mailer.remainingQuota();
    if (quota < recipients) {
      stoppedFor = 'quota';
      break;
    }
    if (quota > fullQuota) {
      fullQuota = quota;
      ports.store.set(FULL_QUOTA, String(quota));
    }
    const now = ports.clock.now();
    if (quota === fullQuota) {
      // A full quota: this send opens a new day's window.
      windowOpenedAt = now.getTime();
      ports.store.set(WINDOW_OPENED, now.toISOString());
      applicantUsed = 0;
    }
    if (applicant(row) && applicantUsed + recipients > Math.floor(sender.applicantShare * fullQuota)) {
      // Applicant mail has had its share of today's quota: it waits for the next window.
      heldBack = queue.length - index;
      stoppedFor = 'quota';
      break;
    }
    if (!watchdog) {
      ports.triggers.scheduleOnce(HANDLER.continueOutbox, WATCHDOG_MS);
      watchdog = true;
    }
    const openedHere = now.getTime() - windowOpenedAt < RENEWAL_GUARD_MS;
    journal.beginSend(key, quota, recipients, now, { fullQuota, openedHere });
    let entry: JournalEntry;
    try {
      ports.mailer.send({
        to,
        subject,
        text,
        html: bodyHtml(text, textOf(row.values[OUTBOX.links]).split('\n')),
        replyTo: sender.replyTo,
        senderName: sender.senderName,
      });
      entry = { key, at: ports.clock.now(), outcome: 'sent', error: '' };
      sent++;
      went.push(key);
      if (applicant(row)) applicantUsed += recipients;
    } catch (e) {
      const message = errorText(e);
      if (message.includes(MAIL_QUOTA_ERROR)) {
        journal.abandonSend();
        stoppedFor = 'quota';
        break;
      }
      entry = { key, at: ports.clock.now(), outcome: 'failed', error: message };
      failed++;
    }
    journal.record(entry);
    changes.set(row.rowNumber, {
      ...outcomeValues(row.values, entry),
      // The Outbox shows what went, signed.
      ...(text === row.values[OUTBOX.body] ? {} : { [OUTBOX.body]: text }),
      ...(subject === row.values[OUTBOX.subject] ? {} : { [OUTBOX.subject]: subject }),
    });
  }
  // The settled rows are written again with this run's: the block write must not put back their
  // stale values from the read above.
  if (changes.size > settled) updateAsOneBlock(ports, table, changes);
  // Cohort's own record, then the journal can go: cut off in between, the journal settles again.
  ledger.record(went.map((k) => [k, 's'] as const));
  if (went.length > 0 || applicantUsed > 0)
    ports.store.set(APPLICANT_USE, `${windowOpenedAt}|${applicantUsed}`);
  if (sent + failed > 0) Journal.clear(ports.store);
  const remaining = queue.length - index;
  if (remaining > 0) {
    ports.triggers.scheduleOnce(
      HANDLER.continueOutbox,
      stoppedFor === 'quota' ? QUOTA_RETRY_MS : TIME_RETRY_MS,
    );
  } else if (watchdog || ports.triggers.scheduledAt(HANDLER.continueOutbox)) {
    ports.triggers.clearSchedules(HANDLER.continueOutbox);
  }
  return {
    sent,
    failed,
    remaining,
    heldBack,
    stoppedFor: remaining > 0 ? stoppedFor : 'done',
    unconfirmed,
  };
}

/** A delivery in words, for the coordinator. */
export function deliveryText(delivery: DeliveryReport): string {
  const parts = [`Sent ${delivery.sent}.`];
  if (delivery.failed) parts.push(`${delivery.failed} failed (see the Outbox tab; use Retry failed emails).`);
  if (delivery.remaining) {
    parts.push(
      delivery.stoppedFor === 'settings'
        ? `${delivery.remaining} wait until "Coordinator name" and "Coordinator email" are filled in, in the Settings tab.`
        : delivery.stoppedFor === 'quota'
          ? `${delivery.remaining} wait for Google's daily email limit to free up: they will be sent automatically.`
          : `${delivery.remaining} more will be sent automatically in a minute.`,
    );
  }
  if (delivery.unconfirmed)
    parts.push(
      `${delivery.unconfirmed} email may or may not have gone when an earlier run was cut off: see the Outbox.`,
    );
  return parts.join(' ');
}
