/**
 * Google OR-Tools' min-cost flow (C++, through its Python wrapper) as a peer: a Python script that the
 * benchmark writes next to the instances and runs as a whole process:
 *   python3 matching_ortools.py INSTANCE.json RESULT.json
 * Like the npm peers it sees every allowed pair as an arc (built with numpy). OR-Tools takes one 64-bit
 * cost per arc and multiplies costs by about the number of nodes inside, so the tiers are folded into
 * one number with radices that keep every simple cycle faithful (the bounds of src/domain/matching/
 * costs.ts); when the full objective does not fit, the script drops the balance tiers, then the shared
 * areas, and says which objective it solved.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether `python3 -c 'import ortools'` works here. */
export function ortoolsInstalled(): boolean {
  return spawnSync('python3', ['-c', 'import ortools'], { stdio: 'ignore' }).status === 0;
}

/** Writes the script into `dir`; returns its path. */
export function writeOrtoolsScript(dir: string): string {
  const path = join(dir, 'matching_ortools.py');
  writeFileSync(path, SCRIPT);
  return path;
}

const SCRIPT = `
import json, resource, sys
import numpy as np
from ortools.graph.python import min_cost_flow

def norm(text):
    return ' '.join(text.split()).lower()

def main(instance_path, out_path):
    inst = json.load(open(instance_path, encoding='utf-8'))
    mentors, mentees = inst['mentors'], inst['mentees']
    options = inst.get('options') or {}
    allow_unchosen = options.get('allowUnchosen', True)
    same_allowed = options.get('sameOrganisation', 'exclude') == 'allow'
    balance = options.get('balance', True)
    n, M = len(mentees), len(mentors)
    areas, orgs = {}, {}
    def mask(items):
        m = 0
        for a in set(norm(x) for x in items):
            m |= 1 << areas.setdefault(a, len(areas))
        return m
    expertise = np.array([mask(m.get('expertise', [])) for m in mentors], dtype=np.uint64)
    needs = np.array([mask(m.get('needs', [])) for m in mentees], dtype=np.uint64)
    if len(areas) > 64:
        raise SystemExit('more than 64 areas: not supported by this script')
    org_m = np.array([orgs.setdefault(norm(m['organisation']), len(orgs)) for m in mentors])
    org_e = np.array([orgs.setdefault(norm(m['organisation']), len(orgs)) for m in mentees])
    mentor_at = {m['id']: j for j, m in enumerate(mentors)}
    mentee_at = {m['id']: i for i, m in enumerate(mentees)}
    locked = np.full(n, -1)
    locks = np.zeros(M, dtype=np.int64)
    for lock in inst.get('locks') or []:
        i, j = mentee_at[lock['mentee']], mentor_at[lock['mentor']]
        locked[i] = j
        locks[j] += 1
    capacity = np.array([m['capacity'] for m in mentors], dtype=np.int64)
    free = capacity - locks
    rank = np.zeros((n, M), dtype=np.int8)
    for i, m in enumerate(mentees):
        for r, c in enumerate(m.get('choices', [])):
            rank[i, mentor_at[c]] = r + 1
    shared = np.bitwise_count(needs[:, None] & expertise[None, :]).astype(np.int64)
    allowed = (rank > 0) | ((shared > 0) & allow_unchosen)
    if not same_allowed:
        allowed &= org_e[:, None] != org_m[None, :]
    for x in inst.get('exclusions') or []:
        allowed[mentee_at[x['mentee']], mentor_at[x['mentor']]] = False
    allowed &= (locked < 0)[:, None]
    allowed &= (free > 0)[None, :]
    ei, mj = np.nonzero(allowed)
    r = rank[ei, mj].astype(np.int64)
    s_max = int(max((bin(int(x)).count('1') for x in needs), default=0))
    unlocked = int((locked < 0).sum())
    places = np.minimum(free, unlocked)
    P = int(min(unlocked, places.sum()))
    most = int(max(1, (locks + places).max(initial=1)))
    nodes = 2 + n + M

    def fold(tiers):
        # tiers: list of (bound, values); radices bound + 1, last tier weighs 1
        weight, weights = 1, []
        for bound, _ in reversed(tiers):
            weights.append(weight)
            weight *= bound + 1
        return weight, list(reversed(weights))

    choice = [(P + 1, [(r != k).astype(np.int64) for k in (1, 2, 3)])]
    objectives = [
        ('full objective', [0, 1, 2, 3, 4, 5, 6], True, True),
        ('objective without balance', [0, 1, 2, 3, 6], False, True),
        ('objective without balance or shared areas', [0, 1, 2, 3], False, False),
    ]
    limit = 2 ** 62 // (nodes + 1)
    for label, compared, with_balance, with_shared in objectives:
        if with_balance and not balance:
            continue
        bounds = [P + 1] * 3 + ([1, most - 1] if with_balance else []) + ([s_max * (P + 1)] if with_shared else [])
        total, weights = fold([(b, None) for b in bounds])
        if total <= limit:
            break
    else:
        raise SystemExit('costs too large for OR-Tools even without balance')
    w = iter(weights)
    pair_cost = sum(next(w) * (r != k).astype(np.int64) for k in (1, 2, 3))
    w_idle = next(w) if with_balance else 0
    w_crowd = next(w) if with_balance else 0
    if with_shared:
        pair_cost = pair_cost + next(w) * (s_max - shared[ei, mj])

    source, sink = 0, 1 + n + M
    starts = [np.zeros(unlocked, dtype=np.int64), 1 + ei, []]
    ends = [1 + np.nonzero(locked < 0)[0], 1 + n + mj, []]
    caps = [np.ones(unlocked, dtype=np.int64), np.ones(len(ei), dtype=np.int64), []]
    costs = [np.zeros(unlocked, dtype=np.int64), pair_cost, []]
    place_start, place_cap, place_cost = [], [], []
    for j in range(M):
        if places[j] <= 0:
            continue
        if not with_balance:
            place_start.append(1 + n + j); place_cap.append(int(places[j])); place_cost.append(0)
            continue
        for k in range(int(locks[j]) + 1, int(locks[j] + places[j]) + 1):
            place_start.append(1 + n + j); place_cap.append(1)
            place_cost.append((w_idle if k > 1 else 0) + w_crowd * (k - 1))
    starts[2], ends[2] = np.array(place_start, dtype=np.int64), np.full(len(place_start), sink, dtype=np.int64)
    caps[2], costs[2] = np.array(place_cap, dtype=np.int64), np.array(place_cost, dtype=np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(starts), np.concatenate(ends), np.concatenate(caps), np.concatenate(costs))
    flow.set_node_supply(source, unlocked)
    flow.set_node_supply(sink, -unlocked)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise SystemExit('OR-Tools status %s' % status)
    first_pair = unlocked
    flows = flow.flows(np.arange(first_pair, first_pair + len(ei)))
    chosen = np.nonzero(flows > 0)[0]
    pairs = [{'mentee': mentees[int(ei[k])]['id'], 'mentor': mentors[int(mj[k])]['id']} for k in chosen]
    json.dump({'pairs': pairs, 'objective': {'label': label, 'tiers': compared},
               'maxRssKb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}, open(out_path, 'w'))

main(sys.argv[1], sys.argv[2])
`;
