import { type AreaSet, bitCount, popcount, setKey, sharedCount } from './areas';
import type { Arcs } from './build';
import { type NetworkBuilder, UNBOUNDED } from './network';
import type { Problem } from './problem';

/**
 * Pairs a mentee did not choose, without one arc per pair (which would be mentees × mentors arcs).
 *
 * Unchosen pairs differ only in shared areas and the library-service rule. For every set S that is the
 * intersection of some mentee's needs with some mentor's expertise there is a hub; a mentee reaches hub
 * S (S ⊆ needs) at the cost of an unchosen pair sharing |S| areas, and the hub reaches, at no cost, the
 * mentors whose expertise contains S (S ⊆ expertise). Every route from mentee i to mentor j therefore
 * costs at least the true cost of the pair, and the route through S = needs_i ∩ expertise_j costs
 * exactly that, so the optimum is unchanged and any split of an optimal flow into mentee → mentor paths
 * pairs people at their true cost.
 *
 * The library-service rule is kept by two chains per hub over the hub's mentors sorted by service:
 * prefix node k reaches services 0..k, suffix node k reaches services k..end. A mentee of service o
 * enters the prefix chain just below o and the suffix chain just above it.
 */
export function addSharedUnchosen({ problem, b, scheme, menteeBase, mentorBase, ownArcs }: Arcs): void {
  const open: number[] = [];
  for (let j = 0; j < problem.mentors.length; j++) if (problem.free[j]! > 0) open.push(j);
  const structured: number[] = [];
  for (let i = 0; i < problem.mentees.length; i++)
    if (problem.lockedTo[i]! < 0 && ownArcs[i] === 0) structured.push(i);
  const groups = groupBySet(open, problem.expertise);
  const classes = groupBySet(structured, problem.needs);
  const hubs = findHubs(classes.sets, groups.sets);

  const allow = problem.options.sameOrganisation === 'allow';
  const chains = hubs.groups.map((gs) => {
    const mentors = gs.flatMap((g) => groups.members[g]!);
    return allow ? new OpenChain(b, mentors, mentorBase) : new ServiceChains(problem, b, mentors, mentorBase);
  });

  // Each mentee reaches the hubs through a gateway node that carries the cost of not being chosen, so
  // while the flow only uses chosen pairs the solver never looks at the hubs beyond it.
  const cost = new Float64Array(scheme.words);
  const gateway = new Int32Array(problem.mentees.length);
  classes.members.forEach((members, h) => {
    if (hubs.ofClass[h]!.length === 0) return;
    scheme.pair(cost, 0, 0);
    for (const i of members) {
      gateway[i] = b.addNodes(1);
      b.addArc(menteeBase + i, gateway[i]!, 1, cost);
    }
  });
  const entries = new Int32Array(2);
  classes.members.forEach((members, h) => {
    for (const hub of hubs.ofClass[h]!) {
      scheme.unshared(cost, problem.maxShared - hubs.shared[hub]!);
      const chain = chains[hub]!;
      for (const i of members) {
        const count = chain.entries(problem.menteeOrg[i]!, entries);
        for (let e = 0; e < count; e++) b.addArc(gateway[i]!, entries[e]!, 1, cost);
      }
    }
  });
}

interface Grouped {
  sets: AreaSet[];
  members: number[][];
}

/** People grouped by equal area sets, each group in the order its people come. */
function groupBySet(people: number[], setOf: AreaSet[]): Grouped {
  const at = new Map<number | string, number>();
  const grouped: Grouped = { sets: [], members: [] };
  for (const p of people) {
    const set = setOf[p]!;
    const key = setKey(set);
    let g = at.get(key);
    if (g === undefined) {
      g = grouped.sets.length;
      at.set(key, g);
      grouped.sets.push(set);
      grouped.members.push([]);
    }
    grouped.members[g]!.push(p);
  }
  return grouped;
}

interface Hubs {
  /** Areas in each hub's set. */
  shared: number[];
  /** The mentor groups each hub reaches. */
  groups: number[][];
  /** The hubs each mentee class enters. */
  ofClass: number[][];
}

/**
 * The hubs: every non-empty S ⊆ needs of some class with S ⊆ expertise of some group, each reaching the
 * groups whose expertise contains it. Any S = needs ∩ expertise is among them (the exact route), and
 * every route they give costs at least the true cost. With few areas per person (one word of bits) they
 * are found by listing small subsets; otherwise by intersecting every class with every group.
 */
function findHubs(needSets: AreaSet[], expertiseSets: AreaSet[]): Hubs {
  const oneWord = needSets.every((set) => set.length === 1);
  const subsets = (mask: number, most: number) => subsetsUpTo(mask, most, SUBSET_LIMIT);
  let mostNeeds = 0;
  for (const needs of needSets) mostNeeds = Math.max(mostNeeds, popcount(needs));
  const fromClasses = oneWord ? needSets.map((needs) => subsets(needs[0]!, mostNeeds)) : [];
  const fromGroups = oneWord ? expertiseSets.map((expertise) => subsets(expertise[0]!, mostNeeds)) : [];
  if (!oneWord || fromClasses.includes(null) || fromGroups.includes(null))
    return pairwiseHubs(needSets, expertiseSets);

  const hubs: Hubs = { shared: [], groups: [], ofClass: needSets.map(() => []) };
  const hubAt = new Map<number, number>();
  fromGroups.forEach((masks, g) => {
    for (const mask of masks!) {
      let hub = hubAt.get(mask);
      if (hub === undefined) {
        hub = hubs.shared.length;
        hubAt.set(mask, hub);
        hubs.shared.push(bitCount(mask));
        hubs.groups.push([]);
      }
      hubs.groups[hub]!.push(g);
    }
  });
  fromClasses.forEach((masks, h) => {
    for (const mask of masks!) {
      const hub = hubAt.get(mask);
      if (hub !== undefined) hubs.ofClass[h]!.push(hub);
    }
  });
  return hubs;
}

/** Beyond this many subsets for one person, intersecting every pair of sets is cheaper. */
const SUBSET_LIMIT = 256;

/**
 * The non-empty subsets of `mask` with at most `most` bits, largest first (the order numbers the hubs,
 * and so which of several equally good matchings is returned), or null when there are more than `limit`.
 * Built bit by bit rather than by walking every subset of the mask, most of which have too many bits.
 */
function subsetsUpTo(mask: number, most: number, limit: number): number[] | null {
  const bits: number[] = [];
  for (let rest = mask >>> 0; rest !== 0; rest = (rest & (rest - 1)) >>> 0) bits.push((rest & -rest) >>> 0);
  const out: number[] = [];
  // Each subset once: a subset grows only by bits after the last one it has.
  const grow = (sub: number, from: number, size: number): boolean => {
    for (let k = from; k < bits.length; k++) {
      const next = (sub | bits[k]!) >>> 0;
      out.push(next);
      if (out.length > limit) return false;
      if (size + 1 < most && !grow(next, k + 1, size + 1)) return false;
    }
    return true;
  };
  if (!grow(0, 0, 0)) return null;
  return Array.from(Uint32Array.from(out).sort().reverse());
}

/** The hubs by intersecting every class's needs with every group's expertise. */
function pairwiseHubs(needSets: AreaSet[], expertiseSets: AreaSet[]): Hubs {
  const hubs: Hubs = { shared: [], groups: [], ofClass: needSets.map(() => []) };
  const hubAt = new Map<number | string, number>();
  const enteredBy: number[] = [];
  const linked = new Set<number>();
  const G = expertiseSets.length;
  needSets.forEach((needs, h) => {
    const both = new Uint32Array(needs.length);
    for (let g = 0; g < G; g++) {
      const expertise = expertiseSets[g]!;
      let any = 0;
      for (let w = 0; w < both.length; w++) any |= both[w] = (needs[w]! & expertise[w]!) >>> 0;
      if (any === 0) continue;
      const key = setKey(both);
      let hub = hubAt.get(key);
      if (hub === undefined) {
        hub = hubs.shared.length;
        hubAt.set(key, hub);
        hubs.shared.push(sharedCount(needs, expertise));
        hubs.groups.push([]);
        enteredBy.push(-1);
      }
      if (enteredBy[hub] !== h) {
        enteredBy[hub] = h;
        hubs.ofClass[h]!.push(hub);
      }
      if (!linked.has(hub * G + g)) {
        linked.add(hub * G + g);
        hubs.groups[hub]!.push(g);
      }
    }
  });
  return hubs;
}

interface Chain {
  /** Writes the nodes a mentee of this library service enters to reach every allowed mentor; returns how many. */
  entries(org: number, out: Int32Array): number;
}

/** sameOrganisation 'allow': one node reaching all of the hub's mentors. */
class OpenChain implements Chain {
  private readonly node: number;

  constructor(b: NetworkBuilder, mentors: number[], mentorBase: number) {
    this.node = b.addNodes(1);
    for (const j of mentors) b.addArc(this.node, mentorBase + j, UNBOUNDED, null);
  }

  entries(_org: number, out: Int32Array): number {
    out[0] = this.node;
    return 1;
  }
}

class ServiceChains implements Chain {
  private readonly orgs: Int32Array;
  private readonly prefix: number;
  private readonly suffix: number;

  constructor(problem: Problem, b: NetworkBuilder, mentors: number[], mentorBase: number) {
    const org = problem.mentorOrg;
    const sorted = [...mentors].sort((x, y) => org[x]! - org[y]! || x - y);
    const orgs: number[] = [];
    for (const j of sorted) if (orgs[orgs.length - 1] !== org[j]) orgs.push(org[j]!);
    this.orgs = Int32Array.from(orgs);
    const O = orgs.length;
    this.prefix = b.addNodes(O);
    this.suffix = b.addNodes(O);
    let k = -1;
    for (const j of sorted) {
      if (orgs[k] !== org[j]) k++;
      b.addArc(this.prefix + k, mentorBase + j, UNBOUNDED, null);
      b.addArc(this.suffix + k, mentorBase + j, UNBOUNDED, null);
    }
    for (let c = 1; c < O; c++) {
      b.addArc(this.prefix + c, this.prefix + c - 1, UNBOUNDED, null);
      b.addArc(this.suffix + c - 1, this.suffix + c, UNBOUNDED, null);
    }
  }

  entries(org: number, out: Int32Array): number {
    const { orgs } = this;
    let lo = 0;
    let hi = orgs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (orgs[mid]! < org) lo = mid + 1;
      else hi = mid;
    }
    let count = 0;
    if (lo > 0) out[count++] = this.prefix + lo - 1;
    const above = orgs[lo] === org ? lo + 1 : lo;
    if (above < orgs.length) out[count++] = this.suffix + above;
    return count;
  }
}
