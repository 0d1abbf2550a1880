import { membersOf, participantsOf, sameGuests } from '../../../src/domain/calendar/guests';

const people = participantsOf([
  {
    id: 'MR-001',
    role: 'Mentor',
    status: 'Selected',
    email: 'Ann@Example.org',
    who: 'MR-001 Ann',
    name: 'Ann',
  },
  { id: 'MR-002', role: 'Mentor', status: 'Withdrawn', email: 'bob@example.org', who: 'MR-002 Bob' },
  { id: 'ME-001', role: 'Mentee', status: ' selected ', email: 'cat@example.org', who: 'ME-001 Cat' },
  { id: 'ME-002', role: 'Mentee', status: 'Waitlisted', email: 'dan@example.org', who: 'ME-002 Dan' },
  { id: 'ME-003', role: 'Mentee', status: 'Selected', email: 'not-an-email', who: 'ME-003 Eve' },
  { id: 'ME-004', role: 'Mentee', status: 'Selected', email: 'ann@example.org', who: 'ME-004 Ann again' },
  { id: '', role: '', status: 'Selected', email: 'nobody@example.org', who: 'no role' },
  { id: '', role: 'Mentee', status: 'Selected', email: 'fay@example.org', who: 'Fay' },
]);
const NO_COACH = { name: '', email: '' };
const COACH = { name: 'Dr Alex Morgan', email: 'Alex@Coaching.example' };
const who = (audience: Parameters<typeof membersOf>[0], withCoach = false, coach = NO_COACH) =>
  membersOf(audience, withCoach, people.participants, coach).map((m) => `${m.person} ${m.email}`);

describe('membersOf', () => {
  it('gives each Selected person of the audience their own copy once, by applicant ID', () => {
    expect(who('all participants')).toEqual([
      'ME-004 ann@example.org', // Selected in both roles: one guest, under the first ID
      'ME-001 cat@example.org',
      'email:fay@example.org fay@example.org', // no ID yet: named by the address
    ]);
    expect(who('mentors')).toEqual(['MR-001 ann@example.org']);
    expect(who('mentees')).toEqual([
      'ME-004 ann@example.org',
      'ME-001 cat@example.org',
      'email:fay@example.org fay@example.org',
    ]);
  });

  it('adds the coach on the dates marked for them, when their address is set', () => {
    expect(who('mentors', true, COACH)).toEqual(['MR-001 ann@example.org', 'coach alex@coaching.example']);
    expect(who('mentors', false, COACH)).toEqual(['MR-001 ann@example.org']);
    expect(who('mentors', true, { name: 'Dr Alex Morgan', email: '' })).toEqual(['MR-001 ann@example.org']);
  });

  it('gives the coordinator’s dates no guests at all', () => {
    expect(who('coordinator', true, COACH)).toEqual([]);
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
