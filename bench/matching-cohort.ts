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
    capacity: int(1, 5),
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
