/**
 * The matching engine: pure and deterministic, optimal for the lexicographic objective of objective.ts
 * (most mentees matched, then most 1st, 2nd, 3rd choices, then, with balance, fewest mentors left
 * without a mentee and the most even load, then most shared areas).
 *
 * @example
 * const result = match({
 *   mentors: [{ id: 'M1', name: 'Ann Lee', organisation: 'Kent', capacity: 2, expertise: ['budgeting'] }],
 *   mentees: [{ id: 'E1', name: 'Bo Chan', organisation: 'Devon', needs: ['budgeting'], choices: ['M1'] }],
 * });
 * // result.pairs[0] → { mentee: 'E1', mentor: 'M1', choiceRank: 1, sharedAreas: ['budgeting'],
 * //                     reason: '1st choice; shares budgeting' }
 * // result.summary.tiers → [1, 1, 0, 0, 0, 1, 1]
 */
import { assign } from './assign';
import { rankOf, sharedAreas } from './problem';
import { Reasons } from './reasons';
import { summarise } from './summary';
import type { ChoiceRank, MatchedPair, MatchInstance, MatchResult, UnmatchedMentee } from './types';
import { validate } from './validate';

export { MatchInputError } from './errors';
export { compareTiers, objectiveTiers, TIERS, type TierName } from './objective';
export { FIELDS, type ParsedMatchInstance, parseMatchInstance } from './schema';
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
  problem.mentees.forEach((mentee, i) => {
    const at = problem.menteeInputOrder[i]!;
    const j = mentorOf[i]!;
    if (j < 0) {
      unmatched.push({ at, mentee: mentee.id, reason: reasons.forUnmatched(i) });
      return;
    }
    const mentor = problem.mentors[j]!;
    const rank = rankOf(problem, i, j);
    pairs.push({
      at,
      mentee: mentee.id,
      mentor: mentor.id,
      choiceRank: rank === 0 ? null : (rank as ChoiceRank),
      sharedAreas: sharedAreas(problem, i, j),
      reason: reasons.forPair(i, j),
    });
  });

  const byInput = (a: { at: number }, b: { at: number }) => a.at - b.at;
  const ordered = pairs.sort(byInput).map(({ at: _, ...pair }) => pair);
  return {
    pairs: ordered,
    unmatched: unmatched.sort(byInput).map(({ at: _, ...rest }) => rest),
    summary: summarise(problem, ordered, load),
  };
}
