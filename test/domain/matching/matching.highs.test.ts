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

  it('agrees on mid-sized instances with locks, exclusions and every option', () => {
    fc.assert(fc.property(instanceArb({ mentors: [5, 12], mentees: [10, 40] }), agree), { numRuns: 60 });
  });
});
