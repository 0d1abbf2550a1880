import { buildNetwork } from './build';
import { maxFlowMinCost } from './flow';
import type { Problem } from './problem';

/**
 * The optimal assignment: for each mentee (canonical order) the mentor index, or -1. Locked pairs are
 * included.
 *
 * When there are at least as many mentees as free places, the matching is first solved without the
 * balance tiers: if that fills every place, so does every optimal matching (the most mentees are
 * matched first), every mentor then has exactly their capacity, and balance cannot tell optimal
 * matchings apart. The balance tiers only add cost levels, so this is the faster way to the same optimum.
 */
export function assign(problem: Problem): Int32Array {
  const balance = problem.options.balance;
  if (balance && freePlaces(problem) <= unlockedMentees(problem)) {
    const plain = solve(problem, false);
    let matched = 0;
    for (let i = 0; i < plain.length; i++) if (plain[i]! >= 0 && problem.lockedTo[i]! < 0) matched++;
    if (matched === freePlaces(problem)) return plain;
  }
  return solve(problem, balance);
}

/**
 * Solves the flow, then splits the flow through the shared unchosen structure into mentee → mentor
 * paths by walking forward along arcs that still carry flow; the structure is acyclic, so every walk
 * ends at a mentor, and (see shared.ts) any such split pairs people at their true cost.
 */
function solve(problem: Problem, balance: boolean): Int32Array {
  const { net, source, sink, menteeBase, mentorBase } = buildNetwork(problem, balance);
  maxFlowMinCost(net, source, sink);
  const { first, head, mate, residual, forward } = net;
  const M = problem.mentors.length;
  const mentorOf = Int32Array.from(problem.lockedTo);
  // Flow left on each forward arc; a forward arc's flow is its reverse arc's residual capacity.
  const left = new Int32Array(residual.length);
  for (let a = 0; a < left.length; a++) if (forward[a] === 1) left[a] = residual[mate[a]!]!;
  const cursor = first.slice(0, net.nodes);

  for (let i = 0; i < problem.mentees.length; i++) {
    if (mentorOf[i]! >= 0) continue;
    let v = menteeBase + i;
    for (;;) {
      if (v >= mentorBase && v < mentorBase + M) {
        mentorOf[i] = v - mentorBase;
        break;
      }
      const end = first[v + 1]!;
      while (cursor[v]! < end && left[cursor[v]!]! === 0) cursor[v]!++;
      if (cursor[v]! === end) break; // no flow leaves: unmatched (only possible at the mentee)
      const a = cursor[v]!;
      left[a]!--;
      v = head[a]!;
    }
  }
  return mentorOf;
}

function unlockedMentees(problem: Problem): number {
  let count = 0;
  for (let i = 0; i < problem.lockedTo.length; i++) if (problem.lockedTo[i]! < 0) count++;
  return count;
}

/** Places left after the locks, none counted beyond what the unlocked mentees could fill. */
function freePlaces(problem: Problem): number {
  const unlocked = unlockedMentees(problem);
  let places = 0;
  for (let j = 0; j < problem.free.length; j++) places += Math.min(problem.free[j]!, unlocked);
  return places;
}
