import { ScriptException } from '../runtime/errors';

/** Google's cap on to + cc + bcc of one message (quotas page: "Email recipients per message 50"). */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

// A pragmatic addr-spec: no spaces or specials, one @, a dot in the domain, no empty labels.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(?:\.[^\s@<>()[\]\\,;:".]+)+$/;
const NAMED = /^\s*(?:"[^"]*"|[^<>"]*?)\s*<([^<>]+)>\s*$/;

/** The bare address of `a@x.org` or `Name <a@x.org>`, or null when it is not one. */
export function addressOf(entry: string): string | null {
  const named = NAMED.exec(entry);
  const address = (named ? (named[1] ?? '') : entry).trim();
  return ADDRESS.test(address) && !address.includes('..') ? address : null;
}

/**
 * Splits a comma-separated recipient list. Empty entries (a trailing comma) are skipped.
 * DECISION (wording as commonly reported from MailApp; not in Google's docs): a malformed
 * address throws `Invalid email: <entry>`.
 */
export function parseRecipients(list: string | undefined): string[] {
  if (list === undefined) return [];
  const out: string[] = [];
  for (const raw of list.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (!addressOf(entry)) throw new ScriptException(`Invalid email: ${entry}`);
    out.push(entry);
  }
  return out;
}
