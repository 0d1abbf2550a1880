/**
 * Min-cost max-flow with exact lexicographic costs.
 *
 * Why tuples: the objective has five tiers. Folding them into one float with weights like (n+1)^k
 * overflows 2^53 beyond a few thousand mentees. Here every edge cost is a vector of COST_DIM small
 * integers compared lexicographically (ℤ^4 under lexicographic order is a totally ordered group, so
 * Dijkstra, potentials and reduced costs work unchanged). Components stay tiny: an edge's component is
 * at most the largest number of needs, and a distance or potential is a sum over one simple path, so
 * |value| ≤ nodes × maxShared, far inside the exact range of a double at any realistic size.
 * The first tier (most mentees matched) needs no component: a max flow is reached anyway.
 *
 * Method: successive shortest paths in phases (primal–dual). Each phase runs Dijkstra on reduced costs
 * (stopping when the sink is settled), updates the potentials, then pushes as many unit paths as it
 * can along edges of zero reduced cost (a blocking flow, Dinic style). Every augmenting path is a
 * shortest path, so after each phase the flow is of least cost for its value, and at the end a
 * maximum flow of least cost. All costs start non-negative, so no Bellman–Ford is needed.
 */

export const COST_DIM = 4;
/** Capacity used for edges that should never be the bottleneck. */
export const UNBOUNDED = 0x3fffffff;

export class FlowNetwork {
  private nodes = 0;
  private readonly heads: number[] = [];
  private readonly tails: number[] = [];
  private readonly caps: number[] = [];
  private readonly costs: number[] = [];
  private solved: Solved | null = null;

  addNodes(count: number): number {
    const first = this.nodes;
    this.nodes += count;
    return first;
  }

  get nodeCount(): number {
    return this.nodes;
  }

  /** Adds u → v; returns the edge id (its residual twin is id ^ 1). `cost` has COST_DIM entries. */
  addEdge(u: number, v: number, cap: number, cost: ArrayLike<number> | null): number {
    const id = this.tails.length;
    this.tails.push(u, v);
    this.heads.push(v, u);
    this.caps.push(cap, 0);
    for (let k = 0; k < COST_DIM; k++) this.costs.push(cost ? cost[k]! : 0);
    for (let k = 0; k < COST_DIM; k++) this.costs.push(cost ? -cost[k]! : 0);
    return id;
  }

  get edgeCount(): number {
    return this.tails.length >> 1;
  }

  /** Runs min-cost max-flow from s to t; returns the flow value. */
  solve(s: number, t: number): number {
    const solved = new Solved(this.nodes, this.tails, this.heads, this.caps, this.costs);
    this.solved = solved;
    return solved.run(s, t);
  }

  /** Units of flow on edge `id` after solve(). */
  flow(id: number): number {
    if (!this.solved) throw new Error('flow() before solve()');
    return this.solved.residual[id ^ 1]!;
  }

  /** Forward edge ids leaving node v (after solve()). */
  edgesFrom(v: number): Int32Array {
    if (!this.solved) throw new Error('edgesFrom() before solve()');
    const { start, adjacency } = this.solved;
    return adjacency.subarray(start[v]!, start[v + 1]!);
  }

  head(id: number): number {
    return this.heads[id]!;
  }
}

class Solved {
  readonly start: Int32Array;
  readonly adjacency: Int32Array;
  readonly residual: Int32Array;
  private readonly head: Int32Array;
  private readonly cost: Float64Array;
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly seenAt: Int32Array;
  private readonly doneAt: Int32Array;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private heapSize = 0;
  private stamp = 0;

  constructor(
    private readonly n: number,
    tails: number[],
    heads: number[],
    caps: number[],
    costs: number[],
  ) {
    const m = tails.length;
    this.head = Int32Array.from(heads);
    this.residual = Int32Array.from(caps);
    this.cost = Float64Array.from(costs);
    this.start = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) this.start[tails[e]! + 1]!++;
    for (let v = 0; v < n; v++) this.start[v + 1]! += this.start[v]!;
    const fill = this.start.slice(0, n);
    this.adjacency = new Int32Array(m);
    for (let e = 0; e < m; e++) this.adjacency[fill[tails[e]!]!++] = e;
    this.potential = new Float64Array(n * COST_DIM);
    this.dist = new Float64Array(n * COST_DIM);
    this.seenAt = new Int32Array(n);
    this.doneAt = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n);
  }

  run(s: number, t: number): number {
    let total = 0;
    while (this.shortestPaths(s, t)) {
      const pushed = this.blockingFlow(s, t);
      if (pushed === 0) break; // cannot happen: the shortest path itself is admissible
      total += pushed;
    }
    return total;
  }

  /** Dijkstra on reduced costs; on reaching t, shifts potentials so shortest-path edges cost zero. */
  private shortestPaths(s: number, t: number): boolean {
    const D = COST_DIM;
    const { dist, potential: pot, cost, head, residual, start, adjacency, seenAt, doneAt } = this;
    const stamp = ++this.stamp;
    for (let k = 0; k < D; k++) dist[s * D + k] = 0;
    seenAt[s] = stamp;
    this.heapSize = 0;
    this.push(s);
    let reached = false;
    while (this.heapSize > 0) {
      const u = this.pop();
      doneAt[u] = stamp;
      if (u === t) {
        reached = true;
        break;
      }
      const ub = u * D;
      for (let a = start[u]!, end = start[u + 1]!; a < end; a++) {
        const e = adjacency[a]!;
        if (residual[e] === 0) continue;
        const v = head[e]!;
        if (doneAt[v] === stamp) continue;
        const vb = v * D;
        const eb = e * D;
        let better = seenAt[v] !== stamp;
        if (!better) {
          for (let k = 0; k < D; k++) {
            const cand = dist[ub + k]! + cost[eb + k]! + pot[ub + k]! - pot[vb + k]!;
            const cur = dist[vb + k]!;
            if (cand < cur) {
              better = true;
              break;
            }
            if (cand > cur) break;
          }
        }
        if (!better) continue;
        for (let k = 0; k < D; k++)
          dist[vb + k] = dist[ub + k]! + cost[eb + k]! + pot[ub + k]! - pot[vb + k]!;
        if (seenAt[v] !== stamp) {
          seenAt[v] = stamp;
          this.push(v);
        } else {
          this.siftUp(this.heapPos[v]!);
        }
      }
    }
    if (!reached) return false;
    const tb = t * D;
    for (let v = 0; v < this.n; v++) {
      if (doneAt[v] !== stamp) continue;
      for (let k = 0; k < D; k++) pot[v * D + k]! += dist[v * D + k]! - dist[tb + k]!;
    }
    return true;
  }

  private admissible(e: number, u: number, v: number): boolean {
    const D = COST_DIM;
    const { cost, potential: pot } = this;
    for (let k = 0; k < D; k++) if (cost[e * D + k]! + pot[u * D + k]! - pot[v * D + k]! !== 0) return false;
    return true;
  }

  /**
   * Pushes unit-or-more paths along zero-reduced-cost edges until none is found by a depth-first search
   * with current-arc pointers. Nodes on the current path are skipped, so a few paths may be left for the
   * next phase (whose Dijkstra then finds distance zero); every path pushed is still a shortest path.
   */
  private blockingFlow(s: number, t: number): number {
    const { start, adjacency, residual, head } = this;
    const cursor = start.slice(0, this.n);
    const dead = new Uint8Array(this.n);
    const onPath = new Uint8Array(this.n);
    const pathEdges: number[] = [];
    let total = 0;
    for (;;) {
      let v = s;
      onPath[s] = 1;
      pathEdges.length = 0;
      while (v !== t) {
        let next = -1;
        for (const end = start[v + 1]!; cursor[v]! < end; cursor[v]!++) {
          const e = adjacency[cursor[v]!]!;
          const w = head[e]!;
          if (residual[e]! > 0 && dead[w] === 0 && onPath[w] === 0 && this.admissible(e, v, w)) {
            next = e;
            break;
          }
        }
        if (next >= 0) {
          pathEdges.push(next);
          v = head[next]!;
          onPath[v] = 1;
          continue;
        }
        dead[v] = 1;
        onPath[v] = 0;
        if (v === s) return total;
        const back = pathEdges.pop()!;
        v = head[back ^ 1]!;
        cursor[v]!++;
      }
      let push = UNBOUNDED;
      for (const e of pathEdges) push = Math.min(push, residual[e]!);
      for (const e of pathEdges) {
        residual[e]! -= push;
        residual[e ^ 1]! += push;
        onPath[head[e]!] = 0;
      }
      onPath[s] = 0;
      total += push;
    }
  }

  private less(a: number, b: number): boolean {
    const D = COST_DIM;
    const { dist } = this;
    for (let k = 0; k < D; k++) {
      const x = dist[a * D + k]!;
      const y = dist[b * D + k]!;
      if (x !== y) return x < y;
    }
    return a < b; // ties by node id keep the search deterministic
  }

  private push(v: number): void {
    const i = this.heapSize++;
    this.heap[i] = v;
    this.heapPos[v] = i;
    this.siftUp(i);
  }

  private pop(): number {
    const { heap } = this;
    const top = heap[0]!;
    const last = heap[--this.heapSize]!;
    if (this.heapSize > 0) {
      heap[0] = last;
      this.heapPos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const { heap, heapPos } = this;
    const v = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p]!;
      if (!this.less(v, pv)) break;
      heap[i] = pv;
      heapPos[pv] = i;
      i = p;
    }
    heap[i] = v;
    heapPos[v] = i;
  }

  private siftDown(i: number): void {
    const { heap, heapPos } = this;
    const size = this.heapSize;
    const v = heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.less(heap[c + 1]!, heap[c]!)) c++;
      const cv = heap[c]!;
      if (!this.less(cv, v)) break;
      heap[i] = cv;
      heapPos[cv] = i;
      i = c;
    }
    heap[i] = v;
    heapPos[v] = i;
  }
}
