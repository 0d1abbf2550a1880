import { harness, launch } from './harness';

const sian = { email: 'sian@example.org', displayName: 'Siân Ffion ap Dafydd' };
const sean = { email: 'sean@example.org', displayName: 'Seán Ó Briain' };
const ffion = { email: 'ffion@example.org' };

const summaryOf = (m: { subject: string; to: string[]; calendar?: { method: string } }) =>
  `${m.calendar?.method} ${m.to.join(',')} ${m.subject.split(':')[0]}`;

describe('invitation emails', () => {
  it('sends nothing without sendUpdates, or with none', () => {
    const { Calendar, sent } = harness();
    const e = Calendar.Events.insert(launch([sian]), 'primary');
    Calendar.Events.insert(launch([sian]), 'primary', { sendUpdates: 'none' });
    Calendar.Events.patch({ summary: 'Moved' }, 'primary', e.id ?? '');
    Calendar.Events.remove('primary', e.id ?? '');
    expect(sent).toEqual([]);
  });

  it('on insert with all: one REQUEST per guest, with Google subject and the event ics', () => {
    const { Calendar, sent } = harness();
    const e = Calendar.Events.insert(launch([sian, sean]), 'primary', { sendUpdates: 'all' });
    expect(sent.map(summaryOf)).toEqual([
      'REQUEST sian@example.org Invitation',
      'REQUEST sean@example.org Invitation',
    ]);
    const first = sent[0]!;
    expect(first.subject).toBe(
      'Invitation: Launch event and speed dating @ Wed 7 May 2025 10:00 - 11:30 (BST) (sian@example.org)',
    );
    expect(first).toMatchObject({ via: 'Calendar', from: 'coordinator@example.org', cc: [], bcc: [] });
    expect(first.body).toContain('Siân Ffion ap Dafydd');
    expect(first.calendar?.ics).toContain('METHOD:REQUEST');
    expect(first.calendar?.ics).toContain(`UID:${e.iCalUID}`);
  });

  it('externalOnly mails only guests without a Google Calendar (not gmail, not the owner’s domain)', () => {
    const { Calendar, sent, module } = harness();
    const guests = [
      { email: 'colleague@example.org' }, // the owner's own (Workspace) domain
      { email: 'mentor@gmail.com' },
      { email: 'mentee@googlemail.com' },
      { email: 'head@library.gov.uk' },
      { email: 'lead@libraries.wales' },
    ];
    const e = Calendar.Events.insert(launch(guests), 'primary', { sendUpdates: 'externalOnly' });
    expect(sent.map(summaryOf)).toEqual([
      'REQUEST head@library.gov.uk Invitation',
      'REQUEST lead@libraries.wales Invitation',
    ]);
    // A domain known to be on Google Workspace is not external either.
    module.limits.googleDomains = ['libraries.wales'];
    sent.length = 0;
    Calendar.Events.patch({ summary: 'Launch' }, 'primary', e.id ?? '', { sendUpdates: 'externalOnly' });
    expect(sent.map(summaryOf)).toEqual(['REQUEST head@library.gov.uk Updated invitation']);
  });

  it('does not invite the organiser', () => {
    const { Calendar, sent } = harness();
    Calendar.Events.insert(launch([sian, { email: 'coordinator@example.org' }]), 'primary', {
      sendUpdates: 'all',
    });
    expect(sent.map((m) => m.to[0])).toEqual(['sian@example.org']);
  });

  it('on patch with all: added get REQUEST, removed get CANCEL, and everyone who stays an update', () => {
    const { Calendar, sent } = harness();
    const e = Calendar.Events.insert(launch([sian, sean]), 'primary');
    const id = e.id ?? '';
    // Only the guest list changes, and still the guest who stays hears of it
    // (googleapis/google-api-nodejs-client#3310).
    Calendar.Events.patch({ attendees: [sian, ffion] }, 'primary', id, { sendUpdates: 'all' });
    expect(sent.map(summaryOf)).toEqual([
      'REQUEST ffion@example.org Invitation',
      'CANCEL sean@example.org Canceled event',
      'REQUEST sian@example.org Updated invitation',
    ]);
    expect(sent[1]?.calendar?.ics).toContain('STATUS:CANCELLED');
    expect(sent[1]?.calendar?.ics).toContain('mailto:sean@example.org');
    expect(sent[2]?.body).toContain('Changed: guests');
    sent.length = 0;
    Calendar.Events.patch({ attendees: [sian, ffion, sean] }, 'primary', id, { sendUpdates: 'all' });
    expect(sent.map(summaryOf)).toEqual([
      'REQUEST sean@example.org Invitation',
      'REQUEST sian@example.org Updated invitation',
      'REQUEST ffion@example.org Updated invitation',
    ]);
    sent.length = 0;
    const moved = Calendar.Events.patch(
      {
        start: { dateTime: '2025-05-07T14:00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2025-05-07T15:30:00', timeZone: 'Europe/London' },
      },
      'primary',
      id,
      { sendUpdates: 'all' },
    );
    expect(sent.map(summaryOf)).toEqual([
      'REQUEST sian@example.org Updated invitation',
      'REQUEST ffion@example.org Updated invitation',
      'REQUEST sean@example.org Updated invitation',
    ]);
    expect(sent[0]?.subject).toBe(
      'Updated invitation: Launch event and speed dating @ Wed 7 May 2025 14:00 - 15:30 (BST) (sian@example.org)',
    );
    expect(sent[0]?.calendar?.ics).toContain(`SEQUENCE:${moved.sequence}`);
    expect(moved.sequence).toBe(1);
    // A patch that changes nothing is no write and sends nothing.
    sent.length = 0;
    Calendar.Events.patch({ summary: moved.summary }, 'primary', id, { sendUpdates: 'all' });
    expect(sent).toEqual([]);
  });

  it('a guest’s own event: adding them invites only them, deleting it cancels only theirs', () => {
    const { Calendar, sent } = harness();
    const others = Calendar.Events.insert(launch([sian]), 'primary', { sendUpdates: 'all' });
    sent.length = 0;
    const own = Calendar.Events.insert(launch([sean]), 'primary', { sendUpdates: 'all' });
    Calendar.Events.remove('primary', own.id ?? '', { sendUpdates: 'all' });
    expect(sent.map(summaryOf)).toEqual([
      'REQUEST sean@example.org Invitation',
      'CANCEL sean@example.org Canceled event',
    ]);
    expect(Calendar.Events.get('primary', others.id ?? '').status).toBe('confirmed');
  });

  it('on remove with all: every guest gets CANCEL', () => {
    const { Calendar, sent } = harness();
    const e = Calendar.Events.insert(launch([sian, sean]), 'primary');
    Calendar.Events.remove('primary', e.id ?? '', { sendUpdates: 'all' });
    expect(sent.map(summaryOf)).toEqual([
      'CANCEL sian@example.org Canceled event',
      'CANCEL sean@example.org Canceled event',
    ]);
    expect(sent[0]?.calendar?.ics).toMatch(/SEQUENCE:1\r\nSTATUS:CANCELLED/);
  });

  it('sends nothing for an event already over', () => {
    const { Calendar, sent, rt } = harness();
    const e = Calendar.Events.insert(launch([sian]), 'primary');
    rt.clock.set(Date.UTC(2025, 5, 1));
    Calendar.Events.patch({ summary: 'Launch (recording)' }, 'primary', e.id ?? '', { sendUpdates: 'all' });
    expect(sent).toEqual([]);
  });
});
