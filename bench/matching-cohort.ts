/**
 * Random cohorts for the matching benchmark and the highs oracle test: deterministic for a seed.
 * Choices are skewed towards popular mentors (weights 1/rank^0.9), as after a launch event.
 */

import { seededRandom } from '../scripts/random';
import type { MatchInstance, Mentee, Mentor } from '../src/domain/matching';

const AREAS = [
  'budgeting',
  'restructures',
  'digital services',
  'partnerships',
  'audience development',
  'leadership',
  'stakeholder management',
  'workforce planning',
  'buildings',
  'fundraising',
  'governance',
  'advocacy',
  'data and evaluation',
  'change management',
];

export interface CohortSize {
  mentees: number;
  mentors: number;
  services?: number;
  /** Each mentor's capacity, drawn evenly from this range (default 1–5). */
  capacity?: [number, number];
}

export function randomCohort(size: CohortSize, seed: number): MatchInstance {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const services = size.services ?? Math.max(3, Math.min(150, Math.round(size.mentors / 2)));
  const pick = (count: number): string[] => {
    const pool = [...AREAS];
    const out: string[] = [];
    while (out.length < count) out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
    return out;
  };
  const service = () => `Library Service ${int(1, services)}`;
  const mentors: Mentor[] = Array.from({ length: size.mentors }, (_, k) => ({
    id: `M${k + 1}`,
    name: `Mentor ${k + 1}`,
    organisation: service(),
    capacity: int(...(size.capacity ?? [1, 5])),
    expertise: pick(int(2, 5)),
  }));
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < size.mentors; k++) {
    total += 1 / (k + 1) ** 0.9;
    cumulative.push(total);
  }
  const popular = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return mentors[lo]!.id;
  };
  const mentees: Mentee[] = Array.from({ length: size.mentees }, (_, k) => {
    const choices = new Set<string>();
    while (choices.size < Math.min(3, size.mentors)) choices.add(popular());
    return {
      id: `E${k + 1}`,
      name: `Mentee ${k + 1}`,
      organisation: service(),
      needs: pick(int(1, 3)),
      choices: [...choices],
    };
  });
  return {
    mentors,
    mentees,
    locks: [],
    exclusions: [],
    options: { allowUnchosen: true, sameOrganisation: 'exclude' },
  };
}

/**
 * Adds coordinator decisions to a cohort, as after a first look at the proposal: `locks` mentees locked
 * to one of their choices that still has room, and `exclusions` pairs of a mentee and one of their
 * choices that must not be made. Deterministic for a seed.
 */
export function withDecisions(
  instance: MatchInstance,
  seed: number,
  locks: number,
  exclusions: number,
): MatchInstance {
  const random = seededRandom(seed);
  const room = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const decided = new Set<string>();
  const pick = () => instance.mentees[Math.floor(random() * instance.mentees.length)]!;
  const out: MatchInstance = { ...instance, locks: [], exclusions: [] };
  for (let tries = 0; out.locks!.length < locks && tries < locks * 20; tries++) {
    const mentee = pick();
    const mentor = mentee.choices[Math.floor(random() * mentee.choices.length)];
    if (!mentor || decided.has(mentee.id) || room.get(mentor)! === 0) continue;
    decided.add(mentee.id);
    room.set(mentor, room.get(mentor)! - 1);
    out.locks!.push({ mentee: mentee.id, mentor });
  }
  for (let tries = 0; out.exclusions!.length < exclusions && tries < exclusions * 20; tries++) {
    const mentee = pick();
    const mentor = mentee.choices[Math.floor(random() * mentee.choices.length)];
    if (!mentor || decided.has(mentee.id)) continue;
    decided.add(mentee.id);
    out.exclusions!.push({ mentee: mentee.id, mentor });
  }
  return out;
}
