/**
 * Arc costs of the flow network. A maximum flow already matches the most mentees; the tiers below that
 * become costs to minimise, all non-negative whole numbers:
 *
 *   notFirst, notSecond, notThird  a pair costs 1 in each of these that it is not (a 1st choice: 0, 1, 1)
 *   idle      (balance) every place but the first of a mentor without locks costs 1, so the flow pays
 *             (mentees matched − mentors used): with the number matched fixed, fewest idle mentors
 *   crowding  (balance) the k-th mentee of a mentor (locks counted) costs k − 1: Σ L(L − 1)/2, which with
 *             the number matched fixed is least exactly when Σ L² (the squaredLoads tier) is least
 *   unshared  maxShared − the areas the pair shares
 *
 * Why words. Weighting the tiers into one number (tier k worth more than everything below it) stays
 * exact only while the numbers stay below 2^53, which six tiers at 10,000 mentees pass. So consecutive
 * tiers are packed, as a mixed-radix number, into a word while that is provably exact, and the solver
 * compares vectors of words lexicographically: one word at 1,000 mentees, two at 10,000.
 *
 * Why the packing is exact. Let B_l bound |tier-l cost| of any simple path or simple cycle in any
 * residual network of the flow, and give tier l the radix R_l = B_l + 1 (weights W: the last tier of a
 * word weighs 1, each one before it R times the next).
 * - Faithful: a flow is optimal for the tiers exactly when its residual network has no simple cycle that
 *   is lexicographically negative (the difference to a better flow splits into cycles). A simple cycle's
 *   word Σ c_l W_l has the sign of its first non-zero tier, since the tiers after it add at most
 *   Σ (R_m − 1) W_m = W_l − 1 in size. So optimal for the words ⇔ optimal for the tiers.
 * - Exact: every number the solver forms is per tier at most 12 B_l in size (flow.ts says why), so at
 *   most 12 Π R_l per word. A word holds tiers while Π R_l ≤ 2^48, and 12 · 2^48 < 2^53.
 * - The bounds: a simple path or cycle passes a mentee once, in and out through arcs of its own, and
 *   pair costs sit only on a mentee's arcs and its gateway's (shared.ts: the choice tiers on the arc
 *   into the gateway, the shared areas on the arcs out of it), so a mentee adds at most one pair's cost
 *   to a choice tier and two to the shared areas; every mentee on it but one enters through an arc
 *   carrying flow, so there are at most matchable + 1. It passes the sink once, so it adds at most one
 *   place's cost (or the difference of two).
 */

export const FLOW_TIERS = 6;
const NOT_FIRST = 0;
const IDLE = 3;
const CROWDING = 4;
const UNSHARED = 5;
const WORD_LIMIT = 2 ** 48;

export interface CostBounds {
  /** The most mentees the flow can match: a bound on the matched mentees on any path. */
  matchable: number;
  /** The most areas a pair can share. */
  maxShared: number;
  /** The largest crowding cost of any place: the most mentees a mentor can have, minus one. */
  crowding: number;
  balance: boolean;
}

export class CostScheme {
  readonly words: number;
  private readonly wordOf = new Int32Array(FLOW_TIERS);
  private readonly weight = new Float64Array(FLOW_TIERS);

  constructor(bounds: CostBounds) {
    const mentees = bounds.matchable + 1;
    const bound = [
      mentees,
      mentees,
      mentees,
      bounds.balance ? 1 : 0,
      bounds.balance ? bounds.crowding : 0,
      2 * bounds.maxShared * mentees,
    ];
    const groups: number[][] = [];
    let product = Number.POSITIVE_INFINITY;
    for (let l = 0; l < FLOW_TIERS; l++) {
      const radix = bound[l]! + 1;
      if (radix === 1) continue; // every cost in this tier is 0: it needs no room
      if (radix > WORD_LIMIT) throw new RangeError('matching instance too large for exact costs');
      if (product * radix > WORD_LIMIT) {
        groups.push([]);
        product = 1;
      }
      groups[groups.length - 1]!.push(l);
      product *= radix;
    }
    groups.forEach((tiers, word) => {
      let weight = 1;
      for (let i = tiers.length - 1; i >= 0; i--) {
        const l = tiers[i]!;
        this.wordOf[l] = word;
        this.weight[l] = weight;
        weight *= bound[l]! + 1;
      }
    });
    this.words = Math.max(1, groups.length);
  }

  /** The words of a pair's cost: rank 1–3 for a choice, 0 for a mentor the mentee did not choose. */
  pair(out: Float64Array, rank: number, unshared: number): Float64Array {
    out.fill(0);
    for (let r = 1; r <= 3; r++) if (rank !== r) this.add(out, NOT_FIRST + r - 1, 1);
    this.add(out, UNSHARED, unshared);
    return out;
  }

  /** The words of the shared-areas part of a pair's cost alone. */
  unshared(out: Float64Array, unshared: number): Float64Array {
    out.fill(0);
    this.add(out, UNSHARED, unshared);
    return out;
  }

  /** The words of the cost of a mentor's `place`-th mentee (1-based, locks counted). */
  place(out: Float64Array, place: number): Float64Array {
    out.fill(0);
    if (place > 1) this.add(out, IDLE, 1);
    this.add(out, CROWDING, place - 1);
    return out;
  }

  private add(out: Float64Array, tier: number, units: number): void {
    out[this.wordOf[tier]!]! += units * this.weight[tier]!;
  }
}
