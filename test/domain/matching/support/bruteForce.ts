import type { MatchInstance, Tiers } from '../../../../src/domain/matching';
import { allowed, objective, rulesOf, tiersOf } from './rules';

/** The best tier vector over every feasible assignment (tiny instances only). */
export function bruteForceTiers(instance: MatchInstance): Tiers {
  const rules = rulesOf(instance);
  const order = objective(instance);
  const better = (a: Tiers, b: Tiers) => {
    for (const [tier, sense] of order) if (a[tier] !== b[tier]) return (a[tier]! - b[tier]!) * sense > 0;
    return false;
  };
  const left = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const mentorOf = new Map<string, string>();
  for (const lock of instance.locks ?? []) {
    mentorOf.set(lock.mentee, lock.mentor);
    left.set(lock.mentor, left.get(lock.mentor)! - 1);
  }
  const free = instance.mentees.filter((m) => !mentorOf.has(m.id));
  let best: Tiers | null = null;
  const visit = (k: number) => {
    if (k === free.length) {
      const tiers = tiersOf(instance, mentorOf);
      if (best === null || better(tiers, best)) best = tiers;
      return;
    }
    const mentee = free[k]!;
    visit(k + 1);
    for (const mentor of instance.mentors) {
      if (left.get(mentor.id)! <= 0 || !allowed(rules, mentee, mentor)) continue;
      left.set(mentor.id, left.get(mentor.id)! - 1);
      mentorOf.set(mentee.id, mentor.id);
      visit(k + 1);
      mentorOf.delete(mentee.id);
      left.set(mentor.id, left.get(mentor.id)! + 1);
    }
  };
  visit(0);
  return best!;
}
