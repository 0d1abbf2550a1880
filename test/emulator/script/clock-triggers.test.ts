import { ScriptException } from '../../../src/emulator/runtime/errors';
import type { ScriptModule } from '../../../src/emulator/script/ScriptModule';
import { inExecution, START, setup } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** What the Emulator's scheduler does: fire each due trigger in time order up to `until`. */
function runUntil(
  script: ScriptModule,
  rt: { clock: { now(): number; set(ms: number): void } },
  until: number,
) {
  const fired: Array<[string, number]> = [];
  for (;;) {
    const due = script.nextClockTrigger(until);
    if (!due) break;
    if (due.dueAt > rt.clock.now()) rt.clock.set(due.dueAt);
    script.markFired(due.uid);
    fired.push([due.handler, rt.clock.now()]);
  }
  rt.clock.set(Math.max(rt.clock.now(), until));
  return fired;
}

describe('clock triggers', () => {
  it('after(ms) is due at creation + ms, fires once, then stays listed as fired', () => {
    const { rt, script, ScriptApp } = setup();
    const before = rt.clock.now();
    const created = inExecution(rt, () => {
      ScriptApp.newTrigger('resume')
        .timeBased()
        .after(10 * MIN)
        .create();
      return rt.clock.now();
    });
    const [record] = script.triggers();
    expect(record).toMatchObject({ handler: 'resume', kind: 'clock', source: 'CLOCK', fired: false });
    // Due 10 minutes after the moment after() was called, during the execution.
    expect(record!.dueAt).toBeGreaterThan(before + 10 * MIN);
    expect(record!.dueAt).toBeLessThanOrEqual(created + 10 * MIN);
    expect(script.nextClockTrigger(record!.dueAt - 1)).toBeUndefined();
    expect(runUntil(script, rt, created + HOUR)).toEqual([['resume', record!.dueAt]]);
    expect(script.triggers()[0]!.fired).toBe(true);
    expect(script.nextClockTrigger(Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });

  it('at(date) takes a Date from the script realm', () => {
    const { rt, script, ScriptApp } = setup();
    const when = Date.UTC(2025, 3, 18, 8, 0);
    const vmDate = require('node:vm').runInNewContext(`new Date(${when})`);
    inExecution(rt, () => ScriptApp.newTrigger('remind').timeBased().at(vmDate).create());
    expect(script.triggers()[0]!.dueAt).toBe(when);
    inExecution(rt, () =>
      expect(() =>
        ScriptApp.newTrigger('x')
          .timeBased()
          .at('tomorrow' as never),
      ).toThrow(ScriptException),
    );
  });

  it('everyMinutes accepts only 1, 5, 10, 15 or 30 and recurs', () => {
    const { rt, script, ScriptApp } = setup();
    inExecution(rt, () => {
      expect(() => ScriptApp.newTrigger('t').timeBased().everyMinutes(7)).toThrow(/1, 5, 10, 15 or 30/);
      ScriptApp.newTrigger('tick').timeBased().everyMinutes(15).create();
    });
    const t0 = rt.clock.now();
    const fired = runUntil(script, rt, t0 + HOUR);
    expect(fired.map(([, at]) => at - t0)).toEqual([15 * MIN, 30 * MIN, 45 * MIN, 60 * MIN]);
    expect(script.triggers()[0]).toMatchObject({ everyMs: 15 * MIN, fired: false });
  });

  it('everyDays().atHour() runs at a minute of that hour chosen per trigger, the same every day, across the clock change', () => {
    // Sat 29 Mar 2025 12:00 UTC; London moves to BST on Sun 30 Mar at 01:00 UTC.
    const { rt, script, ScriptApp } = setup(Date.UTC(2025, 2, 29, 12, 0));
    inExecution(rt, () => {
      for (let i = 0; i < 12; i++)
        ScriptApp.newTrigger(`daily${i}`).timeBased().everyDays(1).atHour(7).create();
    });
    const fired = runUntil(script, rt, Date.UTC(2025, 3, 1, 12, 0));
    const minutes = new Map<string, Set<number>>();
    for (const [handler, at] of fired) {
      const ms = at - Date.parse(`${new Date(at).toISOString().slice(0, 10)}T06:00:00Z`); // 07:00 BST
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(HOUR);
      minutes.set(handler, (minutes.get(handler) ?? new Set()).add(ms));
    }
    expect(fired).toHaveLength(12 * 3); // 30 and 31 March, 1 April
    // Each trigger keeps its minute from day to day; the twelve are not all at the same one.
    for (const ms of minutes.values()) expect(ms.size).toBe(1);
    expect(new Set([...minutes.values()].map((ms) => [...ms][0])).size).toBeGreaterThan(1);
    expect([...minutes.values()].every((ms) => ms.has(0))).toBe(false);
  });

  it('everyDays(2).atHour().nearMinute().inTimezone() runs within 15 minutes of it, in that zone and period', () => {
    const { rt, script, ScriptApp } = setup(Date.UTC(2025, 0, 1, 0, 0));
    inExecution(rt, () => {
      for (let i = 0; i < 8; i++)
        ScriptApp.newTrigger(`d${i}`)
          .timeBased()
          .everyDays(2)
          .atHour(9)
          .nearMinute(30)
          .inTimezone('America/New_York')
          .create();
    });
    const fired = runUntil(script, rt, Date.UTC(2025, 0, 5, 0, 0));
    expect(fired).toHaveLength(8 * 2);
    const offsets = new Set<number>();
    for (const [handler, at] of fired) {
      const first = fired.find(([h]) => h === handler)![1];
      expect([first, first + 2 * 24 * HOUR]).toContain(at);
      const day = at < Date.UTC(2025, 0, 2) ? Date.UTC(2025, 0, 1, 14, 30) : Date.UTC(2025, 0, 3, 14, 30);
      expect(Math.abs(at - day)).toBeLessThanOrEqual(15 * MIN); // 09:30 EST ± 15 min
      offsets.add(at - day);
    }
    expect(offsets.size).toBeGreaterThan(1);
  });

  it('nearMinute() a few minutes past midnight may run the evening before, and keeps its day', () => {
    const { rt, script, ScriptApp } = setup(Date.UTC(2025, 0, 1, 12, 0));
    inExecution(rt, () => {
      for (let i = 0; i < 8; i++)
        ScriptApp.newTrigger(`m${i}`)
          .timeBased()
          .everyDays(1)
          .atHour(0)
          .nearMinute(0)
          .inTimezone('UTC')
          .create();
    });
    const fired = runUntil(script, rt, Date.UTC(2025, 0, 5, 12, 0));
    for (const [handler, at] of fired) {
      const runs = fired.filter(([h]) => h === handler).map(([, t]) => t);
      expect(runs).toHaveLength(4); // for 2, 3, 4 and 5 January
      expect(runs.slice(1).map((t, i) => t - runs[i]!)).toEqual([24 * HOUR, 24 * HOUR, 24 * HOUR]);
      const nearest = Math.round(at / (24 * HOUR)) * 24 * HOUR;
      expect(Math.abs(at - nearest)).toBeLessThanOrEqual(15 * MIN);
    }
  });

  it('a daily trigger saved before runs were spread over the hour gets its minute on the same day', () => {
    const { rt, script, ScriptApp } = setup(Date.UTC(2025, 0, 1, 12, 0));
    inExecution(rt, () =>
      ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).inTimezone('UTC').create(),
    );
    const state = script.toState() as {
      triggers: Array<{ dueAt: number; schedule: Record<string, unknown> }>;
    };
    const old = state.triggers[0]!;
    delete old.schedule.offsetMs;
    old.dueAt = Date.UTC(2025, 0, 2, 7, 0);
    script.fromState(state);
    const offset = ((script.toState() as typeof state).triggers[0]!.schedule.offsetMs as number) ?? -1;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(HOUR);
    expect(script.triggers()[0]!.dueAt).toBe(Date.UTC(2025, 0, 2, 7, 0) + offset);
  });

  it('refuses incomplete or contradictory schedules', () => {
    const { rt, ScriptApp } = setup();
    inExecution(rt, () => {
      const b = () => ScriptApp.newTrigger('t').timeBased();
      expect(() => b().create()).toThrow(ScriptException);
      expect(() => b().atHour(5).create()).toThrow(ScriptException);
      expect(() => b().everyHours(1).atHour(5).create()).toThrow(ScriptException);
      expect(() => b().after(1000).everyMinutes(5).create()).toThrow(ScriptException);
      expect(() => b().everyHours(3)).toThrow(ScriptException);
      expect(() => b().atHour(24)).toThrow(ScriptException);
      expect(() => b().inTimezone('Mars/Olympus')).toThrow(ScriptException);
      expect(() => b().after(-1)).toThrow(ScriptException);
    });
  });

  it('builds the time-driven event object in UTC', () => {
    const { rt, script, ScriptApp } = setup();
    inExecution(rt, () => ScriptApp.newTrigger('t').timeBased().after(0).create());
    const due = script.nextClockTrigger(rt.clock.now())!;
    rt.clock.set(Date.UTC(2025, 3, 6, 23, 30, 15)); // Sunday 6 April 2025
    expect(script.clockEvent(due)).toEqual({
      authMode: 'FULL',
      triggerUid: due.uid,
      year: 2025,
      month: 4,
      'day-of-month': 6,
      'day-of-week': 7,
      hour: 23,
      minute: 30,
      second: 15,
      timezone: 'UTC',
      'week-of-year': 14,
    });
    expect(START).toBeLessThan(rt.clock.now());
  });
});
