import { harness, launch, thrown } from './harness';

const guests = [
  { email: 'sian@example.org', displayName: 'Siân Ffion ap Dafydd' },
  { email: 'sean@example.org', displayName: 'Seán Ó Briain' },
];

describe('Calendar.Events.patch', () => {
  it('changes only the given fields; arrays replace the whole array; objects merge', () => {
    const { Calendar, module } = harness();
    const e = Calendar.Events.insert(launch(guests), 'primary');
    const p = Calendar.Events.patch(
      { attendees: [{ email: 'new@example.org' }], extendedProperties: { private: { round: '2' } } },
      'primary',
      e.id ?? '',
    );
    expect(p.attendees).toEqual([{ email: 'new@example.org', responseStatus: 'needsAction' }]);
    expect(p.summary).toBe(e.summary);
    expect(p.description).toBe(e.description);
    expect(p.start).toEqual(e.start);
    expect(p.extendedProperties?.private).toEqual({ cohortKey: 'launch-2025', round: '2' });
    expect(module.writeCount).toBe(2);
  });

  it('keeps attendees' + "'" + ' answers when the array is sent back with them', () => {
    const { Calendar } = harness();
    const e = Calendar.Events.insert(launch(guests), 'primary');
    const answered = (e.attendees ?? []).map((a, i) => (i === 0 ? { ...a, responseStatus: 'accepted' } : a));
    const p = Calendar.Events.patch({ attendees: answered }, 'primary', e.id ?? '');
    expect(p.attendees?.map((a) => a.responseStatus)).toEqual(['accepted', 'needsAction']);
  });

  it('clears a field patched with null and merges start fields', () => {
    const { Calendar } = harness();
    const e = Calendar.Events.insert(launch(), 'primary');
    const p = Calendar.Events.patch(
      { description: null, start: { dateTime: '2025-05-07T09:30:00' } } as never,
      'primary',
      e.id ?? '',
    );
    expect(p.description).toBeUndefined();
    // timeZone is kept from the stored start, so the bare time is London wall-clock time.
    expect(p.start).toEqual({ dateTime: '2025-05-07T09:30:00+01:00', timeZone: 'Europe/London' });
  });

  it('raises the sequence on a change that matters, not on guests alone or on no change', () => {
    const { Calendar, module } = harness();
    const e = Calendar.Events.insert(launch(guests), 'primary');
    const id = e.id ?? '';
    expect(e.sequence).toBe(0);
    expect(Calendar.Events.patch({ attendees: guests.slice(0, 1) }, 'primary', id).sequence).toBe(0);
    const moved = Calendar.Events.patch(
      {
        start: { dateTime: '2025-05-14T10:00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2025-05-14T11:30:00', timeZone: 'Europe/London' },
      },
      'primary',
      id,
    );
    expect(moved.sequence).toBe(1);
    expect(moved.created).toBe(e.created);
    expect(Calendar.Events.patch({ location: 'Online' }, 'primary', id).sequence).toBe(2);
    const writes = module.writeCount;
    const same = Calendar.Events.patch({ location: 'Online' }, 'primary', id);
    expect(same.sequence).toBe(2);
    expect(module.writeCount).toBe(writes);
    expect(thrown(() => Calendar.Events.patch({ summary: 'x', sequence: 1 }, 'primary', id))).toContain(
      'The specified sequence number is below the current sequence number of the resource.',
    );
  });

  it('update replaces the whole event', () => {
    const { Calendar } = harness();
    const e = Calendar.Events.insert(launch(guests), 'primary');
    const u = Calendar.Events.update(
      { summary: 'Launch', start: e.start, end: e.end },
      'primary',
      e.id ?? '',
    );
    expect(u.summary).toBe('Launch');
    expect(u.description).toBeUndefined();
    expect(u.attendees).toBeUndefined();
    expect(u.extendedProperties).toBeUndefined();
    expect(u.sequence).toBe(1);
  });

  it('remove cancels: get still returns it, a second remove is 410', () => {
    const { Calendar, module } = harness();
    const e = Calendar.Events.insert(launch(guests), 'primary');
    Calendar.Events.remove('primary', e.id ?? '');
    const got = Calendar.Events.get('primary', e.id ?? '');
    expect(got.status).toBe('cancelled');
    expect(got.sequence).toBe(1);
    expect(module.events()).toEqual([]);
    expect(module.events('primary', { includeCancelled: true })).toHaveLength(1);
    expect(thrown(() => Calendar.Events.remove('primary', e.id ?? ''))).toBe(
      'GoogleJsonResponseException: API call to calendar.events.delete failed with error: Resource has been deleted',
    );
    expect(module.writeCount).toBe(2);
  });
});
