import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, type EmulatorOptions } from '../../../src/emulator/Emulator';
import { START } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TOO_MUCH = 'Service using too much computer time for one day';

/** `work` runs for `sleep` minutes (Utilities.sleep lets simulated time pass, 5 minutes at most). */
const SCRIPT = `
function every10() { ScriptApp.newTrigger('work').timeBased().everyMinutes(10).create(); }
function once(ms) { ScriptApp.newTrigger('work').timeBased().after(ms).create(); }
function work() {
  var minutes = Number(PropertiesService.getScriptProperties().getProperty('sleep') || '5');
  while (minutes > 0) { var m = Math.min(5, minutes); Utilities.sleep(m * 60 * 1000); minutes -= m; }
}
`;

function emulator(options: Partial<EmulatorOptions> = {}): Emulator {
  return new Emulator({ now: START, triggerDelay: () => 0, ...options }).load(SCRIPT);
}

function setSleep(e: Emulator, minutes: number): void {
  e.properties.stores.script.values.set('sleep', String(minutes));
}

describe('total trigger runtime per day', () => {
  it('a consumer account has 90 minutes a day: the run that reaches them is ended, later ones fail as they start, until 24 hours after the first', () => {
    const e = emulator(); // mail quota 100: a consumer account
    expect(e.run('every10').ok).toBe(true);
    const ran = e.advance(4 * HOUR);
    // Each run is 5 minutes and a few calls' latency: 17 fit in 90 minutes.
    expect(ran.slice(0, 17).every((r) => r.ok)).toBe(true);
    const used = ran.slice(0, 17).reduce((ms, r) => ms + r.endedAt - r.startedAt, 0);
    const cut = ran[17]!;
    expect(cut).toMatchObject({ ok: false, killed: true });
    expect(cut.error?.message).toBe(TOO_MUCH);
    expect(cut.endedAt - cut.startedAt).toBeGreaterThan(90 * MIN - used);
    expect(cut.endedAt - cut.startedAt).toBeLessThan(5 * MIN + 1000); // ended at the end of its sleep
    const refused = ran.slice(18);
    expect(refused).toHaveLength(24 - 18); // every 10 minutes for 4 hours
    for (const r of refused) {
      expect(r.error?.message).toBe(TOO_MUCH);
      expect(r.endedAt).toBe(r.startedAt);
      expect(r.calls.size).toBe(0);
    }
    expect(e.script.triggerRuntime.remainingMs(e.rt.defaultUser, e.rt.clock.now())).toBe(0);
    // The window opened with the first run, 10 minutes after the trigger was made.
    const first = ran[0]!.startedAt;
    e.advance(first + DAY - 5 * MIN - e.rt.clock.now());
    expect(e.executions.at(-1)!.ok).toBe(false);
    const after = e.advance(20 * MIN);
    expect(after.map((r) => r.ok)).toEqual([true, true]);
  });

  it('with more of the day left than 6 minutes, the 6-minute limit ends a run first, in its own words', () => {
    const e = emulator();
    setSleep(e, 80);
    e.run('once', 60_000);
    const [run] = e.advance(2 * MIN);
    expect(run).toMatchObject({ ok: false, killed: true });
    expect(run!.error?.message).toBe('Exceeded maximum execution time');
    expect(e.script.triggerRuntime.usedMs(e.rt.defaultUser, e.rt.clock.now())).toBe(
      run!.endedAt - run!.startedAt,
    );
  });

  it('a Workspace account (mail quota 1,500) has 6 hours', () => {
    const e = emulator({ mailQuota: 1500 });
    e.run('every10');
    const ran = e.advance(14 * HOUR);
    expect(ran.filter((r) => r.ok)).toHaveLength(71); // 71 × 5 minutes and their calls' latency
    expect(ran.at(-1)!.error?.message).toBe(TOO_MUCH);
    expect(emulator({ account: 'consumer', mailQuota: 1500 }).script.triggerRuntime.limitMs()).toBe(90 * MIN);
  });

  it('counts per trigger owner, and not what a person runs from the menu', () => {
    const e = emulator();
    setSleep(e, 5);
    e.run('every10');
    e.run('every10', undefined, 'menu', { user: 'second@example.org' });
    e.advance(3 * HOUR);
    const byOwner = (user: string) => e.executions.filter((r) => r.user === user && r.handler === 'work');
    expect(byOwner(e.rt.defaultUser).filter((r) => r.ok)).toHaveLength(17);
    expect(byOwner('second@example.org').filter((r) => r.ok)).toHaveLength(17);
    // A menu run is not a trigger's: it still works, and costs the day nothing.
    expect(e.run('work').ok).toBe(true);
    expect(e.run('work', undefined, 'menu', { user: 'third@example.org' }).ok).toBe(true);
    expect(e.script.triggerRuntime.usedMs('third@example.org', e.rt.clock.now())).toBe(0);
  });

  it('what was used is kept in a saved workspace and in a fork', async () => {
    const e = emulator({ mailQuota: 1500 });
    e.run('once', 60_000);
    e.advance(10 * MIN);
    const used = e.script.triggerRuntime.usedMs(e.rt.defaultUser, e.rt.clock.now());
    expect(used).toBeGreaterThanOrEqual(5 * MIN);
    expect(e.fork().script.triggerRuntime.usedMs(e.rt.defaultUser, e.rt.clock.now())).toBe(used);
    const dir = mkdtempSync(join(tmpdir(), 'trigger-runtime-'));
    try {
      await e.save(dir);
      const back = await Emulator.open(dir);
      expect(back.script.triggerRuntime.account).toBe('workspace');
      expect(back.script.triggerRuntime.usedMs(e.rt.defaultUser, e.rt.clock.now())).toBe(used);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
