import fc from 'fast-check';
import {
  count,
  EMPTY_HISTORY,
  FLOOD_AT,
  floodProblem,
  historyText,
  nextHistory,
  RECENT_SUBMISSIONS,
  readAgain,
  readHistory,
} from '../../../src/domain/intake/history';

const stamp = (i: number) => {
  const d = new Date(Date.UTC(2025, 2, 24, 9, 0) + i * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

describe('submission history', () => {
  it('keeps the count, the first and the latest few, newest first', () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < 12; i++) h = nextHistory(h, stamp(i));
    expect(h.count).toBe(12);
    expect(h.first).toBe(stamp(0));
    expect(h.recent).toEqual([11, 10, 9, 8, 7].map(stamp));
    expect(historyText(h)).toBe(
      `12 submissions: first ${stamp(0)}; latest ${[11, 10, 9, 8, 7].map(stamp).join(', ')}, …`,
    );
  });

  it('reads back what it wrote, so the next submission continues it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (n) => {
        let h = EMPTY_HISTORY;
        for (let i = 0; i < Math.min(n, 20); i++) h = nextHistory(h, stamp(i));
        const written = { ...h, count: n };
        expect(readHistory(historyText(written), n)).toEqual(written);
      }),
    );
  });

  it('stays short however many submissions there are', () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < 10_000; i++) h = nextHistory(h, stamp(i));
    expect(historyText(h).length).toBeLessThan(200);
    expect(h.recent).toHaveLength(RECENT_SUBMISSIONS);
  });

  it('says so from a flood of submissions, in words', () => {
    expect(floodProblem({ count: FLOOD_AT - 1, first: '', recent: [] })).toBeNull();
    expect(floodProblem({ count: 1204, first: '', recent: [] })).toBe(
      "1,204 submissions from this address: check that they are all this person's",
    );
    expect(count(1234567)).toBe('1,234,567');
  });

  it('copes with a cell a coordinator edited', () => {
    expect(readHistory('see notes', 3)).toEqual({ count: 3, first: '', recent: [] });
    expect(readHistory('', '')).toEqual({ count: 0, first: '', recent: [] });
  });

  it('knows a response read again after a cut-off from a new one, even in the same minute', () => {
    const at = Date.UTC(2025, 2, 24, 9, 3, 20);
    const history = nextHistory(EMPTY_HISTORY, stamp(3));
    const seen = { fromTop: false, at, shownAt: stamp(3), rowAt: at, history };
    expect(readAgain(seen)).toBe(true);
    // Read from the top, the counts start again: nothing is "again".
    expect(readAgain({ ...seen, fromTop: true })).toBe(false);
    // A second response 10 seconds later, in the same minute, is new.
    expect(readAgain({ ...seen, at: at + 10_000, shownAt: stamp(3) })).toBe(false);
    // A row not written yet, or whose latest listed time is another one, has not seen it.
    expect(readAgain({ ...seen, rowAt: null })).toBe(false);
    expect(readAgain({ ...seen, history: nextHistory(history, stamp(4)) })).toBe(false);
  });
});
