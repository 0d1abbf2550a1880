import type { Store } from '../../ports';

const SENDING = 'outbox:sending';
const DONE_PREFIX = 'outbox:done:';
/** A property value may hold 9 KB; chunks stay well under it. */
const CHUNK_CHARS = 7000;

export interface JournalEntry {
  readonly key: string;
  readonly at: Date;
  readonly outcome: 'sent' | 'failed';
  readonly error: string;
}

/** The email that was going out when an execution was cut off, and what Google said just before. */
export interface InDoubt {
  readonly key: string;
  /** MailApp.getRemainingDailyQuota() read immediately before the send. */
  readonly quotaBefore: number;
  /** Recipients the email counts against the quota. */
  readonly recipients: number;
  readonly at: Date;
  /** The highest quota seen so far (a fresh day's), or NaN in a journal written before it was kept. */
  readonly fullQuota: number;
  /**
   * True when Cohort itself opened the current quota window (sent with a full quota) less than 12
   * hours before: the window cannot have renewed between the reading and the send.
   */
  readonly windowOpenedHere: boolean;
}

export interface Recovered {
  /** False when the last run finished cleanly: nothing to settle. */
  readonly present: boolean;
  readonly entries: readonly JournalEntry[];
  /** The email being sent when an execution was cut off: it may or may not have gone. */
  readonly interrupted: InDoubt | null;
}

function parseInDoubt(raw: string): InDoubt | null {
  const [key, quota, recipients, at, full, opened] = raw.split('\t');
  if (!key) return null;
  // A journal written without the quota (or unreadable) can never be settled from the quota.
  return {
    key,
    quotaBefore: Number(quota ?? Number.NaN),
    recipients: Number(recipients ?? Number.NaN),
    at: new Date(at ?? ''),
    fullQuota: Number(full ?? Number.NaN),
    windowOpenedHere: opened === '1',
  };
}

/**
 * A write-ahead journal in script properties. The Outbox tab is written once per run; between
 * those writes, each email's fate is journalled here (a property write, not a spreadsheet call),
 * so a run cut off at any point can be finished by the next without sending anything twice.
 */
export class Journal {
  private chunk = 0;
  private lines: string[] = [];

  constructor(private readonly store: Store) {}

  static recover(store: Store): Recovered {
    const entries: JournalEntry[] = [];
    const chunks = store
      .entries(DONE_PREFIX)
      .sort(([a], [b]) => Number(a.slice(DONE_PREFIX.length)) - Number(b.slice(DONE_PREFIX.length)));
    for (const [, text] of chunks) {
      for (const line of text.split('\n')) {
        const [key, at, outcome, error] = line.split('\t');
        if (!key || (outcome !== 'sent' && outcome !== 'failed')) continue;
        entries.push({ key, at: new Date(at ?? ''), outcome, error: error ?? '' });
      }
    }
    const sending = store.get(SENDING);
    const inDoubt = sending ? parseInDoubt(sending) : null;
    const interrupted = inDoubt && !entries.some((e) => e.key === inDoubt.key) ? inDoubt : null;
    return { present: sending !== null || chunks.length > 0, entries, interrupted };
  }

  /**
   * Said before the email goes, with the quota Google reported just before: if the run dies now,
   * the next one knows this email is in doubt and can tell from the quota whether it went.
   */
  beginSend(
    key: string,
    quotaBefore: number,
    recipients: number,
    at: Date,
    window: { fullQuota: number; openedHere: boolean },
  ): void {
    this.store.set(
      SENDING,
      [key, quotaBefore, recipients, at.toISOString(), window.fullQuota, window.openedHere ? '1' : '0'].join(
        '\t',
      ),
    );
  }

  /** The send threw before anything went (e.g. the day's quota): nothing is in doubt. */
  abandonSend(): void {
    this.store.delete(SENDING);
  }

  /** The commit: once this is written, the email's outcome is known whatever happens next. */
  record(entry: JournalEntry): void {
    const line = [
      entry.key,
      entry.at.toISOString(),
      entry.outcome,
      entry.error.replace(/[\t\n\r]+/g, ' ').slice(0, 300),
    ].join('\t');
    if (this.lines.length > 0 && this.lines.join('\n').length + line.length + 1 > CHUNK_CHARS) {
      this.chunk++;
      this.lines = [];
    }
    this.lines.push(line);
    this.store.set(DONE_PREFIX + this.chunk, this.lines.join('\n'));
  }

  /** After the Outbox tab holds every outcome, the journal is emptied. */
  static clear(store: Store): void {
    for (const key of store.keys(DONE_PREFIX)) store.delete(key);
    if (store.get(SENDING) !== null) store.delete(SENDING);
  }
}
