import { type MatchInstance, match } from '../../../src/domain/matching';
import { mentee, mentor } from './support/people';

const pairsOf = (instance: MatchInstance) =>
  Object.fromEntries(match(instance).pairs.map((p) => [p.mentee, p.mentor]));

describe('match: capacity and the objective', () => {
  it.each([
    {
      name: 'a mentor never takes more than their capacity',
      instance: {
        mentors: [mentor('M1', 'Kent', 2)],
        mentees: ['E1', 'E2', 'E3'].map((id) => mentee(id, 'Devon', [], ['M1'])),
      },
      expected: { E1: 'M1', E2: 'M1' },
    },
    {
      name: 'most mentees matched beats more 1st choices',
      instance: {
        mentors: [mentor('M1', 'Kent', 1), mentor('M2', 'Kent', 1)],
        mentees: [mentee('E1', 'Devon', [], ['M1', 'M2']), mentee('E2', 'Devon', [], ['M1'])],
      },
      expected: { E1: 'M2', E2: 'M1' },
    },
    {
      name: 'two 1st choices beat one 1st and one 2nd... and shared areas come last',
      instance: {
        mentors: [mentor('M1', 'Kent', 1, ['budgeting']), mentor('M2', 'Kent', 1, ['budgeting', 'digital'])],
        mentees: [
          mentee('E1', 'Devon', ['budgeting', 'digital'], ['M1', 'M2']),
          mentee('E2', 'Devon', ['budgeting', 'digital'], ['M2', 'M1']),
        ],
      },
      expected: { E1: 'M1', E2: 'M2' },
    },
    {
      name: 'a greedy first-come order is not optimal: the later mentee keeps their only choice',
      instance: {
        mentors: [mentor('M1', 'Kent', 1), mentor('M2', 'Kent', 1), mentor('M3', 'Kent', 1)],
        mentees: [
          mentee('E1', 'Devon', [], ['M1', 'M2', 'M3']),
          mentee('E2', 'Devon', [], ['M1']),
          mentee('E3', 'Devon', [], ['M2']),
        ],
      },
      expected: { E1: 'M3', E2: 'M1', E3: 'M2' },
    },
    {
      name: 'no pair inside one library service (case and spaces ignored)',
      instance: {
        mentors: [mentor('M1', 'Kent  Libraries', 3, ['budgeting'])],
        mentees: [mentee('E1', 'kent libraries ', ['budgeting'], ['M1'])],
      },
      expected: {},
    },
    {
      name: 'sameOrganisation "allow" lifts that rule',
      instance: {
        mentors: [mentor('M1', 'Kent', 3)],
        mentees: [mentee('E1', 'kent', [], ['M1'])],
        options: { sameOrganisation: 'allow' as const },
      },
      expected: { E1: 'M1' },
    },
    {
      name: 'an unchosen mentor must share a need (areas compare case-insensitively)',
      instance: {
        mentors: [
          mentor('M1', 'Kent', 1),
          mentor('M2', 'York', 1, ['digital']),
          mentor('M3', 'Leeds', 1, ['audiences']),
        ],
        mentees: [mentee('E1', 'Devon', ['budgeting'], ['M1']), mentee('E2', 'Devon', ['Digital '], ['M1'])],
      },
      expected: { E1: 'M1', E2: 'M2' },
    },
    {
      name: 'with allowUnchosen off only choices are used',
      instance: {
        mentors: [mentor('M1', 'Kent', 1), mentor('M2', 'York', 1, ['digital'])],
        mentees: [mentee('E1', 'Devon', ['digital'], ['M1']), mentee('E2', 'Devon', ['digital'], ['M1'])],
        options: { allowUnchosen: false },
      },
      expected: { E1: 'M1' },
    },
    {
      name: 'among unchosen mentors the one sharing more areas wins',
      instance: {
        mentors: [mentor('M1', 'Kent', 1, ['digital']), mentor('M2', 'York', 1, ['digital', 'budgeting'])],
        mentees: [mentee('E1', 'Devon', ['digital', 'budgeting'])],
      },
      expected: { E1: 'M2' },
    },
  ])('$name', ({ instance, expected }) => {
    expect(pairsOf(instance)).toEqual(expected);
  });

  it('solves 12,000 mentees (where folded tier weights would pass 2^53) to a known optimum', () => {
    // Every mentee's 1st choice is their own single-place mentor, so the optimum is known by construction.
    const mentors = Array.from({ length: 12_000 }, (_, k) => mentor(`M${k}`, `S${k % 50}`, 1, ['budgeting']));
    const mentees = Array.from({ length: 12_000 }, (_, k) =>
      mentee(`E${k}`, `T${k % 50}`, ['budgeting'], [`M${k}`, `M${(k + 1) % 12_000}`]),
    );
    const { summary } = match({ mentors, mentees });
    expect(summary.tiers).toEqual([12_000, 12_000, 0, 0, 0, 12_000, 12_000]);
  });
});
