import fc from 'fast-check';
import type { MatchInstance, PairRef } from '../../../../src/domain/matching';

const AREAS = ['budgeting', 'Restructures', 'audiences', 'digital', 'partnerships'];
// Spelling variants on purpose: services and areas compare case- and space-insensitively.
const SERVICES = ['Kent', 'kent ', 'Devon', 'Leeds', 'York'];

export interface Sizes {
  mentors: [number, number];
  mentees: [number, number];
}

/** Random small instances: locks and exclusions that are valid by construction. */
export function instanceArb(sizes: Sizes): fc.Arbitrary<MatchInstance> {
  return fc
    .record({
      mentorCount: fc.integer({ min: sizes.mentors[0], max: sizes.mentors[1] }),
      menteeCount: fc.integer({ min: sizes.mentees[0], max: sizes.mentees[1] }),
      seed: fc.integer(),
      options: fc.record({
        allowUnchosen: fc.boolean(),
        sameOrganisation: fc.constantFrom<'exclude' | 'allow'>('exclude', 'exclude', 'allow'),
        balance: fc.constantFrom(true, true, false),
      }),
    })
    .chain(({ mentorCount, menteeCount, options }) => {
      const mentorIds = Array.from({ length: mentorCount }, (_, k) => `M${k + 1}`);
      const menteeIds = Array.from({ length: menteeCount }, (_, k) => `E${k + 1}`);
      const mentor = (id: string) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constant(`Mentor ${id}`),
          organisation: fc.constantFrom(...SERVICES),
          capacity: fc.integer({ min: 1, max: 3 }),
          expertise: fc.subarray(AREAS),
        });
      const mentee = (id: string) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constant(`Mentee ${id}`),
          organisation: fc.constantFrom(...SERVICES),
          needs: fc.subarray(AREAS, { maxLength: 3 }),
          choices: fc.shuffledSubarray(mentorIds, { maxLength: Math.min(3, mentorIds.length) }),
        });
      const pairs = (maxLength: number): fc.Arbitrary<PairRef[]> =>
        menteeIds.length === 0
          ? fc.constant([])
          : fc.array(
              fc.record({ mentee: fc.constantFrom(...menteeIds), mentor: fc.constantFrom(...mentorIds) }),
              {
                maxLength,
              },
            );
      return fc.record({
        mentors: fc.tuple(...mentorIds.map(mentor)),
        mentees: menteeIds.length ? fc.tuple(...menteeIds.map(mentee)) : fc.constant([]),
        locks: pairs(3),
        exclusions: pairs(4),
        options: fc.constant(options),
      });
    })
    .map((raw) => {
      const capacity = new Map(raw.mentors.map((m) => [m.id, m.capacity]));
      const lockedMentees = new Set<string>();
      const locks: PairRef[] = [];
      for (const lock of raw.locks) {
        if (lockedMentees.has(lock.mentee) || capacity.get(lock.mentor)! === 0) continue;
        lockedMentees.add(lock.mentee);
        capacity.set(lock.mentor, capacity.get(lock.mentor)! - 1);
        locks.push(lock);
      }
      const lockKeys = new Set(locks.map((l) => `${l.mentee}|${l.mentor}`));
      const exclusions = raw.exclusions.filter((x) => !lockKeys.has(`${x.mentee}|${x.mentor}`));
      return { ...raw, mentors: [...raw.mentors], mentees: [...raw.mentees], locks, exclusions };
    });
}
