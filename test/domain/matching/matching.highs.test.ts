import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { randomCohort } from '../../../bench/matching-cohort';
import { peerProblem, peerTiers, solveWithHighs } from '../../../bench/matching-peers';
import { type MatchInstance, match } from '../../../src/domain/matching';
import { instanceArb } from './support/arbitraries';
import { objectiveTiers } from './support/rules';

describe('match against highs (LP oracle)', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });
  const agree = (instance: MatchInstance) => {
    const oracle = peerTiers(peerProblem(instance), solveWithHighs(highs, peerProblem(instance)));
    expect(objectiveTiers(instance, match(instance).summary.tiers)).toEqual(objectiveTiers(instance, oracle));
  };

  it('reaches the same tier vector on random cohorts, with more places than mentees and fewer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 300 }),
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        fc.boolean(),
        (mentees, mentors, seed, allowUnchosen, balance) => {
          const instance = randomCohort({ mentees, mentors, services: 12 }, seed);
          instance.options = { allowUnchosen, sameOrganisation: 'exclude', balance };
          agree(instance);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('agrees when there are more areas than one word of bits holds (42 areas)', () => {
    for (const seed of [3, 4, 5]) {
      const instance = randomCohort({ mentees: 150, mentors: 60, services: 10 }, seed);
      // Each area in three variants, by the person's position: 42 areas in all.
      const variant = (areas: string[], k: number) => areas.map((a) => `${a} ${k % 3}`);
      instance.mentors.forEach((m, k) => {
        m.expertise = variant(m.expertise, k);
      });
      instance.mentees.forEach((m, k) => {
        m.needs = variant(m.needs, k);
      });
      agree(instance);
    }
  });

  it('agrees on mid-sized instances with locks, exclusions and every option', () => {
    fc.assert(fc.property(instanceArb({ mentors: [5, 12], mentees: [10, 40] }), agree), { numRuns: 60 });
  });
});
