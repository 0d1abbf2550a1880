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

  // Mentees in the order the instance lists them (the problem holds them sorted by id).
  const byInput = Array.from(problem.mentees, (_, i) => i).sort(
    (a, b) => problem.menteeInputOrder[a]! - problem.menteeInputOrder[b]!,
  );
  const pairs: MatchedPair[] = [];
  const unmatched: UnmatchedMentee[] = [];
  for (const i of byInput) {
    const mentee = problem.mentees[i]!;
    const j = mentorOf[i]!;
    if (j < 0) {
      unmatched.push({ mentee: mentee.id, reason: reasons.forUnmatched(i) });
      continue;
    }
    const rank = rankOf(problem, i, j);
    pairs.push({
      mentee: mentee.id,
      mentor: problem.mentors[j]!.id,
      choiceRank: rank === 0 ? null : (rank as ChoiceRank),
      sharedAreas: sharedAreas(problem, i, j),
      reason: reasons.forPair(i, j),
    });
  }
  return { pairs, unmatched, summary: summarise(problem, pairs, load) };
}
