import { CONSUMER_LIMITS } from '../../../src/emulator/calendar/limits';
import { DAY_MS } from '../../../src/emulator/mail/MailQuota';
import { harness, launch, thrown } from './harness';

const LIMIT_TEXT =
  'GoogleJsonResponseException: API call to calendar.events.insert failed with error: Calendar usage limits exceeded.';

describe('daily event-creation quota (per account)', () => {
  it('is 5,000 by default (a consumer account)', () => {
    expect(CONSUMER_LIMITS.eventsPerDay).toBe(5000);
  });

  it('refuses the next insert once the day’s events are created, and nothing is stored', () => {
    const { Calendar, module, rt } = harness();
    module.limits.eventsPerDay = 3;
    for (let i = 0; i < 3; i++) Calendar.Events.insert(launch(), 'primary');
    expect(thrown(() => Calendar.Events.insert(launch(), 'primary'))).toBe(LIMIT_TEXT);
    expect(module.events()).toHaveLength(3);
    // Patches and deletes are not creations.
    const first = module.events()[0]?.id ?? '';
    expect(Calendar.Events.patch({ summary: 'Moved' }, 'primary', first).summary).toBe('Moved');
    // Another account has its own day; the first one's starts again 24 hours after it began.
    rt.begin('other', 'menu', 'deputy@example.org');
    expect(Calendar.Events.insert(launch(), 'primary').id).toBeTruthy();
    rt.end();
    rt.clock.advance(DAY_MS);
    expect(Calendar.Events.insert(launch(), 'primary').id).toBeTruthy();
  });

  it('a refused insert does not count', () => {
    const { Calendar, module } = harness();
    module.limits.eventsPerDay = 1;
    thrown(() => Calendar.Events.insert({ ...launch(), end: undefined }, 'primary'));
    expect(Calendar.Events.insert(launch(), 'primary').id).toBeTruthy();
  });
});

describe('throttled invitations to outside guests (optional)', () => {
  const outside = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ email: `guest${from + i}@library.gov.uk` }));

  it('is off by default', () => {
    expect(CONSUMER_LIMITS.externalInvitationsPerDay).toBeNull();
    const { Calendar, sent } = harness();
    Calendar.Events.insert(launch(outside(300)), 'primary', { sendUpdates: 'all' });
    expect(sent).toHaveLength(300);
  });

  it('past the day’s limit refuses the write that would invite more, sending nothing', () => {
    const { Calendar, module, sent, rt } = harness();
    module.limits.externalInvitationsPerDay = 3;
    Calendar.Events.insert(launch(outside(2)), 'primary', { sendUpdates: 'all' });
    expect(
      thrown(() => Calendar.Events.insert(launch(outside(2, 2)), 'primary', { sendUpdates: 'all' })),
    ).toBe(LIMIT_TEXT);
    expect(module.events()).toHaveLength(1);
    expect(sent).toHaveLength(2);
    // Guests in the owner's own domain, and writes that notify nobody, do not count.
    const inside = [{ email: 'colleague@example.org' }, { email: 'deputy@example.org' }];
    Calendar.Events.insert(launch(inside), 'primary', { sendUpdates: 'all' });
    Calendar.Events.insert(launch(outside(5, 10)), 'primary');
    const e = Calendar.Events.insert(launch(outside(1, 20)), 'primary', { sendUpdates: 'all' });
    expect(
      thrown(() =>
        Calendar.Events.patch({ attendees: outside(2, 20) }, 'primary', e.id ?? '', { sendUpdates: 'all' }),
      ),
    ).toContain('calendar.events.patch failed with error: Calendar usage limits exceeded.');
    rt.clock.advance(DAY_MS);
    Calendar.Events.patch({ attendees: outside(2, 20) }, 'primary', e.id ?? '', { sendUpdates: 'all' });
    expect(sent.at(-2)?.to).toEqual(['guest21@library.gov.uk']);
  });

  it('on a consumer account every guest is outside its domain', () => {
    const { Calendar, module, rt } = harness();
    module.limits.externalInvitationsPerDay = 1;
    rt.begin('x', 'menu', 'rhian@gmail.com');
    Calendar.Events.insert(launch([{ email: 'a@gmail.com' }]), 'primary', { sendUpdates: 'all' });
    expect(
      thrown(() =>
        Calendar.Events.insert(launch([{ email: 'b@gmail.com' }]), 'primary', { sendUpdates: 'all' }),
      ),
    ).toBe(LIMIT_TEXT);
    rt.end();
  });
});
