import { addDays, addMonths } from '../../../src/domain/close/calendarDays';
import { erasureDueFrom, erasureIsDue, hasEnded } from '../../../src/domain/close/retention';

describe('calendar days', () => {
  it.each([
    ['2025-11-30', 1, '2025-12-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2025-05-07', 364, '2026-05-06'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s + %i days is %s', (iso, days, expected) => expect(addDays(iso, days)).toBe(expected));

  it.each([
    ['2025-12-01', 12, '2026-12-01'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 6, '2025-09-30'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-06-10', 0, '2025-06-10'],
    ['2025-06-10', 120, '2035-06-10'],
  ])('%s + %i months is %s', (iso, months, expected) => expect(addMonths(iso, months)).toBe(expected));

  it('refuses text that is not a date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow('is not a date');
  });
});

describe('retention', () => {
  it.each([
    ['2025-11-30', 12, '2026-12-01'],
    ['2025-11-30', 0, '2025-12-01'],
    ['2025-02-28', 1, '2025-04-01'],
    // From 31 January, one month on is the end of February (no 31st): the earlier day, never later.
    ['2025-01-30', 1, '2025-02-28'],
    ['2025-12-31', 2, '2026-03-01'],
  ])('a programme ending %s, kept %i months, falls due for erasure on %s', (end, months, due) =>
    expect(erasureDueFrom(end, months)).toBe(due),
  );

  it('is due on the day and after, never before', () => {
    expect(erasureIsDue('2026-11-30', '2025-11-30', 12)).toBe(false);
    expect(erasureIsDue('2026-12-01', '2025-11-30', 12)).toBe(true);
    expect(erasureIsDue('2027-01-01', '2025-11-30', 12)).toBe(true);
  });

  it('says the programme has ended only after its last day', () => {
    expect(hasEnded('2025-11-30', '2025-11-30')).toBe(false);
    expect(hasEnded('2025-12-01', '2025-11-30')).toBe(true);
  });
});
