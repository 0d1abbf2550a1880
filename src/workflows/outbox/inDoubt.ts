import type { InDoubt } from './journal';

/**
 * How long after a cut-off the quota still tells whether the email in doubt went. Google does not
 * document when the daily quota frees up ("the rest of the day"); within an hour a reset between
 * the two readings is unlikely. The emulator resets 24 hours after the window's first send, where
 * the comparison below is exact for any recovery within 24 hours.
 */
export const IN_DOUBT_TRUST_MS = 60 * 60 * 1000;

export type InDoubtVerdict = 'sent' | 'not sent' | 'unknown';

/** Google's documented daily recipient limits: consumer, Workspace, Workspace inside the domain. */
export const DAILY_LIMITS: readonly number[] = [100, 1500, 2000];

/**
 * An unchanged quota normally means the email did not go. But if the day's quota renewed between
 * the reading and the send, and the old window had used exactly this email's recipients, the
 * reading after a sent email is the same figure. That can only happen when the reading plus the
 * recipients is a full day's quota, and not when this very run opened the window moments before.
 */
function renewalLooksTheSame(doubt: InDoubt): boolean {
  if (doubt.windowOpenedHere) return false;
  const full = doubt.quotaBefore + doubt.recipients;
  return full === doubt.fullQuota || DAILY_LIMITS.includes(full) || !Number.isFinite(doubt.fullQuota);
}

/**
 * Did the email in doubt go? Google counts every recipient against the day's quota as the email is
 * sent, and nothing else of ours sends mail between the cut-off and this reading (sending holds the
 * script lock, and every run settles the journal before it sends). So the remaining quota dropped
 * by exactly the email's recipients if it went, and did not move if it did not. Anything else (the
 * quota went up: the window may have reset; or someone else sent mail), or too long ago, or a
 * journal without the reading: unknown, and the coordinator decides. "Not sent" is only ever
 * concluded from an exact match, so nothing is sent twice on a guess.
 */
export function inDoubtVerdict(doubt: InDoubt, quotaNow: number, now: Date): InDoubtVerdict {
  const elapsed = now.getTime() - doubt.at.getTime();
  if (!Number.isFinite(doubt.quotaBefore) || !Number.isInteger(doubt.recipients) || doubt.recipients < 1)
    return 'unknown';
  if (!(elapsed >= 0 && elapsed <= IN_DOUBT_TRUST_MS)) return 'unknown';
  if (quotaNow === doubt.quotaBefore) return renewalLooksTheSame(doubt) ? 'unknown' : 'not sent';
  if (quotaNow === doubt.quotaBefore - doubt.recipients) return 'sent';
  return 'unknown';
}
