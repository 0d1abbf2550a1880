/**
 * How many emails Google sends for a calendar write made with `sendUpdates: 'all'`. The preview,
 * the result and the Log all count with this one function, over the writes planned or made, so
 * what the coordinator reads is what went. Pure.
 *
 * Google's rules, as the emulator follows them: a new guest gets an invitation, a guest taken off
 * (or every guest of a deleted event) a cancellation, and every guest who stays an update whatever
 * changed, the guest list included ([observed] googleapis/google-api-nodejs-client#3310). The
 * calendar's owner is never emailed about their own event. Cohort only writes dates that have not
 * started, so "no updates for past events" never applies.
 */
import { plural } from '../text';
import { guestDifference } from './eventChanges';

export interface EmailCounts {
  readonly invitations: number;
  readonly updates: number;
  readonly cancellations: number;
}

export const NO_EMAILS: EmailCounts = { invitations: 0, updates: 0, cancellations: 0 };

/** A calendar write as far as who hears of it. */
export type GuestWrite =
  | { readonly kind: 'create'; readonly guests: readonly string[] }
  | { readonly kind: 'update'; readonly before: readonly string[]; readonly after: readonly string[] }
  | { readonly kind: 'delete'; readonly guests: readonly string[] };

export function emailsFor(write: GuestWrite, owner: string): EmailCounts {
  const notOwner = (list: readonly string[]) =>
    list.filter((e) => e.trim().toLowerCase() !== owner.toLowerCase());
  switch (write.kind) {
    case 'create':
      return { ...NO_EMAILS, invitations: notOwner(guestDifference([], write.guests).added).length };
    case 'delete':
      return { ...NO_EMAILS, cancellations: notOwner(guestDifference(write.guests, []).removed).length };
    case 'update': {
      const d = guestDifference(write.before, write.after);
      return {
        invitations: notOwner(d.added).length,
        updates: notOwner(d.kept).length,
        cancellations: notOwner(d.removed).length,
      };
    }
  }
}

export function addEmails(a: EmailCounts, b: EmailCounts): EmailCounts {
  return {
    invitations: a.invitations + b.invitations,
    updates: a.updates + b.updates,
    cancellations: a.cancellations + b.cancellations,
  };
}

/** "3 invitations, 1 update and 2 cancellations" (only the kinds there are; '' for none). */
export function emailsText(counts: EmailCounts): string {
  const parts = [
    counts.invitations ? plural(counts.invitations, 'invitation') : '',
    counts.updates ? plural(counts.updates, 'update') : '',
    counts.cancellations ? plural(counts.cancellations, 'cancellation') : '',
  ].filter(Boolean);
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
