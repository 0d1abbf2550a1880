import { type MatchInstance, match } from '../../../src/domain/matching';
import { mentee, mentor } from './support/people';

function reasonOf(instance: MatchInstance, menteeId: string): string {
  const result = match(instance);
  const found = [...result.pairs, ...result.unmatched].find((r) => r.mentee === menteeId);
  if (!found) throw new Error(`${menteeId} missing from the result`);
  return found.reason;
}

const ann = { ...mentor('M1', 'Kent', 1, ['budgeting', 'restructures']), name: 'Ann Lee' };
const bob = { ...mentor('M2', 'York', 1, ['digital']), name: 'Bob Ray' };
const cat = { ...mentor('M3', 'Leeds', 1, ['audiences']), name: 'Cat Orr' };
const taker = (id: string, choice: string) => mentee(id, 'Hull', [], [choice]);

describe('match: reasons', () => {
  it.each([
    {
      name: '1st choice with shared areas',
      instance: { mentors: [ann], mentees: [mentee('E1', 'Devon', ['Budgeting', 'restructures'], ['M1'])] },
      reason: '1st choice; shares Budgeting and restructures',
    },
    {
      name: '2nd choice says why the 1st was not possible',
      instance: {
        mentors: [ann, bob],
        mentees: [taker('E0', 'M1'), mentee('E1', 'Devon', ['digital'], ['M1', 'M2'])],
      },
      reason: '2nd choice; shares digital; 1st choice Ann Lee is full (1 of 1)',
    },
    {
      name: '3rd choice after an own-service and an excluded choice',
      instance: {
        mentors: [ann, bob, cat],
        mentees: [mentee('E1', 'Kent', [], ['M1', 'M2', 'M3'])],
        exclusions: [{ mentee: 'E1', mentor: 'M2' }],
      },
      reason:
        '3rd choice; no shared areas; 1st choice Ann Lee is in their own library service; 2nd choice Bob Ray is excluded by the coordinator',
    },
    {
      name: 'unchosen mentor when all three choices are full',
      instance: {
        mentors: [ann, bob, cat, { ...mentor('M4', 'Bath', 2, ['budgeting']), name: 'Dee Fox' }],
        mentees: [
          taker('E0', 'M1'),
          taker('E01', 'M2'),
          taker('E02', 'M3'),
          mentee('E1', 'Devon', ['budgeting'], ['M1', 'M2', 'M3']),
        ],
      },
      reason:
        'not one of their choices (all three were full: Ann Lee (1 of 1), Bob Ray (1 of 1), Cat Orr (1 of 1)); shares budgeting',
    },
    {
      name: 'unmatched: choices full and no other mentor shares a need',
      instance: {
        mentors: [ann, bob],
        mentees: [taker('E0', 'M1'), taker('E01', 'M2'), mentee('E1', 'Devon', ['gardening'], ['M1', 'M2'])],
      },
      reason:
        'both choices are full: Ann Lee (1 of 1), Bob Ray (1 of 1); no other mentor outside their library service shares a need',
    },
    {
      name: 'unmatched: the mentors who share a need are full',
      instance: {
        mentors: [ann, bob, { ...mentor('M4', 'Bath', 1, ['audiences']), name: 'Dee Fox' }, cat],
        mentees: [
          taker('E0', 'M1'),
          taker('E01', 'M3'),
          taker('E02', 'M4'),
          mentee('E1', 'Devon', ['audiences'], ['M1']),
        ],
      },
      reason:
        'their only choice is full: Ann Lee (1 of 1); all 2 other mentors outside their library service who share a need are full',
    },
    {
      name: 'unmatched: allowUnchosen off',
      instance: {
        mentors: [ann, bob],
        mentees: [taker('E0', 'M1'), mentee('E1', 'Devon', ['digital'], ['M1'])],
        options: { allowUnchosen: false },
      },
      reason:
        'their only choice is full: Ann Lee (1 of 1); mentors they did not choose are not considered (allowUnchosen is off)',
    },
    {
      name: 'unmatched: no choices and no needs',
      instance: { mentors: [ann], mentees: [mentee('E1', 'Devon')] },
      reason: 'made no choices; they listed no needs, so no other mentor can be matched on fit',
    },
  ])('$name', ({ instance, reason }) => {
    expect(reasonOf(instance, 'E1')).toBe(reason);
  });
});
