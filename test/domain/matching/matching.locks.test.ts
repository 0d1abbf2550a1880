import { MatchInputError, type MatchInstance, match } from '../../../src/domain/matching';
import { mentee, mentor } from './support/people';

const base = (): MatchInstance => ({
  mentors: [mentor('M1', 'Kent', 1, ['budgeting']), mentor('M2', 'York', 2, ['budgeting'])],
  mentees: [mentee('E1', 'Kent', ['budgeting'], ['M2']), mentee('E2', 'Devon', ['budgeting'], ['M1'])],
});

describe('match: locks and exclusions', () => {
  it('keeps a lock even inside one library service and counts it toward capacity', () => {
    const result = match({ ...base(), locks: [{ mentee: 'E1', mentor: 'M1' }] });
    expect(result.pairs).toEqual([
      expect.objectContaining({ mentee: 'E1', mentor: 'M1', choiceRank: null }),
      expect.objectContaining({ mentee: 'E2', mentor: 'M2', choiceRank: null }),
    ]);
    expect(result.pairs[0]!.reason).toBe(
      'locked by the coordinator (not one of their choices; same library service; shares budgeting)',
    );
  });

  it('never makes an excluded pair, even a 1st choice', () => {
    const result = match({ ...base(), exclusions: [{ mentee: 'E2', mentor: 'M1' }] });
    expect(result.pairs.find((p) => p.mentee === 'E2')).toEqual(expect.objectContaining({ mentor: 'M2' }));
  });

  it('an exclusion also removes an unchosen pair', () => {
    const instance: MatchInstance = {
      mentors: [mentor('M1', 'Kent', 1, ['budgeting'])],
      mentees: [mentee('E1', 'Devon', ['budgeting'])],
      exclusions: [{ mentee: 'E1', mentor: 'M1' }],
    };
    expect(match(instance).unmatched).toEqual([
      {
        mentee: 'E1',
        reason:
          'made no choices; no other mentor outside their library service shares a need (1 more is excluded)',
      },
    ]);
  });

  it.each([
    {
      name: 'locks over capacity',
      extra: {
        locks: [
          { mentee: 'E1', mentor: 'M1' },
          { mentee: 'E2', mentor: 'M1' },
        ],
      },
      message:
        'mentors[0] (id M1): 2 mentees are locked to this mentor but capacity is 1; remove 1 lock or raise the capacity',
    },
    {
      name: 'a mentee locked to two mentors',
      extra: {
        locks: [
          { mentee: 'E1', mentor: 'M1' },
          { mentee: 'E1', mentor: 'M2' },
        ],
      },
      message:
        'locks[1] (mentee E1, mentor M2): mentee E1 is already locked to mentor M1 (locks[0]); a mentee has one mentor',
    },
    {
      name: 'a lock on an excluded pair',
      extra: { locks: [{ mentee: 'E1', mentor: 'M2' }], exclusions: [{ mentee: 'E1', mentor: 'M2' }] },
      message: 'locks[0] (mentee E1, mentor M2): the same pair is excluded in exclusions[0]',
    },
    {
      name: 'a lock naming an unknown mentor',
      extra: { locks: [{ mentee: 'E1', mentor: 'M9' }] },
      message: 'locks[0] (mentee E1, mentor M9): mentor "M9" is not the id of any mentor',
    },
    {
      name: 'an exclusion naming an unknown mentee',
      extra: { exclusions: [{ mentee: 'E9', mentor: 'M1' }] },
      message: 'exclusions[0] (mentee E9, mentor M1): mentee "E9" is not the id of any mentee',
    },
  ])('rejects $name in words', ({ extra, message }) => {
    expect(() => match({ ...base(), ...extra })).toThrow(new MatchInputError(message));
  });

  it('reads a typed instance as the CLI reads JSON: text trimmed, options defaulted one by one', () => {
    const spaced = base();
    spaced.mentors[1]!.id = ' M2 ';
    spaced.mentees[0]!.choices = [' M2'];
    spaced.mentees[0]!.needs = ['budgeting '];
    const result = match({ ...spaced, options: { balance: undefined, sameOrganisation: 'allow' } });
    expect(result).toEqual(match({ ...base(), options: { sameOrganisation: 'allow' } }));
    expect(result.pairs).toContainEqual(
      expect.objectContaining({ mentee: 'E1', mentor: 'M2', choiceRank: 1 }),
    );
  });

  it('accepts the same lock given twice', () => {
    const lock = { mentee: 'E2', mentor: 'M1' };
    expect(match({ ...base(), locks: [lock, lock] }).pairs).toContainEqual(expect.objectContaining(lock));
  });

  it.each([
    [
      'capacity 0',
      (i: MatchInstance) => (i.mentors[1]!.capacity = 0),
      'mentors[1] (id M2): capacity must be a whole number ≥ 1',
    ],
    [
      'capacity 1.5',
      (i: MatchInstance) => (i.mentors[0]!.capacity = 1.5),
      'mentors[0] (id M1): capacity must be a whole number ≥ 1',
    ],
    [
      'a blank name',
      (i: MatchInstance) => (i.mentees[1]!.name = '  '),
      'mentees[1] (id E2): name must not be empty',
    ],
    [
      'four choices',
      (i: MatchInstance) => (i.mentees[0]!.choices = ['M1', 'M2', 'M3', 'M4']),
      'mentees[0] (id E1): choices must list at most three mentors',
    ],
    [
      'a blank need',
      (i: MatchInstance) => (i.mentees[1]!.needs = ['budgeting', ' ']),
      'mentees[1] (id E2): needs[1] must not be empty',
    ],
    [
      'a repeated choice',
      (i: MatchInstance) => (i.mentees[0]!.choices = ['M2', 'M2']),
      'mentees[0] (id E1): choices[1] "M2" is chosen twice',
    ],
    [
      'a duplicate id',
      (i: MatchInstance) => (i.mentors[1]!.id = 'M1'),
      'mentors[1] (id M1): id is already used by another mentor (mentors[0])',
    ],
  ])('rejects %s', (_name, spoil, message) => {
    const instance = base();
    spoil(instance);
    expect(() => match(instance)).toThrow(new MatchInputError(message));
  });
});
