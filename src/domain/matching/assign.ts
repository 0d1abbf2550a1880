import { buildNetwork } from './build';
import type { Problem } from './problem';

/**
 * The optimal assignment: for each mentee (canonical order) the mentor index, or -1. Locked pairs are
 * included. The flow through the shared unchosen structure is split into mentee → mentor paths by
 * walking forward along edges that still carry flow; the structure is acyclic, so every walk ends at a
 * mentor, and (see build.ts) any such split pairs people at their true cost.
 */
export function assign(problem: Problem): Int32Array {
  const { net, source, sink, menteeBase, mentorBase } = buildNetwork(problem);
  net.solve(source, sink);
  const M = problem.mentors.length;
  const mentorOf = Int32Array.from(problem.lockedTo);
  const left = new Int32Array(net.edgeCount * 2);
  for (let e = 0; e < left.length; e += 2) left[e] = net.flow(e);
  const cursor = new Int32Array(net.nodeCount);

  for (let i = 0; i < problem.mentees.length; i++) {
    if (mentorOf[i]! >= 0) continue;
    let v = menteeBase + i;
    for (;;) {
      if (v >= mentorBase && v < mentorBase + M) {
        mentorOf[i] = v - mentorBase;
        break;
      }
      const out = net.edgesFrom(v);
      while (cursor[v]! < out.length) {
        const e = out[cursor[v]!]!;
        if ((e & 1) === 0 && left[e]! > 0) break;
        cursor[v]!++;
      }
      if (cursor[v]! === out.length) break; // no flow leaves: unmatched (only possible at the mentee)
      const e = out[cursor[v]!]!;
      left[e]!--;
      v = net.head(e);
    }
  }
  return mentorOf;
}
