import { sharedCount } from './areas';
import { CostScheme } from './costs';
import { type Network, NetworkBuilder } from './network';
import { type Problem, pairAllowed, rankOf } from './problem';
import { addSharedUnchosen } from './shared';

/**
 * The flow network: source → mentee (1) → mentor → sink. A mentor reaches the sink through one arc per
 * free place, each costing more than the one before (the balance tiers, costs.ts), or with balance off
 * through one arc for all its places. Pairs a mentee chose are arcs of their own; pairs they did not
 * choose go through the shared structure of shared.ts, except for the rare mentees excluded from a
 * mentor who shares one of their needs, who get one arc per allowed unchosen mentor so the shared
 * structure never has to forget a pair.
 * Locked mentees are not in the network: their mentors' places start after the locks.
 */
export interface MatchNetwork {
  net: Network;
  source: number;
  sink: number;
  menteeBase: number;
  mentorBase: number;
}

/** `balance`: whether the places cost the balance tiers (problem.options.balance, unless assign.ts knows better). */
/** What adding a kind of arc needs: the problem, the builder, the costs and where the people's nodes start. */
export interface Arcs {
  problem: Problem;
  b: NetworkBuilder;
  scheme: CostScheme;
  menteeBase: number;
  mentorBase: number;
  /** 1 for a mentee who gets an arc per allowed unchosen mentor instead of the shared structure. */
  ownArcs: Uint8Array;
}

export function buildNetwork(problem: Problem, balance: boolean): MatchNetwork {
  const n = problem.mentees.length;
  const M = problem.mentors.length;
  let unlocked = 0;
  for (let i = 0; i < n; i++) if (problem.lockedTo[i]! < 0) unlocked++;
  // No mentor can take more than every unlocked mentee, however large its capacity.
  const places = (j: number) => Math.min(problem.free[j]!, unlocked);
  let matchable = 0;
  let mostMentees = 1;
  for (let j = 0; j < M; j++) {
    matchable += places(j);
    if (places(j) > 0) mostMentees = Math.max(mostMentees, locksOf(problem, j) + places(j));
  }
  const scheme = new CostScheme({
    matchable: Math.min(matchable, unlocked),
    maxShared: problem.maxShared,
    crowding: mostMentees - 1,
    balance,
  });
  // Roughly: a mentee's choices, own arcs and hub entries, a mentor's places and hub chains.
  const b = new NetworkBuilder(scheme.words, 30 * n + 24 * M);
  const source = b.addNodes(1);
  const sink = b.addNodes(1);
  const menteeBase = b.addNodes(n);
  const mentorBase = b.addNodes(M);
  const cost = new Float64Array(scheme.words);

  for (let j = 0; j < M; j++) {
    if (places(j) === 0) continue;
    if (!balance) {
      b.addArc(mentorBase + j, sink, places(j), null);
      continue;
    }
    const locks = locksOf(problem, j);
    for (let k = 1; k <= places(j); k++) b.addArc(mentorBase + j, sink, 1, scheme.place(cost, locks + k));
  }

  const K = problem.maxShared;
  for (let i = 0; i < n; i++) {
    if (problem.lockedTo[i]! >= 0) continue;
    b.addArc(source, menteeBase + i, 1, null);
    const choices = problem.choices[i]!;
    for (let r = 0; r < choices.length; r++) {
      const j = choices[r]!;
      if (problem.free[j] === 0 || !pairAllowed(problem, i, j)) continue;
      const unshared = K - sharedCount(problem.needs[i]!, problem.expertise[j]!);
      b.addArc(menteeBase + i, mentorBase + j, 1, scheme.pair(cost, r + 1, unshared));
    }
  }

  if (problem.options.allowUnchosen) {
    const arcs: Arcs = { problem, b, scheme, menteeBase, mentorBase, ownArcs: ownUnchosenArcs(problem) };
    addDirectUnchosen(arcs);
    addSharedUnchosen(arcs);
  }
  return { net: b.freeze(), source, sink, menteeBase, mentorBase };
}

function locksOf(problem: Problem, j: number): number {
  return problem.mentors[j]!.capacity - problem.free[j]!;
}

/**
 * The mentees the shared structure could lead to a mentor they are excluded from. It only leads a mentee
 * to mentors who share one of their needs (shared.ts), so an exclusion of a mentor who shares none
 * changes nothing there, and such a mentee keeps the shared structure.
 */
function ownUnchosenArcs(problem: Problem): Uint8Array {
  const own = new Uint8Array(problem.mentees.length);
  const M = problem.mentors.length;
  for (const key of problem.excluded) {
    const i = Math.floor(key / M);
    if (sharedCount(problem.needs[i]!, problem.expertise[key - i * M]!) > 0) own[i] = 1;
  }
  return own;
}

function addDirectUnchosen({ problem, b, scheme, menteeBase, mentorBase, ownArcs }: Arcs): void {
  const cost = new Float64Array(scheme.words);
  for (let i = 0; i < problem.mentees.length; i++) {
    if (problem.lockedTo[i]! >= 0 || ownArcs[i] === 0) continue;
    for (let j = 0; j < problem.mentors.length; j++) {
      if (problem.free[j] === 0 || rankOf(problem, i, j) > 0 || !pairAllowed(problem, i, j)) continue;
      const shared = sharedCount(problem.needs[i]!, problem.expertise[j]!);
      if (shared === 0) continue;
      b.addArc(menteeBase + i, mentorBase + j, 1, scheme.pair(cost, 0, problem.maxShared - shared));
    }
  }
}
