import {
  addDays,
  attentionDate,
  checkInRounds,
  continuationWindow,
  daysBetween,
  dueRound,
  nextRound,
  nudgeDate,
  thanksFrom,
} from '../../../src/domain/keepInTouch/schedule';

const DEFAULTS = { firstWeeks: 4, everyWeeks: 4, endDate: '2025-11-30' };

describe('check-in rounds', () => {
  it('go 4 weeks after the introductions, then every 4 weeks, until the programme ends', () => {
    expect(checkInRounds('2025-05-20', DEFAULTS)).toEqual([
      { round: 1, date: '2025-06-17' },
      { round: 2, date: '2025-07-15' },
      { round: 3, date: '2025-08-12' },
      { round: 4, date: '2025-09-09' },
      { round: 5, date: '2025-10-07' },
      { round: 6, date: '2025-11-04' },
    ]);
  });

  it('count from each pair’s own introductions (a mentee matched again in July starts at round 1)', () => {
    expect(checkInRounds('2025-07-10', { ...DEFAULTS, everyWeeks: 6 }).map((r) => r.date)).toEqual([
      '2025-08-07',
      '2025-09-18',
      '2025-10-30',
    ]);
  });

  it('include a round that falls on the last day, and none after it', () => {
    expect(checkInRounds('2025-11-02', DEFAULTS)).toEqual([{ round: 1, date: '2025-11-30' }]);
    expect(checkInRounds('2025-11-03', DEFAULTS)).toEqual([]);
  });

  it('are none for a text that is not a date', () => {
    expect(checkInRounds('20 May', DEFAULTS)).toEqual([]);
    expect(checkInRounds('2025-05-20', { ...DEFAULTS, endDate: '' })).toEqual([]);
  });

  it.each([
    ['2025-06-16', null],
    ['2025-06-17', 1],
    ['2025-07-14', 1],
    ['2025-07-15', 2],
    // After a gap only the latest is due: one check-in, not a backlog.
    ['2025-10-01', 4],
    ['2025-12-15', 6],
  ])('on %s the round due is %p', (today, round) => {
    expect(dueRound('2025-05-20', today, DEFAULTS)?.round ?? null).toBe(round);
  });

  it('say when the next one goes', () => {
    expect(nextRound('2025-05-20', '2025-06-17', DEFAULTS)).toEqual({ round: 2, date: '2025-07-15' });
    expect(nextRound('2025-05-20', '2025-11-04', DEFAULTS)).toBeNull();
  });
});

describe('the nudge and the needs-attention list', () => {
  it('nudge a week after the first check-in when nudgeAfterDays comes before it (nobody is nudged unasked)', () => {
    // 21 days after 20 May is 10 June, before the first check-in on 17 June: a week after it instead.
    expect(nudgeDate('2025-05-20', 21, { firstWeeks: 4 })).toBe('2025-06-24');
  });

  it('nudge nudgeAfterDays after the introductions when that is later', () => {
    expect(nudgeDate('2025-05-20', 42, { firstWeeks: 4 })).toBe('2025-07-01');
  });

  it('list a pair still silent 14 days after the nudge', () => {
    expect(attentionDate('2025-06-24')).toBe('2025-07-08');
  });
});

describe('the end of the programme', () => {
  it('ask about continuing from some weeks before the finale until the finale', () => {
    expect(continuationWindow('2025-11-25', 4)).toEqual({ from: '2025-10-28', until: '2025-11-25' });
  });

  it('thank everyone from the day after the finale', () => {
    expect(thanksFrom('2025-11-25')).toBe('2025-11-26');
  });
});

describe('calendar days', () => {
  it.each([
    ['2025-03-29', 2, '2025-03-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s + %p days is %s (no clock change moves a date)', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });

  it('refuse a text that is not a date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(/Not a date/);
  });
});
