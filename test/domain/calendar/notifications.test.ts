import { emailsFor, emailsText } from '../../../src/domain/calendar/notifications';

const OWNER = 'coordinator@example.org';

describe('emailsFor (Google’s emails for one write with sendUpdates all)', () => {
  it('a new event invites each guest, a deleted one cancels for each', () => {
    expect(emailsFor({ kind: 'create', guests: ['a@x.org', 'b@x.org'] }, OWNER)).toEqual({
      invitations: 2,
      updates: 0,
      cancellations: 0,
    });
    expect(emailsFor({ kind: 'delete', guests: ['a@x.org'] }, OWNER)).toEqual({
      invitations: 0,
      updates: 0,
      cancellations: 1,
    });
  });

  it('an update invites the new, cancels for the removed and updates everyone who stays', () => {
    expect(
      emailsFor({ kind: 'update', before: ['a@x.org', 'b@x.org'], after: ['A@x.org', 'c@x.org'] }, OWNER),
    ).toEqual({ invitations: 1, updates: 1, cancellations: 1 });
    expect(emailsFor({ kind: 'update', before: [], after: [] }, OWNER)).toEqual({
      invitations: 0,
      updates: 0,
      cancellations: 0,
    });
  });

  it('never counts the calendar’s owner', () => {
    expect(
      emailsFor({ kind: 'create', guests: ['Coordinator@example.org', 'a@x.org'] }, OWNER).invitations,
    ).toBe(1);
  });
});

describe('emailsText', () => {
  it('names only the kinds there are', () => {
    expect(emailsText({ invitations: 3, updates: 1, cancellations: 2 })).toBe(
      '3 invitations, 1 update and 2 cancellations',
    );
    expect(emailsText({ invitations: 0, updates: 0, cancellations: 1 })).toBe('1 cancellation');
    expect(emailsText({ invitations: 0, updates: 0, cancellations: 0 })).toBe('');
  });
});
