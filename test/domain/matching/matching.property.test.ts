import fc from 'fast-check';
import { selfPairs } from '../../../src/domain/intake';
import { match } from '../../../src/domain/matching';
import { normaliseEmail } from '../../../src/domain/text';
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

  it('never pairs a person with themselves once their self-pairs are excluded, as Run matching does', () => {
    // Emails from a small pool, spelt differently, so some mentees are also mentors.
    const EMAILS = ['ann@x.org', ' ANN@x.org', 'bo@y.org', 'Bo@Y.org ', 'cy@z.org', 'di@w.org'];
    const arb = instanceArb({ mentors: [1, 6], mentees: [0, 12] }).chain((instance) =>
      fc.record({
        instance: fc.constant(instance),
        mentorEmails: fc.array(fc.constantFrom(...EMAILS), {
          minLength: instance.mentors.length,
          maxLength: instance.mentors.length,
        }),
        menteeEmails: fc.array(fc.constantFrom(...EMAILS), {
          minLength: instance.mentees.length,
          maxLength: instance.mentees.length,
        }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ instance, mentorEmails, menteeEmails }) => {
        const emailOf = new Map([
          ...instance.mentors.map((m, k) => [m.id, mentorEmails[k]!] as const),
          ...instance.mentees.map((m, k) => [m.id, menteeEmails[k]!] as const),
        ]);
        const withEmail = (p: { id: string }) => ({ id: p.id, email: emailOf.get(p.id)! });
        const self = selfPairs(instance.mentors.map(withEmail), instance.mentees.map(withEmail));
        const isSelf = (p: { mentee: string; mentor: string }) =>
          self.some((s) => s.mentee === p.mentee && s.mentor === p.mentor);
        // Run matching keeps no Locked pair that is a self-pair.
        const guarded = {
          ...instance,
          locks: (instance.locks ?? []).filter((l) => !isSelf(l)),
          exclusions: [...(instance.exclusions ?? []), ...self],
        };
        const result = match(guarded);
        for (const p of result.pairs)
          expect(normaliseEmail(emailOf.get(p.mentee)!)).not.toBe(normaliseEmail(emailOf.get(p.mentor)!));
        expect(brokenRules(guarded, result)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
