/** The matching engine's input and output, in the scheme's words. `organisation` is the library service. */

export interface Mentor {
  id: string;
  name: string;
  organisation: string;
  /** How many mentees this mentor takes (a whole number ≥ 1). */
  capacity: number;
  expertise: string[];
}

export interface Mentee {
  id: string;
  name: string;
  organisation: string;
  needs: string[];
  /** Mentor ids in order of preference: at most three, each a known mentor, no repeats. */
  choices: string[];
}

/** A (mentee, mentor) pair named by ids, as used by locks and exclusions. */
export interface PairRef {
  mentee: string;
  mentor: string;
}

export interface MatchOptions {
  /** A mentee whose choices cannot be met may get a mentor they did not choose who shares a need. */
  allowUnchosen: boolean;
  /** 'exclude': never pair people from the same library service unless the coordinator locks it. */
  sameOrganisation: 'exclude' | 'allow';
  /**
   * After the choices, spread the mentees across the mentors: first leave the fewest mentors without a
   * mentee, then make the loads as even as possible (least sum of squared loads); shared areas come after.
   */
  balance: boolean;
}

export interface MatchInstance {
  mentors: Mentor[];
  mentees: Mentee[];
  /** Pairs that must stand; they count toward capacity. */
  locks?: PairRef[];
  /** Pairs that must not be made. */
  exclusions?: PairRef[];
  /** Defaults: allowUnchosen true, sameOrganisation 'exclude', balance true. */
  options?: Partial<MatchOptions>;
}

export type ChoiceRank = 1 | 2 | 3;

export interface MatchedPair {
  mentee: string;
  mentor: string;
  /** Where the mentor sat in the mentee's choices, or null when not chosen. */
  choiceRank: ChoiceRank | null;
  /** Needs of the mentee that the mentor lists as expertise, in the mentee's wording. */
  sharedAreas: string[];
  reason: string;
}

export interface UnmatchedMentee {
  mentee: string;
  reason: string;
}

/**
 * The objective's tiers in order of priority (objective.ts): [matched, 1st choices, 2nd choices,
 * 3rd choices, idle mentors, squared loads, shared areas]. Idle mentors and squared loads are better
 * when lower, the others when higher; without balance those two are reported but not optimised.
 */
export type Tiers = [
  matched: number,
  firstChoices: number,
  secondChoices: number,
  thirdChoices: number,
  idleMentors: number,
  squaredLoads: number,
  sharedAreas: number,
];

export interface MatchSummary {
  mentees: number;
  mentors: number;
  matched: number;
  unmatched: number;
  byChoice: { first: number; second: number; third: number; unchosen: number };
  sharedAreas: number;
  /** Mentors left without any mentee (locks count as mentees): their ids, sorted. */
  idleMentors: string[];
  tiers: Tiers;
}

export interface MatchResult {
  /** In the order the mentees were given. */
  pairs: MatchedPair[];
  unmatched: UnmatchedMentee[];
  summary: MatchSummary;
}
