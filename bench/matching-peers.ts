/**
 * The same matching problem solved by general npm solvers, as peers for the benchmark and as a test
 * oracle. Both see every allowed pair explicitly (what the engine avoids):
 * - highs: the LP relaxation with the tiers as lexicographic objectives; with balance, one column per
 *   mentor place as well (the k-th place costs 2k − 1 towards the squared loads, and a lock-free
 *   mentor's first place counts towards the mentors used). The constraint matrix is a network matrix
 *   (totally unimodular) and each lexicographic stage fixes an optimal face, so the optimum is
 *   integral; we still check it.
 * - munkres: Hungarian on mentees × (one column per mentor place + one "unmatched" column per mentee),
 *   the tiers folded into one score with weights that keep every total exact. It takes the full
 *   objective when those weights fit in 2^53, else the objective without balance (when every place is
 *   filled the two agree), else BigInt.
 */
import type { Highs } from 'highs';
import { munkres } from 'munkres';
import type { MatchInstance, Mentee, Mentor, Tiers } from '../src/domain/matching';

const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export interface PeerPair {
  mentee: number;
  mentor: number;
  rank: number;
  shared: number;
}

export interface PeerProblem {
  mentees: Mentee[];
  mentors: Mentor[];
  /** Mentor index each mentee is locked to, or -1. */
  lockedTo: Int32Array;
  /** Locked mentees per mentor. */
  locks: Int32Array;
  /** Allowed pairs for the mentees that are not locked. */
  pairs: PeerPair[];
  maxShared: number;
  balance: boolean;
}

/** What a peer optimised: the tiers it can be compared on (indices into Tiers). */
export interface PeerObjective {
  label: string;
  tiers: number[];
}

export const FULL: PeerObjective = { label: 'full objective', tiers: [0, 1, 2, 3, 4, 5, 6] };
export const WITHOUT_BALANCE: PeerObjective = {
  label: 'objective without balance',
  tiers: [0, 1, 2, 3, 6],
};

/** Enumerates every allowed pair (the rules written out directly, independent of the engine). */
export function peerProblem(instance: MatchInstance): PeerProblem {
  const { mentors, mentees } = instance;
  const allowUnchosen = instance.options?.allowUnchosen ?? true;
  const sameAllowed = instance.options?.sameOrganisation === 'allow';
  const mentorAt = new Map(mentors.map((m, j) => [m.id, j]));
  const excluded = new Set((instance.exclusions ?? []).map((x) => `${x.mentee}|${x.mentor}`));
  const lockOf = new Map((instance.locks ?? []).map((l) => [l.mentee, mentorAt.get(l.mentor)!]));
  const expertise = mentors.map((m) => new Set(m.expertise.map(norm)));
  const orgs = mentors.map((m) => norm(m.organisation));
  const lockedTo = new Int32Array(mentees.length).fill(-1);
  const locks = new Int32Array(mentors.length);
  const pairs: PeerPair[] = [];
  let maxShared = 0;
  mentees.forEach((mentee, i) => {
    const needs = [...new Set(mentee.needs.map(norm))];
    maxShared = Math.max(maxShared, needs.length);
    const lock = lockOf.get(mentee.id);
    if (lock !== undefined) {
      lockedTo[i] = lock;
      locks[lock]!++;
      return;
    }
    const org = norm(mentee.organisation);
    for (let j = 0; j < mentors.length; j++) {
      if (excluded.has(`${mentee.id}|${mentors[j]!.id}`)) continue;
      if (!sameAllowed && orgs[j] === org) continue;
      const rank = mentee.choices.indexOf(mentors[j]!.id) + 1;
      const shared = needs.filter((a) => expertise[j]!.has(a)).length;
      if (rank === 0 && !(allowUnchosen && shared > 0)) continue;
      pairs.push({ mentee: i, mentor: j, rank, shared });
    }
  });
  return { mentees, mentors, lockedTo, locks, pairs, maxShared, balance: instance.options?.balance ?? true };
}

/** The tier vector of an assignment given as the pairs a peer chose (the locks are added). */
export function peerTiers(problem: PeerProblem, chosen: PeerPair[]): Tiers {
  const mentorOf = Int32Array.from(problem.lockedTo);
  for (const p of chosen) mentorOf[p.mentee] = p.mentor;
  return tiersOfAssignment(problem, mentorOf);
}

/** The tier vector of a result's pairs, by id (locks included), counted afresh from the instance. */
export function tiersOfPairs(problem: PeerProblem, pairs: { mentee: string; mentor: string }[]): Tiers {
  const menteeAt = new Map(problem.mentees.map((m, i) => [m.id, i]));
  const mentorAt = new Map(problem.mentors.map((m, j) => [m.id, j]));
  const mentorOf = new Int32Array(problem.mentees.length).fill(-1);
  for (const p of pairs) mentorOf[menteeAt.get(p.mentee)!] = mentorAt.get(p.mentor)!;
  return tiersOfAssignment(problem, mentorOf);
}

function tiersOfAssignment(problem: PeerProblem, mentorOf: Int32Array): Tiers {
  const load = new Int32Array(problem.mentors.length);
  const tiers: Tiers = [0, 0, 0, 0, 0, 0, 0];
  mentorOf.forEach((j, i) => {
    if (j < 0) return;
    const mentee = problem.mentees[i]!;
    const mentor = problem.mentors[j]!;
    const expertise = new Set(mentor.expertise.map(norm));
    const rank = mentee.choices.indexOf(mentor.id) + 1;
    tiers[0]++;
    if (rank > 0) tiers[rank as 1 | 2 | 3]++;
    tiers[6] += new Set(mentee.needs.map(norm).filter((a) => expertise.has(a))).size;
    load[j]!++;
  });
  for (const mentees of load) {
    if (mentees === 0) tiers[4]++;
    tiers[5] += mentees * mentees;
  }
  return tiers;
}

/** Solves with highs (LP relaxation, lexicographic objectives); throws if the LP optimum is fractional. */
export function solveWithHighs(highs: Highs, problem: PeerProblem): PeerPair[] {
  const { pairs, balance } = problem;
  const n = problem.mentees.length;
  const M = problem.mentors.length;
  // Places as columns only with balance: place k of mentor j (locks counted), k from locks + 1.
  const places: { mentor: number; k: number }[] = [];
  if (balance)
    problem.mentors.forEach((m, j) => {
      for (let k = problem.locks[j]! + 1; k <= Math.min(m.capacity, problem.locks[j]! + n); k++)
        places.push({ mentor: j, k });
    });
  const cols = pairs.length + places.length;
  const starts = new Int32Array(cols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  pairs.forEach((p, c) => {
    indices.push(p.mentee, n + p.mentor);
    values.push(1, 1);
    starts[c + 1] = indices.length;
  });
  places.forEach((place, c) => {
    indices.push(n + place.mentor);
    values.push(-1);
    starts[pairs.length + c + 1] = indices.length;
  });
  const free = problem.mentors.map((m, j) => m.capacity - problem.locks[j]!);
  const rowUpper = [...problem.mentees.map(() => 1), ...(balance ? free.map(() => 0) : free)];
  const rowLower = [
    ...problem.mentees.map(() => -highs.infinity),
    ...free.map(() => (balance ? 0 : -highs.infinity)),
  ];
  const model = highs.createModel({
    numCols: cols,
    numRows: n + M,
    colCost: new Float64Array(cols),
    colLower: new Float64Array(cols),
    colUpper: new Float64Array(cols).fill(1),
    rowLower,
    rowUpper,
    matrix: {
      format: 'csc',
      numRows: n + M,
      numCols: cols,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
  try {
    model.options.set({ output_flag: false, blend_multi_objectives: false });
    const column = (onPair: (p: PeerPair) => number, onPlace: (k: number, j: number) => number) => {
      const out = new Float64Array(cols);
      pairs.forEach((p, c) => {
        out[c] = onPair(p);
      });
      places.forEach((place, c) => {
        out[pairs.length + c] = onPlace(place.k, place.mentor);
      });
      return out;
    };
    const none = () => 0;
    // [coefficients, weight]: weight −1 maximises, +1 minimises.
    const stages: [Float64Array, number][] = [
      [column(() => 1, none), -1],
      [column((p) => (p.rank === 1 ? 1 : 0), none), -1],
      [column((p) => (p.rank === 2 ? 1 : 0), none), -1],
      [column((p) => (p.rank === 3 ? 1 : 0), none), -1],
    ];
    if (balance) {
      stages.push([column(none, (k, j) => (k === 1 && problem.locks[j] === 0 ? 1 : 0)), -1]);
      stages.push([column(none, (k) => 2 * k - 1), 1]);
    }
    stages.push([column((p) => p.shared, none), -1]);
    model.passLinearObjectives(
      stages.map(([coefficients, weight], k) => ({
        weight,
        offset: 0,
        coefficients,
        absoluteTolerance: 0,
        relativeTolerance: 0,
        priority: stages.length - k,
      })),
    );
    model.run();
    const x = model.getSolution().colValue;
    const chosen: PeerPair[] = [];
    pairs.forEach((p, c) => {
      const v = x[c]!;
      if (Math.abs(v - Math.round(v)) > 1e-6) throw new Error(`highs: fractional optimum (x[${c}] = ${v})`);
      if (Math.round(v) === 1) chosen.push(p);
    });
    return chosen;
  } finally {
    model.dispose();
  }
}

/**
 * Solves with munkres (Hungarian) on one score per (mentee, place): the tiers weighted so that no total
 * can spill into the tier above. Returns the pairs and the objective it could take.
 */
export function solveWithMunkres(problem: PeerProblem): { chosen: PeerPair[]; objective: PeerObjective } {
  const n = problem.mentees.length;
  const slots: { mentor: number; k: number }[] = [];
  problem.mentors.forEach((m, j) => {
    for (let k = problem.locks[j]! + 1; k <= Math.min(m.capacity, problem.locks[j]! + n); k++)
      slots.push({ mentor: j, k });
  });
  const maxPlace = Math.max(1, ...slots.map((s) => s.k));
  const weights = (withBalance: boolean): bigint[] => {
    // From the last tier up: each weight exceeds the largest total of everything below it.
    const ranges = [n, n, n, n, withBalance ? problem.mentors.length : 0, withBalance ? n * maxPlace : 0];
    const w: bigint[] = [1n];
    let below = BigInt(n * problem.maxShared);
    for (let t = ranges.length - 1; t >= 0; t--) {
      const weight = below + 1n;
      w.unshift(weight);
      below += weight * BigInt(ranges[t]!);
    }
    w.push(below);
    return w; // [matched, r1, r2, r3, first place, crowding, shared, bound]
  };
  const fits = (w: bigint[]) => w[w.length - 1]! < BigInt(Number.MAX_SAFE_INTEGER);
  let objective = problem.balance ? FULL : WITHOUT_BALANCE;
  let w = weights(problem.balance);
  if (problem.balance && !fits(w) && fits(weights(false))) {
    objective = WITHOUT_BALANCE;
    w = weights(false);
  }
  const withBalance = objective === FULL;
  const exact = fits(w);
  const score = (p: PeerPair, slot: { mentor: number; k: number }): bigint => {
    let s = w[0]! + (p.rank === 1 ? w[1]! : 0n) + (p.rank === 2 ? w[2]! : 0n) + (p.rank === 3 ? w[3]! : 0n);
    if (withBalance) {
      if (slot.k === 1 && problem.locks[slot.mentor] === 0) s += w[4]!;
      s -= w[5]! * BigInt(slot.k - 1);
    }
    return s + BigInt(p.shared);
  };
  const width = slots.length + n;
  const byMentee: PeerPair[][] = problem.mentees.map(() => []);
  for (const p of problem.pairs) byMentee[p.mentee]!.push(p);
  const slotsOf = new Map<number, number[]>();
  slots.forEach((s, c) => {
    slotsOf.set(s.mentor, [...(slotsOf.get(s.mentor) ?? []), c]);
  });
  // Forbidden cells cost 1, worse than the 0 of an "unmatched" column that is always free.
  const rows: (number[] | bigint[])[] = [];
  for (let i = 0; i < n; i++) {
    const row = exact ? new Array<number>(width).fill(1) : new Array<bigint>(width).fill(1n);
    for (let c = slots.length; c < width; c++) row[c] = exact ? 0 : 0n;
    for (const p of byMentee[i]!) {
      for (const c of slotsOf.get(p.mentor) ?? []) {
        const s = score(p, slots[c]!);
        row[c] = exact ? -Number(s) : -s;
      }
    }
    rows.push(row);
  }
  const assignment = exact ? munkres(rows as number[][]) : munkres(rows as bigint[][]);
  const chosen: PeerPair[] = [];
  for (const [i, c] of assignment) {
    if (c >= slots.length) continue;
    const pair = byMentee[i]!.find((p) => p.mentor === slots[c]!.mentor);
    if (pair) chosen.push(pair);
  }
  return { chosen, objective };
}
