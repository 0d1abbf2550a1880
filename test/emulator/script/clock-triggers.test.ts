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

  it('everyDays().atHour() fires at that hour of the script time zone, across the clock change', () => {
    // Sat 29 Mar 2025 12:00 UTC; London moves to BST on Sun 30 Mar at 01:00 UTC.
    const { rt, script, ScriptApp } = setup(Date.UTC(2025, 2, 29, 12, 0));
    inExecution(rt, () => ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create());
    const fired = runUntil(script, rt, Date.UTC(2025, 3, 1, 12, 0));
    expect(fired.map(([, at]) => new Date(at).toISOString())).toEqual([
      '2025-03-30T06:00:00.000Z', // 07:00 BST
      '2025-03-31T06:00:00.000Z',
      '2025-04-01T06:00:00.000Z',
    ]);
  });

  it('everyDays(2).atHour().nearMinute().inTimezone() uses that zone and period', () => {
    const { rt, script, ScriptApp } = setup(Date.UTC(2025, 0, 1, 0, 0));
    inExecution(rt, () =>
      ScriptApp.newTrigger('d')
        .timeBased()
        .everyDays(2)
        .atHour(9)
        .nearMinute(30)
        .inTimezone('America/New_York')
        .create(),
    );
    const fired = runUntil(script, rt, Date.UTC(2025, 0, 5, 0, 0));
    expect(fired.map(([, at]) => new Date(at).toISOString())).toEqual([
      '2025-01-01T14:30:00.000Z',
      '2025-01-03T14:30:00.000Z',
    ]);
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
