import fc from 'fast-check';
import { match } from '../../../src/domain/matching';
import { instanceArb } from './support/arbitraries';
import { bruteForceTiers } from './support/bruteForce';
import { brokenRules, objectiveTiers } from './support/rules';

describe('match (properties)', () => {
  it('reaches the brute-force optimum of every tier it optimises on every small instance (≤ 8 mentees)', () => {
    fc.assert(
      fc.property(instanceArb({ mentors: [1, 4], mentees: [0, 8] }), (instance) => {
        const tiers = match(instance).summary.tiers;
        expect(objectiveTiers(instance, tiers)).toEqual(objectiveTiers(instance, bruteForceTiers(instance)));
      }),
      { numRuns: 300 },
    );
  });

  it('never breaks capacity, locks, exclusions or the library-service rule', () => {
    fc.assert(
      fc.property(instanceArb({ mentors: [1, 12], mentees: [0, 40] }), (instance) => {
        expect(brokenRules(instance, match(instance))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order mentors and mentees are given in', () => {
    fc.assert(
      fc.property(instanceArb({ mentors: [1, 8], mentees: [0, 20] }), (instance) => {
        const reversed = {
          ...instance,
          mentors: [...instance.mentors].reverse(),
          mentees: [...instance.mentees].reverse(),
        };
        const a = match(instance);
        const b = match(reversed);
        const byMentee = (r: typeof a) => Object.fromEntries(r.pairs.map((p) => [p.mentee, p.mentor]));
        expect(byMentee(b)).toEqual(byMentee(a));
        expect(b.summary).toEqual(a.summary);
      }),
      { numRuns: 100 },
    );
  });
});
