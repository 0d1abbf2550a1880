import { type AreaSet, sharedWording } from './areas';
import type { MatchOptions, Mentee, Mentor } from './types';

/**
 * A validated instance in index form. Mentors and mentees are in canonical order (sorted by id), so the
 * result does not depend on the order records were given in; `menteeInputOrder` restores that order.
 */
export interface Problem {
  mentors: Mentor[];
  mentees: Mentee[];
  menteeInputOrder: number[];
  options: MatchOptions;
  mentorOrg: Int32Array;
  menteeOrg: Int32Array;
  /** Places left after the locks. */
  free: Int32Array;
  expertise: AreaSet[];
  needs: AreaSet[];
  /** The area number of each of a mentee's needs, in their order. */
  needIds: number[][];
  /** Mentor indices in order of preference. */
  choices: number[][];
  /** Mentor index a mentee is locked to, or -1. */
  lockedTo: Int32Array;
  /** Keys mentee * mentors.length + mentor. */
  excluded: Set<number>;
  /** Mentees with at least one exclusion (build.ts: some get their own arcs instead of the shared ones). */
  hasExclusion: Uint8Array;
  /** The most needs any mentee lists: an upper bound on shared areas per pair. */
  maxShared: number;
}

export function pairKey(problem: Problem, mentee: number, mentor: number): number {
  return mentee * problem.mentors.length + mentor;
}

/** Whether the rules allow this pair outside a lock (capacity aside). */
export function pairAllowed(problem: Problem, mentee: number, mentor: number): boolean {
  if (problem.excluded.has(pairKey(problem, mentee, mentor))) return false;
  return (
    problem.options.sameOrganisation === 'allow' || problem.menteeOrg[mentee] !== problem.mentorOrg[mentor]
  );
}

/** 1, 2 or 3 when the mentee chose the mentor, else 0. */
export function rankOf(problem: Problem, mentee: number, mentor: number): number {
  const choices = problem.choices[mentee]!;
  for (let r = 0; r < choices.length; r++) if (choices[r] === mentor) return r + 1;
  return 0;
}

/** The mentee's needs that the mentor lists as expertise, in the mentee's wording. */
export function sharedAreas(problem: Problem, mentee: number, mentor: number): string[] {
  return sharedWording(problem.mentees[mentee]!.needs, problem.needIds[mentee]!, problem.expertise[mentor]!);
}
