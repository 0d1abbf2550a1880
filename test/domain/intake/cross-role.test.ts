import { CROSS_ROLE_PROBLEM, crossRoleProblem } from '../../../src/domain/intake';

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
