/**
 * A flow network in flat typed arrays: no object per arc, and after `freeze()` each node's residual
 * arcs lie next to each other, so the solver reads them in order from memory: first the arcs it sends
 * along, then the reverse arcs of those it receives along. A reverse arc is usable only while its arc
 * carries flow, which few do, so the reverse arcs are kept in an order with the usable ones first, and
 * the solver reads each node's arcs up to `last[v]` only.
 */

/** Capacity for arcs that should never be the bottleneck. */
export const UNBOUNDED = 0x3fffffff;

export interface Network {
  readonly nodes: number;
  /** Cost words per arc (see costs.ts). */
  readonly words: number;
  /** The residual arcs of node v sit at first[v] … first[v + 1] − 1, its reverse arcs from reverseStart[v]. */
  readonly first: Int32Array;
  readonly reverseStart: Int32Array;
  /** order[p]: the arc at position p; the forward arcs sit at their own position. */
  readonly order: Int32Array;
  /** where[a]: the position of arc a in `order`. */
  readonly where: Int32Array;
  /** The end of node v's arcs that can carry flow: its forward arcs and the reverse arcs in use. */
  readonly last: Int32Array;
  readonly head: Int32Array;
  /** The arc in the opposite direction: flow on one is residual capacity on the other. */
  readonly mate: Int32Array;
  readonly residual: Int32Array;
  /** Arc a's cost words are cost[a·words …]; a reverse arc costs the negation. */
  readonly cost: Float64Array;
  /** 1 for an arc as added, 0 for its reverse. */
  readonly forward: Uint8Array;
}

export class NetworkBuilder {
  private nodes = 0;
  private arcs = 0;
  private tail: Int32Array;
  private head: Int32Array;
  private cap: Int32Array;
  private cost: Float64Array;

  /** `expectedArcs`: room to start with, so the arrays seldom need to grow. */
  constructor(
    private readonly words: number,
    expectedArcs = 1024,
  ) {
    const size = Math.max(16, expectedArcs);
    this.tail = new Int32Array(size);
    this.head = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.cost = new Float64Array(size * words);
  }

  addNodes(count: number): number {
    const first = this.nodes;
    this.nodes += count;
    return first;
  }

  /** Adds u → v; `cost` holds the arc's words (none: free). */
  addArc(u: number, v: number, cap: number, cost: Float64Array | null): void {
    if (this.arcs === this.tail.length) this.grow();
    const a = this.arcs++;
    this.tail[a] = u;
    this.head[a] = v;
    this.cap[a] = cap;
    if (cost) for (let k = 0; k < this.words; k++) this.cost[a * this.words + k] = cost[k]!;
  }

  freeze(): Network {
    const { nodes, arcs, words, tail, head, cap, cost } = this;
    const first = new Int32Array(nodes + 1);
    const outgoing = new Int32Array(nodes);
    for (let a = 0; a < arcs; a++) {
      outgoing[tail[a]!]!++;
      first[tail[a]! + 1]!++;
      first[head[a]! + 1]!++;
    }
    for (let v = 0; v < nodes; v++) first[v + 1]! += first[v]!;
    const fill = first.slice(0, nodes);
    const reverseStart = new Int32Array(nodes);
    for (let v = 0; v < nodes; v++) reverseStart[v] = first[v]! + outgoing[v]!;
    const fillBack = reverseStart.slice();
    const size = 2 * arcs;
    const order = new Int32Array(size);
    for (let p = 0; p < size; p++) order[p] = p;
    const net = {
      nodes,
      words,
      first,
      reverseStart,
      order,
      where: order.slice(),
      last: reverseStart.slice(),
      head: new Int32Array(size),
      mate: new Int32Array(size),
      residual: new Int32Array(size),
      cost: new Float64Array(size * words),
      forward: new Uint8Array(size),
    };
    for (let a = 0; a < arcs; a++) {
      const out = fill[tail[a]!]!++;
      const back = fillBack[head[a]!]!++;
      net.head[out] = head[a]!;
      net.head[back] = tail[a]!;
      net.mate[out] = back;
      net.mate[back] = out;
      net.residual[out] = cap[a]!;
      net.forward[out] = 1;
      for (let k = 0; k < words; k++) {
        const c = cost[a * words + k]!;
        net.cost[out * words + k] = c;
        net.cost[back * words + k] = -c;
      }
    }
    return net;
  }

  private grow(): void {
    const size = this.tail.length * 2;
    const more = <T extends Int32Array | Float64Array>(from: T, length: number): T => {
      const to = new (from.constructor as new (n: number) => T)(length);
      to.set(from);
      return to;
    };
    this.tail = more(this.tail, size);
    this.head = more(this.head, size);
    this.cap = more(this.cap, size);
    this.cost = more(this.cost, size * this.words);
  }
}

/** Call after changing arc a's residual capacity: keeps node v's usable reverse arcs first. */
export function noteResidual(net: Network, a: number): void {
  if (net.forward[a] === 1) return;
  const v = net.head[net.mate[a]!]!;
  const p = net.where[a]!;
  const usable = net.residual[a]! > 0;
  if (usable === p < net.last[v]!) return;
  // Swap a with the first unusable reverse arc (to become usable) or the last usable one (to stop).
  const q = usable ? net.last[v]! : net.last[v]! - 1;
  const b = net.order[q]!;
  net.order[q] = a;
  net.order[p] = b;
  net.where[a] = q;
  net.where[b] = p;
  net.last[v]! += usable ? 1 : -1;
}
