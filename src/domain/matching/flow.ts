import { type Network, noteResidual } from './network';

/**
 * Min-cost maximum flow, exact, over cost vectors of words compared lexicographically (costs.ts).
 *
 * Method: successive shortest paths in phases (primal–dual). A phase runs Dijkstra on reduced costs
 * until the sink is settled, moves the potential of every settled node by (its distance − the sink's),
 * then pushes as many paths as a depth-first search finds along arcs of zero reduced cost. Each path
 * pushed is a shortest one, so the flow stays of least cost for its value and ends as a maximum flow of
 * least cost. Costs start non-negative, so no Bellman–Ford is needed.
 *
 * Why the search stops at the sink. Every node nearer than the sink is settled by then. A node as near
 * as the sink but not settled would move by its distance − the sink's = 0: it keeps its potential, as
 * it would have had it been settled, so the potentials are those of a search that settles every such
 * node. Every reduced cost stays non-negative (an unsettled node is at least as far as the sink), so
 * any path of zero reduced cost is a shortest path, and such a path only passes nodes as near as the
 * sink: the push needs no list of them. Near the end of a solve most nodes are as near as the sink, and
 * settling them took most of the search (at 10,000 mentees, 712,000 nodes settled in all → 385,000).
 *
 * Sizes, which costs.ts relies on (B: a tier's bound on simple paths): the sink's potential never moves
 * (its own distance minus its own distance), so after a phase a settled node's potential is D(v) − D(t),
 * the real costs of two simple paths, and any other node keeps such a value from an earlier phase: at
 * most 2B. A settled distance is D(v) − π(v) + π(s), at most 5B; a candidate adds an arc's reduced cost
 * (at most 5B); no sum formed on the way exceeds 12B.
 */
export function maxFlowMinCost(net: Network, source: number, sink: number): number {
  return new Solver(net, source, sink).run();
}

class Solver {
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly seenAt: Int32Array;
  private readonly doneAt: Int32Array;
  private readonly settled: Int32Array;
  private settledCount = 0;
  private readonly stack: Int32Array;
  private stacked = 0;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private heapSize = 0;
  private readonly cursor: Int32Array;
  private readonly cursorAt: Int32Array;
  private readonly deadAt: Int32Array;
  private readonly onPath: Uint8Array;
  private readonly pathArcs: Int32Array;
  private stamp = 0;

  constructor(
    private readonly net: Network,
    private readonly source: number,
    private readonly sink: number,
  ) {
    const n = net.nodes;
    this.potential = new Float64Array(n * net.words);
    this.dist = new Float64Array(n * net.words);
    this.seenAt = new Int32Array(n);
    this.doneAt = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n);
    this.cursor = new Int32Array(n);
    this.cursorAt = new Int32Array(n);
    this.deadAt = new Int32Array(n);
    this.onPath = new Uint8Array(n);
    this.pathArcs = new Int32Array(n);
  }

  run(): number {
    // No flow can exceed what leaves the source or enters the sink. Once it is that much there is no
    // augmenting path, and the search that would prove it (the largest of all: it reaches everything
    // it can) is skipped.
    const most = Math.min(this.capacityOut(this.source), this.capacityIn(this.sink));
    let total = 0;
    while (total < most && this.shortestPaths()) {
      const pushed = this.pushShortestPaths();
      if (pushed === 0) throw new Error('matching: no augmenting path along a shortest path tree');
      total += pushed;
    }
    return total;
  }

  /** The capacity of the arcs out of v, before any flow. */
  private capacityOut(v: number): number {
    const { first, reverseStart, residual } = this.net;
    let sum = 0;
    for (let p = first[v]!; p < reverseStart[v]!; p++) sum += residual[p]!;
    return sum;
  }

  /** The capacity of the arcs into v, before any flow: the arcs whose reverse arcs start at v. */
  private capacityIn(v: number): number {
    const { first, reverseStart, order, mate, residual } = this.net;
    let sum = 0;
    for (let p = reverseStart[v]!; p < first[v + 1]!; p++) sum += residual[mate[order[p]!]!]!;
    return sum;
  }

  /**
   * Dijkstra on reduced costs. A node reached by an arc of zero reduced cost has the distance of the
   * node being settled, the least there is, so it is final at once and goes on a stack instead of the
   * heap: most nodes are reached that way. The search stops when the sink is settled (why that is
   * enough: the comment at the top), then shifts potentials so the shortest paths cost zero.
   */
  private shortestPaths(): boolean {
    const { dist, potential: pot, doneAt, settled, stack } = this;
    const K = this.net.words;
    const stamp = ++this.stamp;
    const s = this.source;
    const t = this.sink;
    const tb = t * K;
    for (let k = 0; k < K; k++) dist[s * K + k] = 0;
    this.seenAt[s] = stamp;
    doneAt[s] = stamp;
    stack[0] = s;
    this.stacked = 1;
    this.heapSize = 0;
    this.settledCount = 0;
    let reached = false;
    for (;;) {
      let u: number;
      if (this.stacked > 0) u = stack[--this.stacked]!;
      else if (this.heapSize > 0) {
        u = this.pop();
        doneAt[u] = stamp;
      } else break;
      if (u === t) {
        reached = true;
        break;
      }
      settled[this.settledCount++] = u;
      this.scan(u);
    }
    if (!reached) return false;
    for (let i = 0; i < this.settledCount; i++) {
      const vb = settled[i]! * K;
      for (let k = 0; k < K; k++) pot[vb + k]! += dist[vb + k]! - dist[tb + k]!;
    }
    return true;
  }

  /**
   * Relaxes the arcs out of u, just settled. A function of its own, small, so that the engine compiles
   * it to machine code early: it runs for every settled node.
   */
  private scan(u: number): void {
    const { dist, potential: pot, seenAt, doneAt, stack, stamp } = this;
    const { first, last, order, head, residual, cost, words: K } = this.net;
    const ub = u * K;
    for (let p = first[u]!, end = last[u]!; p < end; p++) {
      const a = order[p]!;
      if (residual[a] === 0) continue;
      const v = head[a]!;
      if (doneAt[v] === stamp) continue;
      const vb = v * K;
      const ab = a * K;
      let zero = true;
      for (let k = 0; k < K; k++) {
        if (cost[ab + k]! + pot[ub + k]! - pot[vb + k]! !== 0) {
          zero = false;
          break;
        }
      }
      if (zero) {
        for (let k = 0; k < K; k++) dist[vb + k] = dist[ub + k]!;
        this.unqueue(v);
        seenAt[v] = stamp;
        doneAt[v] = stamp;
        stack[this.stacked++] = v;
        continue;
      }
      const fresh = seenAt[v] !== stamp;
      let better = fresh;
      if (!fresh) {
        for (let k = 0; k < K; k++) {
          const candidate = dist[ub + k]! + cost[ab + k]! + pot[ub + k]! - pot[vb + k]!;
          const known = dist[vb + k]!;
          if (candidate !== known) {
            better = candidate < known;
            break;
          }
        }
      }
      if (!better) continue;
      for (let k = 0; k < K; k++) dist[vb + k] = dist[ub + k]! + cost[ab + k]! + pot[ub + k]! - pot[vb + k]!;
      this.queue(v, fresh);
    }
  }

  // The heap operations of scan() go through one call each, whatever the case, so that the machine
  // code the engine makes for scan() early on has seen them all (a case first met later would undo it).

  /** Puts v in the heap, or moves it up after its distance fell. */
  private queue(v: number, fresh: boolean): void {
    if (fresh) {
      this.seenAt[v] = this.stamp;
      this.push(v);
    } else {
      this.siftUp(this.heapPos[v]!);
    }
  }

  /** Takes v out of the heap if it is there. */
  private unqueue(v: number): void {
    if (this.seenAt[v] === this.stamp) this.remove(this.heapPos[v]!);
  }

  /**
   * Pushes paths along zero-reduced-cost arcs until a depth-first search with
   * current-arc pointers finds none. Nodes on the current path are skipped, so a path or two may be left
   * for the next phase (whose Dijkstra then finds distance zero); every path pushed is a shortest path.
   */
  private pushShortestPaths(): number {
    const { cursor, cursorAt, deadAt, onPath, pathArcs } = this;
    const { net } = this;
    const { first, head, mate, residual } = net;
    const stamp = this.stamp;
    const s = this.source;
    const t = this.sink;
    let pushed = 0;
    for (;;) {
      let v = s;
      let depth = 0;
      onPath[s] = 1;
      while (v !== t) {
        if (cursorAt[v] !== stamp) {
          cursorAt[v] = stamp;
          cursor[v] = first[v]!;
        }
        const next = this.nextArc(v);
        if (next >= 0) {
          pathArcs[depth++] = next;
          v = head[next]!;
          onPath[v] = 1;
          continue;
        }
        deadAt[v] = stamp;
        onPath[v] = 0;
        if (v === s) return pushed;
        v = head[mate[pathArcs[--depth]!]!]!;
        cursor[v]!++;
      }
      let amount = residual[pathArcs[0]!]!;
      for (let i = 1; i < depth; i++) amount = Math.min(amount, residual[pathArcs[i]!]!);
      for (let i = 0; i < depth; i++) {
        const a = pathArcs[i]!;
        residual[a]! -= amount;
        residual[mate[a]!]! += amount;
        noteResidual(net, a);
        noteResidual(net, mate[a]!);
        onPath[head[a]!] = 0;
      }
      onPath[s] = 0;
      pushed += amount;
    }
  }

  /**
   * The next arc out of v, from its current-arc pointer on, that has room, zero reduced cost and leads to
   * a node not known dead and not on the path; -1 when none is left.
   */
  private nextArc(v: number): number {
    const { cursor, deadAt, onPath, stamp, potential: pot } = this;
    const { last, order, head, residual, cost, words: K } = this.net;
    const vb = v * K;
    for (; cursor[v]! < last[v]!; cursor[v]!++) {
      const a = order[cursor[v]!]!;
      const w = head[a]!;
      if (residual[a] === 0 || deadAt[w] === stamp || onPath[w] === 1) continue;
      const wb = w * K;
      let k = 0;
      while (k < K && cost[a * K + k]! + pot[vb + k]! - pot[wb + k]! === 0) k++;
      if (k === K) return a;
    }
    return -1;
  }

  private less(a: number, b: number): boolean {
    const { dist } = this;
    const K = this.net.words;
    for (let k = 0; k < K; k++) {
      const x = dist[a * K + k]!;
      const y = dist[b * K + k]!;
      if (x !== y) return x < y;
    }
    return false;
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

  /** Takes the node at heap position i out of the heap. */
  private remove(i: number): void {
    const last = this.heap[--this.heapSize]!;
    if (i === this.heapSize) return;
    this.heap[i] = last;
    this.heapPos[last] = i;
    this.siftUp(i);
    this.siftDown(this.heapPos[last]!);
  }

  private siftUp(from: number): void {
    const { heap, heapPos } = this;
    const v = heap[from]!;
    let i = from;
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

  private siftDown(from: number): void {
    const { heap, heapPos } = this;
    const size = this.heapSize;
    const v = heap[from]!;
    let i = from;
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
