import { CROSS_ROLE_PROBLEM, crossRoleProblem, selfPairs } from '../../../src/domain/intake';

describe('crossRoleProblem', () => {
  it('flags both rows of a person who applied in both roles, and no one else', () => {
    expect(
      crossRoleProblem([
        { email: 'a@x.org', role: 'mentor' },
        { email: ' A@X.org', role: 'mentee' },
        { email: 'b@y.org', role: 'mentee' },
        { email: 'b@y.org', role: 'mentee' }, // a resubmission, same role: not this problem
      ]),
    ).toEqual([CROSS_ROLE_PROBLEM, CROSS_ROLE_PROBLEM, null, null]);
  });

  it('ignores withdrawn applications and empty emails', () => {
    expect(
      crossRoleProblem([
        { email: 'a@x.org', role: 'mentor', status: 'Withdrawn' },
        { email: 'a@x.org', role: 'mentee', status: 'Applied' },
        { email: '', role: 'mentor' },
        { email: '', role: 'mentee' },
      ]),
    ).toEqual([null, null, null, null]);
  });

  it('reads in words', () => {
    expect(CROSS_ROLE_PROBLEM).toBe('Applied as both mentor and mentee; the scheme allows one');
  });
});

describe('selfPairs', () => {
  it('pairs each mentee with the mentors who are the same person, the email compared normalised', () => {
    expect(
      selfPairs(
        [
          { id: 'MR-001', email: 'ann.lee@x.org' },
          { id: 'MR-002', email: 'bo@y.org' },
          { id: 'MR-003', email: '' },
        ],
        [
          { id: 'ME-001', email: ' Ann.Lee@X.ORG ' },
          { id: 'ME-002', email: 'cy@z.org' },
          { id: 'ME-003', email: '' },
        ],
      ),
    ).toEqual([{ mentee: 'ME-001', mentor: 'MR-001' }]);
  });

  it('finds every mentor row of one person, and nobody when no address is shared', () => {
    const mentors = [
      { id: 'MR-001', email: 'a@x.org' },
      { id: 'MR-002', email: 'A@x.org' },
    ];
    expect(selfPairs(mentors, [{ id: 'ME-009', email: 'a@X.org' }])).toEqual([
      { mentee: 'ME-009', mentor: 'MR-001' },
      { mentee: 'ME-009', mentor: 'MR-002' },
    ]);
    expect(selfPairs(mentors, [{ id: 'ME-001', email: 'b@x.org' }])).toEqual([]);
    expect(selfPairs([], [])).toEqual([]);
  });
});
