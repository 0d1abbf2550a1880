import { harness, launch, OWNER, thrown } from './harness';

const OTHER = 'deputy@example.org';

/** Runs `work` as one execution of `user`. */
function as<T>(h: ReturnType<typeof harness>, user: string, work: () => T): T {
  h.rt.begin('work', 'menu', user);
  try {
    return work();
  } finally {
    h.rt.end();
  }
}

describe('calendars belong to an account', () => {
  it('another account gets "Not Found" for every call on the coordinator’s calendar', () => {
    const h = harness();
    const { Calendar } = h;
    const cal = as(h, OWNER, () => Calendar.Calendars.insert({ summary: 'Peer mentoring 2025' }));
    const id = cal.id ?? '';
    const e = as(h, OWNER, () => Calendar.Events.insert(launch(), id));
    const fails = (method: string) =>
      `GoogleJsonResponseException: API call to calendar.${method} failed with error: Not Found`;
    as(h, OTHER, () => {
      expect(thrown(() => Calendar.Events.list(id))).toBe(fails('events.list'));
      expect(thrown(() => Calendar.Events.insert(launch(), id))).toBe(fails('events.insert'));
      expect(thrown(() => Calendar.Events.patch({ summary: 'x' }, id, e.id ?? ''))).toBe(
        fails('events.patch'),
      );
      expect(thrown(() => Calendar.Events.get(id, e.id ?? ''))).toBe(fails('events.get'));
      expect(thrown(() => Calendar.Events.remove(id, e.id ?? ''))).toBe(fails('events.delete'));
      expect(thrown(() => Calendar.Calendars.get(id))).toBe(fails('calendars.get'));
      // The coordinator's own calendar, by its address, is theirs alone too.
      expect(thrown(() => Calendar.Events.list(OWNER))).toBe(fails('events.list'));
    });
    expect(as(h, OWNER, () => Calendar.Events.get(id, e.id ?? '').summary)).toBe(
      'Launch event and speed dating',
    );
  });

  it('"primary" is the running account’s own calendar; what it makes there is its own', () => {
    const h = harness();
    const { Calendar, sent } = h;
    const mine = as(h, OTHER, () =>
      Calendar.Events.insert(launch([{ email: 'sian@example.org' }]), 'primary', { sendUpdates: 'all' }),
    );
    expect(mine.organizer).toEqual({ email: OTHER, self: true });
    expect(mine.creator).toEqual({ email: OTHER, self: true });
    expect(sent.map((m) => m.from)).toEqual([OTHER]);
    expect(as(h, OWNER, () => Calendar.Events.list('primary').items)).toEqual([]);
    const created = as(h, OTHER, () => Calendar.Calendars.insert({ summary: 'Mine' }));
    expect(as(h, OWNER, () => thrown(() => Calendar.Calendars.get(created.id ?? '')))).toContain('Not Found');
  });
});
