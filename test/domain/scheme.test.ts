import { formatDayDate, formatProgrammeDate } from '../../src/domain/dates';
import { PROGRAMME_2025 } from '../../src/domain/prose/programme';
import { AREAS, CURRENT_ROLES, NATIONS, NOT_ELIGIBLE_NOTE } from '../../src/domain/scheme';

const byKey = (key: string) => {
  const p = PROGRAMME_2025.find((d) => d.key === key);
  if (!p) throw new Error(`no ${key}`);
  return p;
};

describe('PROGRAMME_2025 matches the scheme text', () => {
  // Each line as the scheme announces it ("Wednesday 7 May, 10am to 11.30am").
  it.each([
    ['application-deadline', 'Friday 18 April 2025', 'coordinator'],
    ['confirmation', 'Friday 25 April 2025', 'coordinator'],
    ['launch', 'Wednesday 7 May 2025, 10am to 11.30am', 'all participants'],
    ['pairs-announced', 'Tuesday 20 May 2025', 'coordinator'],
    ['training', 'Wednesday 21 May 2025, 10am to 11.30am', 'all participants'],
    ['drop-in-1', 'Tuesday 8 July 2025, 12.30pm to 1.30pm', 'mentors'],
    ['drop-in-2', 'Friday 12 September 2025, 12.30pm to 1.30pm', 'mentors'],
    ['drop-in-3', 'Tuesday 21 October 2025, 12.30pm to 1.30pm', 'mentors'],
    ['finale', 'Tuesday 25 November 2025, 10am to 11.30am', 'all participants'],
  ])('%s: %s for %s', (key, when, audience) => {
    const p = byKey(key);
    expect(formatProgrammeDate(p)).toBe(when);
    expect(p.audience).toBe(audience);
    expect(p.timeZone).toBe('Europe/London');
    expect(p.online).toBe(true);
  });

  it('is in date order with unique keys', () => {
    const dates = PROGRAMME_2025.map((p) => p.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(PROGRAMME_2025.map((p) => p.key)).size).toBe(PROGRAMME_2025.length);
  });

  it('has the eligibility rules', () => {
    expect(NATIONS).toEqual(['England', 'Wales', 'Northern Ireland', 'Crown Dependencies']);
    expect(NATIONS).not.toContain('Scotland');
    expect(NOT_ELIGIBLE_NOTE).toMatch(/Scotland are not eligible/);
    expect(CURRENT_ROLES).toHaveLength(3);
    expect(CURRENT_ROLES[0]).toBe('Head of Service');
    expect(AREAS).toContain('Working with councillors');
    expect(AREAS[AREAS.length - 1]).toBe('Other');
  });

  it('formats a day that is not a date as given', () => {
    expect(formatDayDate('soon')).toBe('soon');
  });
});
