import { normaliseEmail } from '../../domain/text';
import type { Cell, RowValues } from '../../ports';

/** What an erased person's name becomes, wherever it was written. */
export const ERASED_NAME = 'Erased';
/** What an erased address becomes inside other text (an email body, a Log line). */
export const ERASED_EMAIL = 'erased';

/** The person being erased, as their data can be recognised: one address, the names they gave. */
export interface Identity {
  readonly email: string;
  readonly names: readonly string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the address and the names inside text, case-insensitively and only as whole words: the
 * name "Sam Lee" is not found inside "Sam Leeming". A name of two letters ("Jo", "Al") is searched
 * for as written (its capital included), so the word "al" in other text is left alone; a single
 * letter is not searched for. The rows that belong to the person are blanked whole anyway.
 */
export class Scrubber {
  private readonly pattern: RegExp | null;
  private readonly short: RegExp | null;

  constructor(readonly who: Identity) {
    const parts: string[] = [];
    if (who.email)
      parts.push(`(?<![\\p{L}\\p{N}._%+-])${escapeRegExp(who.email)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`);
    const names = [...new Set(who.names.map((n) => n.trim().replace(/\s+/g, ' ')))]
      .filter((n) => n.length >= 2 && n.toLowerCase() !== ERASED_NAME.toLowerCase())
      .sort((a, b) => b.length - a.length);
    const word = (name: string) =>
      `(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`;
    for (const name of names.filter((n) => n.length >= 3)) parts.push(word(name));
    this.pattern = parts.length ? new RegExp(parts.join('|'), 'giu') : null;
    // A two-letter name only as written ("Jo", not "jo" or "JO"): case matters for it.
    const short = names.filter((n) => n.length === 2);
    this.short = short.length ? new RegExp(short.map(word).join('|'), 'gu') : null;
  }

  mentions(value: Cell | undefined): boolean {
    if (typeof value !== 'string') return false;
    for (const re of [this.pattern, this.short]) {
      if (!re) continue;
      re.lastIndex = 0;
      if (re.test(value)) return true;
    }
    return false;
  }

  text(value: string): string {
    let out = value;
    for (const re of [this.pattern, this.short])
      if (re) out = out.replace(re, (found) => (found.includes('@') ? ERASED_EMAIL : ERASED_NAME));
    return out;
  }

  /** The text cells of a row that mention the person, rewritten; null when none does. */
  row(values: Readonly<RowValues>, skip: readonly string[] = []): RowValues | null {
    const out: RowValues = {};
    for (const [header, value] of Object.entries(values)) {
      if (skip.includes(header) || typeof value !== 'string' || !this.mentions(value)) continue;
      out[header] = this.text(value);
    }
    return Object.keys(out).length ? out : null;
  }
}

/** True when the cell holds exactly this address (as a person typed it: any case, spaces around). */
export function isAddress(value: Cell | undefined, email: string): boolean {
  return typeof value === 'string' && value.includes('@') && normaliseEmail(value) === email;
}

/**
 * Every cell of a row blank but the ones to keep: a column the coordinator added (a phone number,
 * say) is cleared too, since nothing says it is not personal.
 */
export function blankedRow(
  headers: readonly string[],
  keep: readonly string[],
  set: RowValues = {},
): RowValues {
  const out: RowValues = {};
  for (const h of headers) if (h && !keep.includes(h)) out[h] = '';
  return { ...out, ...set };
}

/**
 * A stand-in for the address inside Outbox keys: random, so the key says nothing about who it was
 * (a hash of the address could be checked against a guessed address), and the same throughout one
 * erasure, so keys that were unique stay unique and nothing is sent again.
 */
export function erasedToken(taken: (token: string) => boolean): string {
  for (;;) {
    const token = `erased-${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;
    if (!taken(token)) return token;
  }
}
