import { harness, launch, thrown } from './harness';

function seed(n: number) {
  const h = harness();
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    h.Calendar.Events.insert(
      {
        summary: `Meeting ${i}`,
        start: { dateTime: `2025-06-${day}T10:00:00`, timeZone: 'Europe/London' },
        end: { dateTime: `2025-06-${day}T11:00:00`, timeZone: 'Europe/London' },
        extendedProperties: { private: { cohortKey: `row-${i}`, kind: i % 2 === 0 ? 'even' : 'odd' } },
      },
      'primary',
    );
  }
  return h;
}

describe('Calendar.Events.list', () => {
  it('pages at 250 by default with a nextPageToken, and the pages cover every event once', () => {
    const { Calendar } = seed(600);
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const page = Calendar.Events.list('primary', { pageToken: token, singleEvents: true });
      sizes.push(page.items?.length ?? 0);
      for (const e of page.items ?? []) seen.push(e.id ?? '');
      token = page.nextPageToken;
    } while (token);
    expect(sizes).toEqual([250, 250, 100]);
    expect(new Set(seen).size).toBe(600);
  });

  it('honours maxResults and the privateExtendedProperty filter (one or several)', () => {
    const { Calendar } = seed(20);
    expect(Calendar.Events.list('primary', { maxResults: 7 }).items).toHaveLength(7);
    const one = Calendar.Events.list('primary', { privateExtendedProperty: 'cohortKey=row-13' }).items ?? [];
    expect(one.map((e) => e.summary)).toEqual(['Meeting 13']);
    const both =
      Calendar.Events.list('primary', { privateExtendedProperty: ['kind=odd', 'cohortKey=row-13'] }).items ??
      [];
    expect(both).toHaveLength(1);
    expect(
      Calendar.Events.list('primary', { privateExtendedProperty: ['kind=even', 'cohortKey=row-13'] }).items,
    ).toEqual([]);
    expect(Calendar.Events.list('primary', { privateExtendedProperty: 'kind=odd' }).items).toHaveLength(10);
  });

  it('filters by time (timeMin bounds the end, timeMax the start) and orders by start time', () => {
    const { Calendar } = seed(10);
    const page = Calendar.Events.list('primary', {
      timeMin: '2025-06-03T10:30:00+01:00',
      timeMax: '2025-06-06T10:00:00+01:00',
      singleEvents: true,
      orderBy: 'startTime',
    });
    expect(page.items?.map((e) => e.summary)).toEqual(['Meeting 2', 'Meeting 3', 'Meeting 4']);
    expect(page.timeZone).toBe('Europe/London');
    expect(thrown(() => Calendar.Events.list('primary', { orderBy: 'startTime' }))).toContain(
      'The requested ordering is not available for the particular query.',
    );
    expect(thrown(() => Calendar.Events.list('primary', { timeMin: '2025-06-03T10:30:00' }))).toContain(
      'Bad Request',
    );
  });

  it('leaves deleted events out unless showDeleted, and searches text with q', () => {
    const { Calendar } = harness();
    const a = Calendar.Events.insert(launch([{ email: 'sian@example.org', displayName: 'Siân' }]), 'primary');
    Calendar.Events.insert({ ...launch(), summary: 'Finale' }, 'primary');
    Calendar.Events.remove('primary', a.id ?? '');
    expect(Calendar.Events.list('primary').items?.map((e) => e.summary)).toEqual(['Finale']);
    expect(Calendar.Events.list('primary', { showDeleted: true }).items).toHaveLength(2);
    expect(Calendar.Events.list('primary', { q: 'finale' }).items).toHaveLength(1);
    expect(thrown(() => Calendar.Events.list('primary', { pageToken: 'garbage' }))).toContain(
      'Invalid page token value.',
    );
  });
});
