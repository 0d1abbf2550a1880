import { audienceGuests, participantsOf, sameGuests } from '../../../src/domain/calendar/guests';

const people = participantsOf([
  { role: 'Mentor', status: 'Selected', email: 'Ann@Example.org', who: 'MR-001 Ann' },
  { role: 'Mentor', status: 'Withdrawn', email: 'bob@example.org', who: 'MR-002 Bob' },
  { role: 'Mentee', status: ' selected ', email: 'cat@example.org', who: 'ME-001 Cat' },
  { role: 'Mentee', status: 'Waitlisted', email: 'dan@example.org', who: 'ME-002 Dan' },
  { role: 'Mentee', status: 'Selected', email: 'not-an-email', who: 'ME-003 Eve' },
  { role: 'Mentor', status: 'Selected', email: 'ann@example.org', who: 'MR-003 Ann again' },
  { role: '', status: 'Selected', email: 'nobody@example.org', who: 'no role' },
]);

describe('audienceGuests', () => {
  it('invites the Selected people of the audience, lower-cased, once each', () => {
    expect(audienceGuests('all participants', people.participants, 'coord@example.org')).toEqual([
      'ann@example.org',
      'cat@example.org',
    ]);
    expect(audienceGuests('mentors', people.participants, 'coord@example.org')).toEqual(['ann@example.org']);
    expect(audienceGuests('mentees', people.participants, 'coord@example.org')).toEqual(['cat@example.org']);
  });

  it('invites only the coordinator to coordinator dates (nobody when the address is not set)', () => {
    expect(audienceGuests('coordinator', people.participants, ' Coord@Example.org ')).toEqual([
      'coord@example.org',
    ]);
    expect(audienceGuests('coordinator', people.participants, '')).toEqual([]);
  });

  it('lists Selected people who cannot be invited', () => {
    expect(people.noEmail).toEqual(['ME-003 Eve']);
  });
});

describe('sameGuests', () => {
  it('compares as sets, ignoring case and order', () => {
    expect(sameGuests(['A@x.org', 'b@x.org'], ['b@x.org', 'a@X.org'])).toBe(true);
    expect(sameGuests(['a@x.org'], ['a@x.org', 'b@x.org'])).toBe(false);
    expect(sameGuests([], [])).toBe(true);
  });
});
