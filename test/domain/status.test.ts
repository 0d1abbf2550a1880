import { isDecisionStatus, parseRole, parseStatus, ROLE_LABELS } from '../../src/domain/status';

describe('status and role', () => {
  it.each([
    ['Selected', 'Selected'],
    [' not  SELECTED ', 'Not selected'],
    ['withdrawn', 'Withdrawn'],
    ['Accepted', null],
    [3, null],
    [null, null],
  ])('parseStatus(%j) = %j', (input, expected) => {
    expect(parseStatus(input)).toBe(expected);
  });

  it.each([
    ['Mentor', 'mentor'],
    [' MENTEE', 'mentee'],
    ['both', null],
  ])('parseRole(%j) = %j', (input, expected) => {
    expect(parseRole(input)).toBe(expected);
  });

  it('knows which statuses get a decision email', () => {
    expect(isDecisionStatus('Waitlisted')).toBe(true);
    expect(isDecisionStatus('Applied')).toBe(false);
    expect(isDecisionStatus('Withdrawn')).toBe(false);
    expect(ROLE_LABELS.mentee).toBe('Mentee');
  });
});
