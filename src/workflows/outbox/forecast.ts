import type { Ports } from '../../ports';
import { FULL_QUOTA } from './deliver';

/**
 * When the last of `emails` new emails will go, in words, from Google's daily limit as it stands:
 * "All 40 will go now." / "30 go now; the other 10 tomorrow." / "… the last in about 3 days."
 * Emails the coordinator causes go before acknowledgements, so only `ahead` (the coordinator's
 * emails already waiting) come first.
 */
export function whenTheyGo(ports: Pick<Ports, 'mailer' | 'store'>, emails: number, ahead = 0): string {
  if (emails <= 0) return '';
  const left = ports.mailer.remainingQuota();
  const remaining = Math.max(0, left - ahead);
  const full = Math.max(Number(ports.store.get(FULL_QUOTA)) || 0, left, 1);
  if (emails <= remaining) return emails === 1 ? 'It will go now.' : `All ${emails} will go now.`;
  const later = emails - remaining;
  const days = Math.ceil(later / full);
  const now =
    remaining > 0
      ? `${remaining} go now (Google's daily email limit); `
      : "Google's daily email limit is used up for today; ";
  return days <= 1
    ? `${now}the other ${later} tomorrow, automatically.`
    : `${now}the rest automatically over the next ${days} days, the last in about ${days} days.`;
}
