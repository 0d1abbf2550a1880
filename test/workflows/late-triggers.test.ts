/**
 * Time-driven triggers run no sooner than asked and often later (issue 9.3h): "The actual duration
 * might vary, but won't be less than your specified minimum" ([official] AS/reference/script/
 * clock-trigger-builder#after(Integer)); lateness of a quarter of an hour is common ([observed]
 * zachwhalen/ssbot#4). With every continuation up to 15 minutes late, long runs still finish, once.
 */
import { seededRandom } from '../../scripts/random';
import { DAY } from '../support/cohort';
import {
  addApplicants,
  cohort,
  duplicates,
  outboxStatuses,
  pendingTriggers,
  people,
  sendDecisions,
  sentKeys,
} from './decisions.helpers';

describe('continuations that Google runs late', () => {
  it('a send cut by the quota and by the time budget finishes over the days, nothing twice', () => {
    const random = seededRandom(9);
    const emulator = cohort({ mailQuota: 100, triggerDelay: () => Math.floor(random() * 15 * 60_000) });
    addApplicants(emulator, people(260, ['Selected', 'Waitlisted', 'Not selected']));
    // Slow mail: the execution's time budget runs out too, not only the day's quota.
    emulator.rt.faults.push((call, rt) => {
      if (call === 'MailApp.sendEmail') rt.clock.advance(4_000);
    });
    sendDecisions(emulator);
    for (let day = 0; day < 5 && (outboxStatuses(emulator).queued ?? 0) > 0; day++) emulator.advance(DAY);
    expect(outboxStatuses(emulator)).toEqual({ sent: 260 });
    expect(duplicates(sentKeys(emulator))).toEqual([]);
    expect(emulator.executions.every((e) => e.ok)).toBe(true);
    expect(pendingTriggers(emulator, 'continueOutbox')).toHaveLength(0);
  });

  it('a trigger never runs before it falls due', () => {
    const emulator = cohort({ triggerDelay: () => 0 });
    emulator.load(
      `function later() {} function f() { ScriptApp.newTrigger('later').timeBased().after(10 * 60 * 1000).create(); }`,
    );
    const start = emulator.rt.clock.now();
    emulator.run('f');
    // Only `later` is looked at: set-up's daily triggers run at their own minute of their hour.
    const ran = emulator.advance(60 * 60_000).filter((r) => r.handler === 'later');
    expect(ran).toHaveLength(1);
    expect(ran[0]!.startedAt - start).toBeGreaterThanOrEqual(10 * 60_000);
  });
});
