import { type AreaSet, setKey, sharedCount } from './areas';
import { FlowNetwork, UNBOUNDED } from './graph';
import { type Problem, pairAllowed, rankOf } from './problem';

/**
 * The flow network: source → mentee (1) → mentor (free places) → sink, plus, with allowUnchosen, a
 * shared structure instead of one edge per unchosen pair (which would be mentees × mentors edges).
 *
 * Unchosen pairs differ only in shared areas and the library-service rule. For every set S that is the
 * intersection of some mentee's needs with some mentor's expertise there is a hub; a mentee reaches hub
 * S (S ⊆ needs) at cost (1, 1, 1, maxShared − |S|), and the hub reaches the mentors whose expertise
 * produced S (S ⊆ expertise) at cost 0. Every route from mentee i to mentor j therefore costs at least
 * the true cost of the pair, and the route through S = needs_i ∩ expertise_j costs exactly that, so the
 * optimum is unchanged and any decomposition of an optimal flow pairs people at their true cost.
 *
 * The library-service rule is kept by two chains per hub over the hub's mentors sorted by library
 * service: prefix node k reaches services 0..k, suffix node k reaches services k..end. A mentee of
 * service o enters the prefix chain just below o and the suffix chain just above it.
 *
 * Mentees with an exclusion are rare; they get one edge per allowed unchosen mentor instead, so the
 * shared structure never has to forget a single pair. Locked mentees are not in the network at all.
 */
export interface Network {
  net: FlowNetwork;
  source: number;
  sink: number;
  menteeBase: number;
  mentorBase: number;
}

export function buildNetwork(problem: Problem): Network {
  const n = problem.mentees.length;
  const M = problem.mentors.length;
  const net = new FlowNetwork();
  const source = net.addNodes(1);
  const sink = net.addNodes(1);
  const menteeBase = net.addNodes(n);
  const mentorBase = net.addNodes(M);
  const cost = new Float64Array(4);
  const K = problem.maxShared;

  for (let j = 0; j < M; j++)
    if (problem.free[j]! > 0) net.addEdge(mentorBase + j, sink, problem.free[j]!, null);

  for (let i = 0; i < n; i++) {
    if (problem.lockedTo[i]! >= 0) continue;
    net.addEdge(source, menteeBase + i, 1, null);
    const choices = problem.choices[i]!;
    for (let r = 0; r < choices.length; r++) {
      const j = choices[r]!;
      if (problem.free[j] === 0 || !pairAllowed(problem, i, j)) continue;
      pairCost(cost, r + 1, K - sharedCount(problem.needs[i]!, problem.expertise[j]!));
      net.addEdge(menteeBase + i, mentorBase + j, 1, cost);
    }
  }

  if (problem.options.allowUnchosen) {
    addDirectUnchosen(problem, net, menteeBase, mentorBase);
    addSharedUnchosen(problem, net, menteeBase, mentorBase);
  }
  return { net, source, sink, menteeBase, mentorBase };
}

/** Tier costs of a pair: one unit for each of 1st, 2nd, 3rd choice it is not, then unshared areas. */
function pairCost(out: Float64Array, rank: number, unshared: number): Float64Array {
  out[0] = rank === 1 ? 0 : 1;
  out[1] = rank === 2 ? 0 : 1;
  out[2] = rank === 3 ? 0 : 1;
  out[3] = unshared;
  return out;
}

function usesSharedStructure(problem: Problem, i: number): boolean {
  return problem.lockedTo[i]! < 0 && problem.hasExclusion[i] === 0;
}

function addDirectUnchosen(problem: Problem, net: FlowNetwork, menteeBase: number, mentorBase: number): void {
  const cost = new Float64Array(4);
  for (let i = 0; i < problem.mentees.length; i++) {
    if (problem.lockedTo[i]! >= 0 || problem.hasExclusion[i] === 0) continue;
    for (let j = 0; j < problem.mentors.length; j++) {
      if (problem.free[j] === 0 || rankOf(problem, i, j) > 0 || !pairAllowed(problem, i, j)) continue;
      const shared = sharedCount(problem.needs[i]!, problem.expertise[j]!);
      if (shared === 0) continue;
      net.addEdge(menteeBase + i, mentorBase + j, 1, pairCost(cost, 0, problem.maxShared - shared));
    }
  }
}

interface Grouped {
  sets: AreaSet[];
  members: number[][];
}

function groupBySet(indices: number[], setOf: (i: number) => AreaSet): Grouped {
  const at = new Map<number | string, number>();
  const grouped: Grouped = { sets: [], members: [] };
  for (const i of indices) {
    const set = setOf(i);
    const key = setKey(set);
    let g = at.get(key);
    if (g === undefined) {
      g = grouped.sets.length;
      at.set(key, g);
      grouped.sets.push(set);
      grouped.members.push([]);
    }
    grouped.members[g]!.push(i);
  }
  return grouped;
}

function addSharedUnchosen(problem: Problem, net: FlowNetwork, menteeBase: number, mentorBase: number): void {
  const openMentors: number[] = [];
  for (let j = 0; j < problem.mentors.length; j++) if (problem.free[j]! > 0) openMentors.push(j);
  const structured: number[] = [];
  for (let i = 0; i < problem.mentees.length; i++) if (usesSharedStructure(problem, i)) structured.push(i);
  const groups = groupBySet(openMentors, (j) => problem.expertise[j]!);
  const classes = groupBySet(structured, (i) => problem.needs[i]!);

  // Hubs: the distinct non-empty intersections; which classes enter each, which groups it reaches.
  const hubAt = new Map<number | string, number>();
  const hubSize: number[] = [];
  const hubGroups: number[][] = [];
  const classHubs: number[][] = classes.sets.map(() => []);
  const linked = new Set<number>();
  const G = groups.sets.length;
  const oneWord = problem.needs[0]?.length === 1;
  classes.sets.forEach((needs, h) => {
    const entered = new Set<number>();
    groups.sets.forEach((expertise, g) => {
      let key: number | string;
      if (oneWord) {
        key = (needs[0]! & expertise[0]!) >>> 0;
        if (key === 0) return;
      } else {
        const both = needs.map((word, w) => (word & expertise[w]!) >>> 0);
        if (both.every((word) => word === 0)) return;
        key = setKey(both);
      }
      let hub = hubAt.get(key);
      if (hub === undefined) {
        hub = hubSize.length;
        hubAt.set(key, hub);
        hubSize.push(sharedCount(needs, expertise));
        hubGroups.push([]);
      }
      if (!entered.has(hub)) {
        entered.add(hub);
        classHubs[h]!.push(hub);
      }
      if (!linked.has(hub * G + g)) {
        linked.add(hub * G + g);
        hubGroups[hub]!.push(g);
      }
    });
  });

  const allow = problem.options.sameOrganisation === 'allow';
  const chains = hubGroups.map((gs) => {
    const mentors = gs.flatMap((g) => groups.members[g]!);
    return allow ? allChain(net, mentors, mentorBase) : serviceChains(problem, net, mentors, mentorBase);
  });

  const cost = new Float64Array(4);
  classes.members.forEach((members, h) => {
    for (const hub of classHubs[h]!) {
      pairCost(cost, 0, problem.maxShared - hubSize[hub]!);
      const chain = chains[hub]!;
      for (const i of members) {
        for (const entry of chain.entriesFor(problem.menteeOrg[i]!))
          net.addEdge(menteeBase + i, entry, 1, cost);
      }
    }
  });
}

interface Chain {
  /** Nodes a mentee of this library service enters to reach every allowed mentor of the hub. */
  entriesFor(org: number): number[];
}

function allChain(net: FlowNetwork, mentors: number[], mentorBase: number): Chain {
  const node = net.addNodes(1);
  for (const j of mentors) net.addEdge(node, mentorBase + j, UNBOUNDED, null);
  return { entriesFor: () => [node] };
}

function serviceChains(problem: Problem, net: FlowNetwork, mentors: number[], mentorBase: number): Chain {
  const sorted = [...mentors].sort((a, b) => problem.mentorOrg[a]! - problem.mentorOrg[b]! || a - b);
  const orgs: number[] = [];
  for (const j of sorted) {
    const org = problem.mentorOrg[j]!;
    if (orgs[orgs.length - 1] !== org) orgs.push(org);
  }
  const O = orgs.length;
  const prefix = net.addNodes(O);
  const suffix = net.addNodes(O);
  let k = -1;
  for (const j of sorted) {
    if (orgs[k] !== problem.mentorOrg[j]) k++;
    net.addEdge(prefix + k, mentorBase + j, UNBOUNDED, null);
    net.addEdge(suffix + k, mentorBase + j, UNBOUNDED, null);
  }
  for (let c = 1; c < O; c++) {
    net.addEdge(prefix + c, prefix + c - 1, UNBOUNDED, null);
    net.addEdge(suffix + c - 1, suffix + c, UNBOUNDED, null);
  }
  return {
    entriesFor(org) {
      let lo = 0;
      let hi = O;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (orgs[mid]! < org) lo = mid + 1;
        else hi = mid;
      }
      const entries: number[] = [];
      if (lo > 0) entries.push(prefix + lo - 1);
      const above = orgs[lo] === org ? lo + 1 : lo;
      if (above < O) entries.push(suffix + above);
      return entries;
    },
  };
}
