import { APRIL, finale, harness, launch, OWNER, thrown } from './harness';

describe('Calendar.Calendars', () => {
  it('creates a secondary calendar with a group id, and gets it back', () => {
    const { Calendar, rt } = harness();
    const cal = Calendar.Calendars.insert({ summary: 'Peer mentoring 2025', timeZone: 'Europe/London' });
    expect(cal.id).toMatch(/^[a-v0-9]{26}@group\.calendar\.google\.com$/);
    expect(cal).toMatchObject({
      kind: 'calendar#calendar',
      summary: 'Peer mentoring 2025',
      timeZone: 'Europe/London',
    });
    expect(Calendar.Calendars.get(cal.id ?? '')).toEqual(cal);
    expect(rt.totalCalls.get('Calendar.Calendars.insert')).toBe(1);
    expect(rt.totalCalls.get('Calendar.Calendars.get')).toBe(1);
  });

  it('knows the primary calendar by the owner address and as "primary"', () => {
    const { Calendar } = harness();
    expect(Calendar.Calendars.get('primary').id).toBe(OWNER);
  });

  it('refuses an unknown calendar and a calendar without a title', () => {
    const { Calendar } = harness();
    expect(thrown(() => Calendar.Calendars.get('nope@group.calendar.google.com'))).toBe(
      'GoogleJsonResponseException: API call to calendar.calendars.get failed with error: Not Found',
    );
    expect(thrown(() => Calendar.Calendars.insert({ timeZone: 'Europe/London' }))).toContain(
      'calendar.calendars.insert',
    );
  });
});

describe('Calendar.Events.insert', () => {
  it('returns the event with the fields Google sets', () => {
    const { Calendar, rt } = harness();
    const cal = Calendar.Calendars.insert({ summary: 'Peer mentoring 2025', timeZone: 'Europe/London' });
    const calId = cal.id ?? '';
    const e = Calendar.Events.insert(
      launch([
        { email: 'sian@example.org', displayName: 'Siân Ffion ap Dafydd' },
        { email: 'sean@example.org' },
      ]),
      calId,
    );
    expect(e.id).toMatch(/^[a-v0-9]{5,}$/);
    expect(e.iCalUID).toBe(`${e.id}@google.com`);
    expect(e.status).toBe('confirmed');
    expect(e.kind).toBe('calendar#event');
    expect(e.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
    const eid = new URL(e.htmlLink ?? '').searchParams.get('eid') ?? '';
    expect(Buffer.from(eid, 'base64').toString()).toBe(`${e.id} ${calId}`);
    expect(e.created).toBe(new Date(APRIL + 600 + 800).toISOString());
    expect(e.updated).toBe(e.created);
    expect(e.sequence).toBe(0);
    expect(e.start).toEqual({ dateTime: '2025-05-07T10:00:00+01:00', timeZone: 'Europe/London' });
    expect(e.end).toEqual({ dateTime: '2025-05-07T11:30:00+01:00', timeZone: 'Europe/London' });
    expect(e.attendees).toEqual([
      { email: 'sian@example.org', displayName: 'Siân Ffion ap Dafydd', responseStatus: 'needsAction' },
      { email: 'sean@example.org', responseStatus: 'needsAction' },
    ]);
    expect(e.organizer).toEqual({ email: calId, displayName: 'Peer mentoring 2025', self: true });
    expect(e.creator).toEqual({ email: OWNER, self: true });
    expect(e.reminders).toEqual({ useDefault: true });
    expect(e.extendedProperties).toEqual({ private: { cohortKey: 'launch-2025' } });
    expect(e.hangoutLink).toBeUndefined();
    expect(typeof e.start?.dateTime).toBe('string');
    expect(rt.totalCalls.get('Calendar.Events.insert')).toBe(1);
    expect(Calendar.Events.get(calId, e.id ?? '')).toEqual(e);
  });

  it('drops conferenceData in silence without conferenceDataVersion 1', () => {
    const { Calendar, rt } = harness();
    const request = {
      createRequest: { requestId: 'launch-2025', conferenceSolutionKey: { type: 'hangoutsMeet' } },
    };
    const without = Calendar.Events.insert({ ...launch(), conferenceData: request }, 'primary');
    const zero = Calendar.Events.insert({ ...launch(), conferenceData: request }, 'primary', {
      conferenceDataVersion: 0,
    });
    rt.clock.advance(60_000);
    for (const e of [without, zero, Calendar.Events.get('primary', without.id ?? '')]) {
      expect(e.conferenceData).toBeUndefined();
      expect(e.hangoutLink).toBeUndefined();
    }
  });

  it('accepts a caller id and refuses it twice', () => {
    const { Calendar } = harness();
    const e = Calendar.Events.insert({ ...finale(), id: 'finale2025' }, 'primary');
    expect(e.id).toBe('finale2025');
    expect(thrown(() => Calendar.Events.insert({ ...finale(), id: 'finale2025' }, 'primary'))).toBe(
      'GoogleJsonResponseException: API call to calendar.events.insert failed with error: The requested identifier already exists.',
    );
    expect(thrown(() => Calendar.Events.insert({ ...finale(), id: 'Not_Valid!' }, 'primary'))).toContain(
      'Invalid resource id value.',
    );
  });

  it('refuses what the API refuses', () => {
    const { Calendar } = harness();
    expect(thrown(() => Calendar.Events.insert(launch(), 'unknown@group.calendar.google.com'))).toBe(
      'GoogleJsonResponseException: API call to calendar.events.insert failed with error: Not Found',
    );
    expect(thrown(() => Calendar.Events.insert({ ...launch(), end: undefined }, 'primary'))).toContain(
      'Missing end time.',
    );
    expect(
      thrown(() =>
        Calendar.Events.insert({ ...launch(), attendees: [{ email: 'not an address' }] }, 'primary'),
      ),
    ).toContain('Invalid attendee email.');
    expect(
      thrown(() => Calendar.Events.insert({ ...launch(), recurrence: ['RRULE:FREQ=WEEKLY'] }, 'primary')),
    ).toMatch(/^NotImplemented:/);
    expect(thrown(() => Calendar.Events.get('primary', 'doesnotexist'))).toBe(
      'GoogleJsonResponseException: API call to calendar.events.get failed with error: Not Found',
    );
  });

  it('works with values made in the script realm', async () => {
    const vm = await import('node:vm');
    const { module } = harness();
    const context = vm.createContext({ ...module.globals() });
    const result = vm.runInContext(
      `(() => {
        const e = Calendar.Events.insert({
          summary: 'Drop-in',
          start: { dateTime: new Date(Date.UTC(2025, 6, 9, 9)) },
          end: { dateTime: '2025-07-09T11:00:00', timeZone: 'Europe/London' },
          attendees: [{ email: 'mentor@example.org' }],
        }, 'primary');
        return [Array.isArray(e.attendees), e.start.dateTime, e.end.dateTime];
      })()`,
      context,
    );
    expect(result).toEqual([true, '2025-07-09T10:00:00+01:00', '2025-07-09T11:00:00+01:00']);
  });
});
