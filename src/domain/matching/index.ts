/**
 * The matching engine: pure and deterministic, optimal for the lexicographic objective
 * (most mentees matched, then most 1st, 2nd, 3rd choices, then most shared areas).
 *
 * @example
 * const result = match({
 *   mentors: [{ id: 'M1', name: 'Ann Lee', organisation: 'Kent', capacity: 2, expertise: ['budgeting'] }],
 *   mentees: [{ id: 'E1', name: 'Bo Chan', organisation: 'Devon', needs: ['budgeting'], choices: ['M1'] }],
 * });
 * // result.pairs[0] → { mentee: 'E1', mentor: 'M1', choiceRank: 1, sharedAreas: ['budgeting'],
 * //                     reason: '1st choice; shares budgeting' }
 */
import { sharedWording } from './areas';
import { assign } from './assign';
import { rankOf } from './problem';
import { Reasons } from './reasons';
import type { ChoiceRank, MatchedPair, MatchInstance, MatchResult, Tiers, UnmatchedMentee } from './types';
import { validate } from './validate';

export { MatchInputError } from './errors';
export { matchInstanceSchema, type ParsedMatchInstance, parseMatchInstance } from './schema';
export type * from './types';

/** Matches mentees to mentors. Throws MatchInputError on bad input (message names record and field). */
export function match(instance: MatchInstance): MatchResult {
  const problem = validate(instance);
  const mentorOf = assign(problem);
  const load = new Int32Array(problem.mentors.length);
  for (const j of mentorOf) if (j >= 0) load[j]!++;
  const reasons = new Reasons(problem, load);

  const pairs: (MatchedPair & { at: number })[] = [];
  const unmatched: (UnmatchedMentee & { at: number })[] = [];
  const byChoice = { first: 0, second: 0, third: 0, unchosen: 0 };
  let sharedAreas = 0;
  problem.mentees.forEach((mentee, i) => {
    const at = problem.menteeInputOrder[i]!;
    const j = mentorOf[i]!;
    if (j < 0) {
      unmatched.push({ at, mentee: mentee.id, reason: reasons.forUnmatched(i) });
      return;
    }
    const mentor = problem.mentors[j]!;
    const rank = rankOf(problem, i, j);
    const shared = sharedWording(mentee.needs, mentor.expertise);
    if (rank === 1) byChoice.first++;
    else if (rank === 2) byChoice.second++;
    else if (rank === 3) byChoice.third++;
    else byChoice.unchosen++;
    sharedAreas += shared.length;
    pairs.push({
      at,
      mentee: mentee.id,
      mentor: mentor.id,
      choiceRank: rank === 0 ? null : (rank as ChoiceRank),
      sharedAreas: shared,
      reason: reasons.forPair(i, j),
    });
  });

  const byInput = (a: { at: number }, b: { at: number }) => a.at - b.at;
  const tiers: Tiers = [pairs.length, byChoice.first, byChoice.second, byChoice.third, sharedAreas];
  return {
    pairs: pairs.sort(byInput).map(({ at: _, ...pair }) => pair),
    unmatched: unmatched.sort(byInput).map(({ at: _, ...rest }) => rest),
    summary: {
      mentees: problem.mentees.length,
      mentors: problem.mentors.length,
      matched: pairs.length,
      unmatched: unmatched.length,
      byChoice,
      sharedAreas,
      tiers,
    },
  };
}

/** Compares tier vectors lexicographically: positive when `a` is better. */
export function compareTiers(a: Tiers, b: Tiers): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}
