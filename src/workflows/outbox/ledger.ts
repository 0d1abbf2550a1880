import { shortHash } from '../../domain/fingerprint';
import type { Store } from '../../ports';

/**
 * What was sent, known a second time, where no edit of the Sheet can reach it: script properties.
 * The Outbox tab is the coordinator's readable ledger; this one stops a resend when an Outbox row is
 * deleted, its Key renamed or its Status retyped. One line per email: an 11-character hash of its
 * Outbox key and a mark, so 20,000 emails take about 240 KB of the store's 500 KB.
 *
 * Marks: `s` sent; `u` may have gone (a run was cut off while sending it): never resent on its own;
 * `r` the coordinator said to send it again (Retry failed emails). The last line for a key wins.
 */
export type LedgerMark = 's' | 'u' | 'r';

const PREFIX = 'ledger:';
/** A property value may hold 9 KB; chunks stay well under it. */
const CHUNK_CHARS = 8_000;

export class SentLedger {
  private marks: Map<string, LedgerMark> | null = null;
  private last: { name: string; text: string } | null = null;

  constructor(private readonly store: Store) {}

  private load(): Map<string, LedgerMark> {
    if (this.marks) return this.marks;
    const marks = new Map<string, LedgerMark>();
    const chunks = this.store
      .entries(PREFIX)
      .sort(([a], [b]) => Number(a.slice(PREFIX.length)) - Number(b.slice(PREFIX.length)));
    for (const [name, text] of chunks) {
      for (const line of text.split('\n')) {
        const [hash, mark] = line.split(' ');
        if (hash && (mark === 's' || mark === 'u' || mark === 'r')) marks.set(hash, mark);
      }
      this.last = { name, text };
    }
    this.marks = marks;
    return marks;
  }

  /** What is known of the email with this Outbox key: null when it never went. */
  mark(key: string): LedgerMark | null {
    return this.load().get(shortHash(key)) ?? null;
  }

  /** Has it gone, or may it have? (Then it is never sent again without the coordinator's say.) */
  blocks(key: string): boolean {
    const mark = this.mark(key);
    return mark === 's' || mark === 'u';
  }

  /** Records outcomes; written at once (a property write per chunk touched). */
  record(entries: ReadonlyArray<readonly [key: string, mark: LedgerMark]>): void {
    const marks = this.load();
    const fresh = entries.filter(([key, mark]) => marks.get(shortHash(key)) !== mark);
    if (fresh.length === 0) return;
    let current = this.last ?? { name: `${PREFIX}0`, text: '' };
    for (const [key, mark] of fresh) {
      const hash = shortHash(key);
      marks.set(hash, mark);
      const line = `${hash} ${mark}`;
      if (current.text.length + line.length + 1 > CHUNK_CHARS) {
        this.store.set(current.name, current.text);
        current = { name: `${PREFIX}${Number(current.name.slice(PREFIX.length)) + 1}`, text: '' };
      }
      current.text = current.text ? `${current.text}\n${line}` : line;
    }
    this.store.set(current.name, current.text);
    this.last = current;
  }
}
