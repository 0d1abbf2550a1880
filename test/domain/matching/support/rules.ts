/**
 * The matching rules written out again, independently of the engine, for oracles and invariant checks.
 */
import type { MatchInstance, MatchResult, Mentee, Mentor, Tiers } from '../../../../src/domain/matching';

export const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export function shared(mentee: Mentee, mentor: Mentor): number {
  const expertise = new Set(mentor.expertise.map(norm));
  return new Set(mentee.needs.map(norm).filter((a) => expertise.has(a))).size;
}

export interface Rules {
  allowUnchosen: boolean;
  sameOrganisation: 'exclude' | 'allow';
  excluded: Set<string>;
}

export function rulesOf(instance: MatchInstance): Rules {
  return {
    allowUnchosen: instance.options?.allowUnchosen ?? true,
    sameOrganisation: instance.options?.sameOrganisation ?? 'exclude',
    excluded: new Set((instance.exclusions ?? []).map((x) => `${x.mentee}|${x.mentor}`)),
  };
}

/** May this pair be made by the optimiser (not a lock)? */
export function allowed(rules: Rules, mentee: Mentee, mentor: Mentor): boolean {
  if (rules.excluded.has(`${mentee.id}|${mentor.id}`)) return false;
  if (rules.sameOrganisation === 'exclude' && norm(mentee.organisation) === norm(mentor.organisation))
    return false;
  if (mentee.choices.includes(mentor.id)) return true;
  return rules.allowUnchosen && shared(mentee, mentor) > 0;
}

/** [matched, 1st, 2nd, 3rd, mentors without a mentee, Σ mentees² per mentor, shared areas] */
export function tiersOf(instance: MatchInstance, mentorOf: Map<string, string>): Tiers {
  const mentors = new Map(instance.mentors.map((m) => [m.id, m]));
  const load = new Map(instance.mentors.map((m) => [m.id, 0]));
  const tiers: Tiers = [0, 0, 0, 0, 0, 0, 0];
  for (const mentee of instance.mentees) {
    const id = mentorOf.get(mentee.id);
    if (id === undefined) continue;
    tiers[0]++;
    const rank = mentee.choices.indexOf(id) + 1;
    if (rank >= 1 && rank <= 3) tiers[rank as 1 | 2 | 3]++;
    tiers[6] += shared(mentee, mentors.get(id)!);
    load.set(id, load.get(id)! + 1);
  }
  for (const mentees of load.values()) {
    if (mentees === 0) tiers[4]++;
    tiers[5] += mentees * mentees;
  }
  return tiers;
}

/**
 * The tiers the objective compares, in order, with +1 where more is better and −1 where fewer is:
 * without balance, the mentors left idle and the squared loads are not part of it.
 */
export function objective(instance: MatchInstance): [tier: number, sense: 1 | -1][] {
  const balance = instance.options?.balance ?? true;
  const all: [number, 1 | -1][] = [
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 1],
    [4, -1],
    [5, -1],
    [6, 1],
  ];
  return all.filter(([tier]) => balance || (tier !== 4 && tier !== 5));
}

/** The tiers the objective compares, in its order: what two optimal results must agree on. */
export function objectiveTiers(instance: MatchInstance, tiers: Tiers): number[] {
  return objective(instance).map(([tier]) => tiers[tier]!);
}

/** Every rule a result must keep; returns the broken ones (empty when all hold). */
export function brokenRules(instance: MatchInstance, result: MatchResult): string[] {
  const rules = rulesOf(instance);
  const broken: string[] = [];
  const mentors = new Map(instance.mentors.map((m) => [m.id, m]));
  const mentees = new Map(instance.mentees.map((m) => [m.id, m]));
  const locks = new Map((instance.locks ?? []).map((l) => [l.mentee, l.mentor]));
  const load = new Map<string, number>();
  const seen = new Set<string>();
  for (const pair of result.pairs) {
    const mentee = mentees.get(pair.mentee);
    const mentor = mentors.get(pair.mentor);
    if (!mentee || !mentor) {
      broken.push(`unknown pair ${pair.mentee}-${pair.mentor}`);
      continue;
    }
    if (seen.has(mentee.id)) broken.push(`${mentee.id} paired twice`);
    seen.add(mentee.id);
    load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    const lockedTo = locks.get(mentee.id);
    if (lockedTo !== undefined && lockedTo !== mentor.id) broken.push(`lock of ${mentee.id} not kept`);
    if (lockedTo === undefined && !allowed(rules, mentee, mentor))
      broken.push(`${mentee.id}-${mentor.id} not allowed`);
    const rank = mentee.choices.indexOf(mentor.id) + 1;
    if ((pair.choiceRank ?? 0) !== rank) broken.push(`${mentee.id}: wrong choiceRank`);
    if (pair.sharedAreas.length !== shared(mentee, mentor)) broken.push(`${mentee.id}: wrong sharedAreas`);
    if (!pair.reason) broken.push(`${mentee.id}: no reason`);
  }
  for (const [menteeId] of locks) if (!seen.has(menteeId)) broken.push(`locked ${menteeId} unmatched`);
  for (const [id, n] of load) if (n > mentors.get(id)!.capacity) broken.push(`${id} over capacity`);
  const unmatched = new Set(result.unmatched.map((u) => u.mentee));
  for (const id of mentees.keys()) {
    if (seen.has(id) === unmatched.has(id)) broken.push(`${id} must be either paired or unmatched`);
  }
  if (result.unmatched.some((u) => !u.reason)) broken.push('unmatched without reason');
  const tiers = tiersOf(instance, new Map(result.pairs.map((p) => [p.mentee, p.mentor])));
  if (JSON.stringify(tiers) !== JSON.stringify(result.summary.tiers)) broken.push('summary tiers disagree');
  return broken;
}
