import { forEachMember, has, popcount, setKey, sharedCount } from './areas';
import { type Problem, pairAllowed, pairKey, rankOf, sharedAreas } from './problem';

/**
 * Plain-English reasons, with mentor names. They can state facts like "is full" with confidence because
 * the assignment is optimal: a mentee left below a choice, or unmatched, would otherwise have been
 * moved there.
 */
export class Reasons {
  /** Mentors with a place left. */
  private readonly roomy: number[] = [];
  /** sharingMentors, by needs and library service. */
  private readonly sharing = new Map<string, Uint32Array & { count: number }>();
  /** mentorsWhere, by what they have in common. */
  private readonly mentorSets = new Map<string, Uint32Array>();

  constructor(
    private readonly problem: Problem,
    /** Mentees placed with each mentor, locks included. */
    private readonly load: Int32Array,
  ) {
    problem.mentors.forEach((m, j) => {
      if (load[j]! < m.capacity) this.roomy.push(j);
    });
  }

  /** "1st choice; shares budgeting and restructures", "2nd choice; shares budgeting; 1st choice Ann Lee is full (2 of 2)" */
  forPair(i: number, j: number): string {
    const p = this.problem;
    const rank = rankOf(p, i, j);
    const shares = sharesPhrase(sharedAreas(p, i, j));
    if (p.lockedTo[i] === j) {
      const what = rank > 0 ? `${ordinal(rank)} choice` : 'not one of their choices';
      const same = p.menteeOrg[i] === p.mentorOrg[j] ? '; same library service' : '';
      return `locked by the coordinator (${what}${same}; ${shares})`;
    }
    if (rank === 1) return `1st choice; ${shares}`;
    if (rank > 1) {
      const higher = [...p.choices[i]!.slice(0, rank - 1)].map((m, r) => this.choiceState(i, m, r + 1));
      return `${ordinal(rank)} choice; ${shares}; ${higher.join('; ')}`;
    }
    return `not one of their choices (${this.choicesUnmet(i, 'were')}); ${shares}${this.balanceNote(i, j)}`;
  }

  /**
   * Why, with balance, an unchosen mentor sharing more areas was not used although they had room. At an
   * optimum, moving the mentee there keeps every choice and shares more, so it must cost balance: either
   * this mentor would be left idle, or the other one already has at least as many mentees.
   */
  private balanceNote(i: number, j: number): string {
    const p = this.problem;
    if (!p.options.balance || this.roomy.length === 0) return '';
    const needs = p.needs[i]!;
    let best = -1;
    let bestShared = sharedCount(needs, p.expertise[j]!);
    for (const m of this.roomy) {
      if (m === j || rankOf(p, i, m) > 0 || !pairAllowed(p, i, m)) continue;
      const shared = sharedCount(needs, p.expertise[m]!);
      if (shared > bestShared) {
        best = m;
        bestShared = shared;
      }
    }
    if (best < 0) return '';
    const other = p.mentors[best]!.name;
    if (this.load[j] === 1)
      return `; ${other} shares more, but this way ${p.mentors[j]!.name} is not left without a mentee`;
    const mentees = this.load[best] === 1 ? '1 mentee' : `${this.load[best]} mentees`;
    return `; ${other} shares more but already has ${mentees}`;
  }

  /** "all three choices are full: A (2 of 2), B (1 of 1); no other mentor … shares a need" */
  forUnmatched(i: number): string {
    return `${this.choicesUnmet(i, 'are')}; ${this.othersUnavailable(i)}`;
  }

  private choicesUnmet(i: number, verb: 'are' | 'were'): string {
    const choices = [...this.problem.choices[i]!];
    if (choices.length === 0) return verb === 'are' ? 'made no choices' : 'they made no choices';
    if (choices.every((j) => this.isFull(j) && pairAllowed(this.problem, i, j))) {
      const list = choices.map((j) => `${this.problem.mentors[j]!.name} (${this.fullness(j)})`).join(', ');
      const noun = verb === 'are' ? 'choices ' : '';
      const all =
        choices.length === 1
          ? `their only choice ${verb === 'are' ? 'is' : 'was'}`
          : `${choices.length === 2 ? 'both' : 'all three'} ${noun}${verb}`;
      return `${all} full: ${list}`;
    }
    return choices.map((j, r) => this.choiceState(i, j, r + 1)).join('; ');
  }

  /** "1st choice Ann Lee is full (2 of 2)" */
  private choiceState(i: number, j: number, rank: number): string {
    const p = this.problem;
    const name = `${ordinal(rank)} choice ${p.mentors[j]!.name}`;
    if (p.excluded.has(pairKey(p, i, j))) return `${name} is excluded by the coordinator`;
    if (!pairAllowed(p, i, j)) return `${name} is in their own library service`;
    if (this.isFull(j)) return `${name} is full (${this.fullness(j)})`;
    return `${name} could not be used`;
  }

  private othersUnavailable(i: number): string {
    const p = this.problem;
    if (!p.options.allowUnchosen)
      return 'mentors they did not choose are not considered (allowUnchosen is off)';
    if (p.mentees[i]!.needs.length === 0)
      return 'they listed no needs, so no other mentor can be matched on fit';
    const candidates = this.sharingMentors(i);
    let sharing = 0;
    let excluded = 0;
    let lastFull = -1;
    // Usually every candidate counts, and a count of bits says how many; only a mentee with an
    // exclusion, or one with a single candidate left, needs the candidates one by one.
    const chosen = p.choices[i]!.filter((j) => has(candidates, j)).length;
    if (p.hasExclusion[i] === 1 || candidates.count - chosen <= 1) {
      forEachMember(candidates, (j) => {
        if (rankOf(p, i, j) > 0) return;
        if (p.excluded.has(pairKey(p, i, j))) excluded++;
        else {
          sharing++;
          lastFull = j;
        }
      });
    } else sharing = candidates.count - chosen;
    const outside = p.options.sameOrganisation === 'exclude' ? ' outside their library service' : '';
    const excludedNote = excluded > 0 ? ` (${excluded} more ${excluded === 1 ? 'is' : 'are'} excluded)` : '';
    if (sharing === 0) return `no other mentor${outside} shares a need${excludedNote}`;
    if (sharing === 1) {
      const only = p.mentors[lastFull]!;
      return `the one other mentor${outside} who shares a need, ${only.name}, is full (${this.fullness(lastFull)})${excludedNote}`;
    }
    return `all ${sharing} other mentors${outside} who share a need are full${excludedNote}`;
  }

  /**
   * Mentors who share a need with mentee i and may be paired with them (library service), chosen or not:
   * a bit set over mentor indices, with its size.
   */
  private sharingMentors(i: number): Uint32Array & { count: number } {
    const p = this.problem;
    const exclude = p.options.sameOrganisation === 'exclude';
    const key = `${setKey(p.needs[i]!)}|${exclude ? p.menteeOrg[i] : ''}`;
    let found = this.sharing.get(key);
    if (!found) {
      const union = new Uint32Array((p.mentors.length + 31) >>> 5);
      for (const id of p.needIds[i]!) {
        const withArea = this.mentorsWith(id);
        for (let w = 0; w < union.length; w++) union[w]! |= withArea[w]!;
      }
      if (exclude) {
        const own = this.mentorsOf(p.menteeOrg[i]!);
        for (let w = 0; w < union.length; w++) union[w] = (union[w]! & ~own[w]!) >>> 0;
      }
      found = Object.assign(union, { count: popcount(union) });
      this.sharing.set(key, found);
    }
    return found;
  }

  /** The mentors of library service `org`, as a bit set over mentor indices. */
  private mentorsOf(org: number): Uint32Array {
    return this.mentorsWhere(`service ${org}`, (j) => this.problem.mentorOrg[j] === org);
  }

  /** The mentors who list area `id` as expertise, as a bit set over mentor indices. */
  private mentorsWith(id: number): Uint32Array {
    return this.mentorsWhere(`area ${id}`, (j) => has(this.problem.expertise[j]!, id));
  }

  private mentorsWhere(key: string, test: (mentor: number) => boolean): Uint32Array {
    let set = this.mentorSets.get(key);
    if (!set) {
      const M = this.problem.mentors.length;
      set = new Uint32Array((M + 31) >>> 5);
      for (let j = 0; j < M; j++) if (test(j)) set[j >>> 5] = (set[j >>> 5]! | (1 << (j & 31))) >>> 0;
      this.mentorSets.set(key, set);
    }
    return set;
  }

  private isFull(j: number): boolean {
    return this.load[j]! >= this.problem.mentors[j]!.capacity;
  }

  private fullness(j: number): string {
    return `${this.load[j]} of ${this.problem.mentors[j]!.capacity}`;
  }
}

export function ordinal(rank: number): string {
  return rank === 1 ? '1st' : rank === 2 ? '2nd' : rank === 3 ? '3rd' : `${rank}th`;
}

/** "shares budgeting, audiences and restructures" or "no shared areas" */
export function sharesPhrase(areas: string[]): string {
  if (areas.length === 0) return 'no shared areas';
  if (areas.length === 1) return `shares ${areas[0]}`;
  return `shares ${areas.slice(0, -1).join(', ')} and ${areas[areas.length - 1]}`;
}
