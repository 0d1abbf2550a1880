import { harness, launch, thrown } from './harness';

describe('fault injection', () => {
  it('throws Google’s error text for the chosen call and changes nothing', () => {
    const { Calendar, module, sent } = harness();
    const calls: string[] = [];
    module.failures.push((call) => {
      calls.push(`${call.method} ${call.calendarId} ${call.eventId ?? ''}`.trim());
      return call.method === 'insert' ? 'Rate Limit Exceeded' : undefined;
    });
    const err = (() => {
      try {
        Calendar.Events.insert(launch([{ email: 'a@example.org' }]), 'primary', { sendUpdates: 'all' });
      } catch (e) {
        return e as Error & { details?: { code: number } };
      }
      throw new Error('no error');
    })();
    expect(err.name).toBe('GoogleJsonResponseException');
    expect(err.message).toBe('API call to calendar.events.insert failed with error: Rate Limit Exceeded');
    expect(err.details?.code).toBe(429);
    expect(module.events()).toEqual([]);
    expect(module.writeCount).toBe(0);
    expect(sent).toEqual([]);
    expect(calls).toEqual(['insert primary']);
  });

  it('can fail one patch of one event, then let it through', () => {
    const { Calendar, module } = harness();
    const e = Calendar.Events.insert(launch(), 'primary');
    let fail = true;
    module.failures.push((call) =>
      call.method === 'patch' && call.eventId === e.id && fail
        ? 'Calendar usage limits exceeded.'
        : undefined,
    );
    expect(thrown(() => Calendar.Events.patch({ summary: 'New' }, 'primary', e.id ?? ''))).toBe(
      'GoogleJsonResponseException: API call to calendar.events.patch failed with error: Calendar usage limits exceeded.',
    );
    expect(Calendar.Events.get('primary', e.id ?? '').summary).toBe('Launch event and speed dating');
    fail = false;
    expect(Calendar.Events.patch({ summary: 'New' }, 'primary', e.id ?? '').summary).toBe('New');
  });

  it('names the REST method of remove (delete) and of calendars.insert', () => {
    const { Calendar, module } = harness();
    module.failures.push(() => 'Backend Error');
    expect(thrown(() => Calendar.Events.remove('primary', 'abcdef'))).toBe(
      'GoogleJsonResponseException: API call to calendar.events.delete failed with error: Backend Error',
    );
    expect(thrown(() => Calendar.Calendars.insert({ summary: 'x' }))).toContain(
      'calendar.calendars.insert failed',
    );
  });

  it('counts the call even when it fails (the request was made)', () => {
    const { Calendar, module, rt } = harness();
    module.failures.push(() => 'Rate Limit Exceeded');
    thrown(() => Calendar.Events.list('primary'));
    expect(rt.totalCalls.get('Calendar.Events.list')).toBe(1);
  });
});
