import type { Problem } from './problem';
import type { MatchedPair, MatchSummary, Tiers } from './types';

/** The result's counts and tier vector (objective.ts), counted from the pairs themselves. */
export function summarise(problem: Problem, pairs: MatchedPair[], load: Int32Array): MatchSummary {
  const byChoice = { first: 0, second: 0, third: 0, unchosen: 0 };
  let sharedAreas = 0;
  for (const pair of pairs) {
    if (pair.choiceRank === 1) byChoice.first++;
    else if (pair.choiceRank === 2) byChoice.second++;
    else if (pair.choiceRank === 3) byChoice.third++;
    else byChoice.unchosen++;
    sharedAreas += pair.sharedAreas.length;
  }
  const idle: string[] = [];
  let squaredLoads = 0;
  problem.mentors.forEach((mentor, j) => {
    const mentees = load[j]!;
    if (mentees === 0) idle.push(mentor.id);
    squaredLoads += mentees * mentees;
  });
  const tiers: Tiers = [
    pairs.length,
    byChoice.first,
    byChoice.second,
    byChoice.third,
    idle.length,
    squaredLoads,
    sharedAreas,
  ];
  return {
    mentees: problem.mentees.length,
    mentors: problem.mentors.length,
    matched: pairs.length,
    unmatched: problem.mentees.length - pairs.length,
    byChoice,
    sharedAreas,
    idleMentors: idle,
    tiers,
  };
}
