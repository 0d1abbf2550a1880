/**
 * The same matching problem solved by two general npm solvers, as peers for the benchmark and as a
 * test oracle. Both see every allowed pair explicitly (what the engine avoids):
 * - highs: the LP relaxation with the five tiers as lexicographic objectives. The constraint matrix
 *   is a bipartite incidence matrix (totally unimodular) and each lexicographic stage fixes an optimal
 *   face, so the optimum is integral; we still check it.
 * - munkres: Hungarian on mentees × (one column per mentor place + one "unmatched" column per mentee),
 *   the tiers folded into one score with weights (n+1)^k: exact only while the weights fit in 2^53,
 *   which is the limitation the engine's tuple costs remove (beyond that it uses BigInt).
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
  /** Places left per mentor after locks. */
  free: number[];
  /** Allowed pairs for the mentees that are not locked. */
  pairs: PeerPair[];
  /** Tiers contributed by locked pairs. */
  locked: Tiers;
  maxShared: number;
}

/** Enumerates every allowed pair (the rules written out directly, independent of the engine). */
export function peerProblem(instance: MatchInstance): PeerProblem {
  const { mentors, mentees } = instance;
  const allowUnchosen = instance.options?.allowUnchosen ?? true;
  const sameAllowed = instance.options?.sameOrganisation === 'allow';
  const mentorAt = new Map(mentors.map((m, j) => [m.id, j]));
  const excluded = new Set((instance.exclusions ?? []).map((x) => `${x.mentee}|${x.mentor}`));
  const lockedTo = new Map((instance.locks ?? []).map((l) => [l.mentee, mentorAt.get(l.mentor)!]));
  const free = mentors.map((m) => m.capacity);
  const expertise = mentors.map((m) => new Set(m.expertise.map(norm)));
  const orgs = mentors.map((m) => norm(m.organisation));
  const locked: Tiers = [0, 0, 0, 0, 0];
  const pairs: PeerPair[] = [];
  let maxShared = 0;
  mentees.forEach((mentee, i) => {
    const needs = [...new Set(mentee.needs.map(norm))];
    maxShared = Math.max(maxShared, needs.length);
    const org = norm(mentee.organisation);
    const lock = lockedTo.get(mentee.id);
    const sharedWith = (j: number) => needs.filter((a) => expertise[j]!.has(a)).length;
    const rankOf = (j: number) => mentee.choices.indexOf(mentors[j]!.id) + 1;
    if (lock !== undefined) {
      free[lock]!--;
      const rank = rankOf(lock);
      locked[0]++;
      if (rank > 0) locked[rank as 1 | 2 | 3]++;
      locked[4] += sharedWith(lock);
      return;
    }
    for (let j = 0; j < mentors.length; j++) {
      if (excluded.has(`${mentee.id}|${mentors[j]!.id}`)) continue;
      if (!sameAllowed && orgs[j] === org) continue;
      const rank = rankOf(j);
      const shared = sharedWith(j);
      if (rank === 0 && !(allowUnchosen && shared > 0)) continue;
      pairs.push({ mentee: i, mentor: j, rank, shared });
    }
  });
  return { mentees, mentors, free, pairs, locked, maxShared };
}

function tiersOf(problem: PeerProblem, chosen: PeerPair[]): Tiers {
  const tiers: Tiers = [...problem.locked];
  for (const p of chosen) {
    tiers[0]++;
    if (p.rank > 0) tiers[p.rank as 1 | 2 | 3]++;
    tiers[4] += p.shared;
  }
  return tiers;
}

/** Solves with highs (LP relaxation, lexicographic objectives); throws if the LP optimum is fractional. */
export function solveWithHighs(highs: Highs, problem: PeerProblem): Tiers {
  const { pairs } = problem;
  const n = problem.mentees.length;
  const cols = pairs.length;
  const starts = new Int32Array(cols + 1);
  const indices = new Int32Array(cols * 2);
  const values = new Float64Array(cols * 2).fill(1);
  pairs.forEach((p, c) => {
    starts[c + 1] = 2 * (c + 1);
    indices[2 * c] = p.mentee;
    indices[2 * c + 1] = n + p.mentor;
  });
  const rowUpper = [...problem.mentees.map(() => 1), ...problem.free];
  const model = highs.createModel({
    numCols: cols,
    numRows: rowUpper.length,
    colCost: new Float64Array(cols),
    colLower: new Float64Array(cols),
    colUpper: new Float64Array(cols).fill(1),
    rowLower: rowUpper.map(() => -highs.infinity),
    rowUpper,
    matrix: { format: 'csc', numRows: rowUpper.length, numCols: cols, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, blend_multi_objectives: false });
    const tier = (f: (p: PeerPair) => number) => Float64Array.from(pairs, f);
    const objectives = [
      tier(() => 1),
      tier((p) => (p.rank === 1 ? 1 : 0)),
      tier((p) => (p.rank === 2 ? 1 : 0)),
      tier((p) => (p.rank === 3 ? 1 : 0)),
      tier((p) => p.shared),
    ];
    model.passLinearObjectives(
      objectives.map((coefficients, k) => ({
        weight: -1,
        offset: 0,
        coefficients,
        absoluteTolerance: 0,
        relativeTolerance: 0,
        priority: objectives.length - k,
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
    return tiersOf(problem, chosen);
  } finally {
    model.dispose();
  }
}

/** Solves with munkres (Hungarian); score weights fold the tiers, BigInt when they would overflow. */
export function solveWithMunkres(problem: PeerProblem): Tiers {
  const n = problem.mentees.length;
  const slots: number[] = [];
  problem.free.forEach((f, j) => {
    for (let k = 0; k < f; k++) slots.push(j);
  });
  const firstSlot = new Map<number, number>();
  slots.forEach((j, s) => {
    if (!firstSlot.has(j)) firstSlot.set(j, s);
  });
  const w4 = BigInt(n * problem.maxShared + 1);
  const step = BigInt(n + 1);
  const w3 = step * w4;
  const w2 = step * w3;
  const w1 = step * w2;
  const exact = w1 * step < BigInt(Number.MAX_SAFE_INTEGER);
  const score = (p: PeerPair): bigint =>
    w1 + (p.rank === 1 ? w2 : 0n) + (p.rank === 2 ? w3 : 0n) + (p.rank === 3 ? w4 : 0n) + BigInt(p.shared);
  const width = slots.length + n;
  // Forbidden cells cost 1, worse than the 0 of an "unmatched" column that is always free.
  const rows: (number[] | bigint[])[] = [];
  const byMentee: PeerPair[][] = problem.mentees.map(() => []);
  for (const p of problem.pairs) byMentee[p.mentee]!.push(p);
  for (let i = 0; i < n; i++) {
    if (exact) {
      const row = new Array<number>(width).fill(1);
      for (let c = slots.length; c < width; c++) row[c] = 0;
      for (const p of byMentee[i]!) {
        const from = firstSlot.get(p.mentor);
        if (from === undefined) continue;
        for (let s = from; s < slots.length && slots[s] === p.mentor; s++) row[s] = -Number(score(p));
      }
      rows.push(row);
    } else {
      const row = new Array<bigint>(width).fill(1n);
      for (let c = slots.length; c < width; c++) row[c] = 0n;
      for (const p of byMentee[i]!) {
        const from = firstSlot.get(p.mentor);
        if (from === undefined) continue;
        for (let s = from; s < slots.length && slots[s] === p.mentor; s++) row[s] = -score(p);
      }
      rows.push(row);
    }
  }
  const assignment = exact ? munkres(rows as number[][]) : munkres(rows as bigint[][]);
  const chosen: PeerPair[] = [];
  for (const [i, c] of assignment) {
    if (c >= slots.length) continue;
    const pair = byMentee[i]!.find((p) => p.mentor === slots[c]);
    if (pair) chosen.push(pair);
  }
  return tiersOf(problem, chosen);
}
