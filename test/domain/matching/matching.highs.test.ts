import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { randomCohort } from '../../../bench/matching-cohort';
import { peerProblem, solveWithHighs } from '../../../bench/matching-peers';
import { match } from '../../../src/domain/matching';
import { instanceArb } from './support/arbitraries';

describe('match against highs (LP oracle)', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('reaches the same tier vector on random cohorts of a few hundred mentees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 150, max: 400 }),
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (mentees, mentors, seed, allowUnchosen) => {
          const instance = randomCohort({ mentees, mentors, services: 12 }, seed);
          instance.options = { allowUnchosen, sameOrganisation: 'exclude' };
          expect(match(instance).summary.tiers).toEqual(solveWithHighs(highs, peerProblem(instance)));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('agrees on mid-sized instances with locks, exclusions and both options', () => {
    fc.assert(
      fc.property(instanceArb({ mentors: [5, 12], mentees: [20, 60] }), (instance) => {
        expect(match(instance).summary.tiers).toEqual(solveWithHighs(highs, peerProblem(instance)));
      }),
      { numRuns: 60 },
    );
  });
});
