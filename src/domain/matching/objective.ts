import type { Tiers } from './types';

/**
 * The objective, tier by tier in order of priority. A result is better than another when it is better
 * at the first tier where they differ. `more`: a higher number is better; `fewer`: a lower one is.
 *
 * squaredLoads is the sum over mentors of (mentees with that mentor)². With the number matched fixed by
 * the first tier, the least sum of squares is the most even spread: moving a mentee from a mentor with
 * a mentees to one with b changes it by 2(b − a + 1), so it falls exactly when the move evens things out.
 */
export const TIERS = [
  { name: 'matched', better: 'more' },
  { name: 'firstChoices', better: 'more' },
  { name: 'secondChoices', better: 'more' },
  { name: 'thirdChoices', better: 'more' },
  { name: 'idleMentors', better: 'fewer', balance: true },
  { name: 'squaredLoads', better: 'fewer', balance: true },
  { name: 'sharedAreas', better: 'more' },
] as const;

export type TierName = (typeof TIERS)[number]['name'];

/** The tiers the engine optimises: all of them with balance, else the five of the objective without it. */
export function objectiveTiers(balance: boolean): number[] {
  return TIERS.flatMap((tier, k) => (balance || !('balance' in tier) ? [k] : []));
}

/**
 * Compares two results' tiers on the objective: positive when `a` is better, 0 when equally good.
 * Tiers the objective does not include (the balance tiers, without balance) are only reported.
 */
export function compareTiers(a: Tiers, b: Tiers, balance = true): number {
  for (const k of objectiveTiers(balance)) {
    if (a[k] === b[k]) continue;
    const diff = a[k]! - b[k]!;
    return TIERS[k]!.better === 'more' ? diff : -diff;
  }
  return 0;
}
