import { seededRandom } from '../../scripts/random';
import type { Emulator } from '../../src/emulator/Emulator';
import { click, rows } from '../support/cohort';
import {
  addApplicants,
  cohort,
  duplicates,
  expectedKeys,
  outboxStatuses,
  pendingTriggers,
  people,
  recordDialogs,
  sendDecisions,
  sentDecisionKeys,
} from './decisions.helpers';

const MINUTE = 60_000;
const DECISIONS = ['Selected', 'Waitlisted', 'Not selected'] as const;

interface Kill {
  /** The service call the execution was killed at (before it took effect). */
  readonly at: string;
  /** The call before it. */
  readonly after: string;
}

/**
 * Arms one kill at a time: `countFrom` 'start' counts calls from the execution's start; 'mail'
 * from its first send (so the kill falls among the sends, quota readings and journal writes).
 */
function killer(emulator: Emulator) {
  const kills: Kill[] = [];
  let armed: { left: number; countFrom: 'start' | 'mail'; counting: boolean } | null = null;
  let previous = '';
  emulator.rt.faults.push((call, rt) => {
    const before = previous;
    previous = call;
    if (!armed) return;
    if (!armed.counting && call === 'MailApp.sendEmail') armed.counting = true;
    if (!armed.counting) return;
    armed.left--;
    if (armed.left > 0) return;
    armed = null;
    kills.push({ at: call, after: before });
    rt.kill();
  });
  return {
    kills,
    arm(left: number, countFrom: 'start' | 'mail') {
      armed = { left, countFrom, counting: countFrom === 'start' };
      previous = '';
    },
    disarm() {
      armed = null;
    },
  };
}

/**
 * What Google or the coordinator does next: the continuation trigger if one waits (time moves on a
 * minute at a time until one execution has run), else a click.
 */
function carryOn(emulator: Emulator): void {
  if (pendingTriggers(emulator, 'continueOutbox').length === 0) {
    sendDecisions(emulator);
    return;
  }
  const before = emulator.executions.length;
  for (let i = 0; i < 10 && emulator.executions.length === before; i++) emulator.advance(MINUTE);
}

function finish(emulator: Emulator): void {
  for (let i = 0; i < 20; i++) {
    carryOn(emulator);
    if (pendingTriggers(emulator, 'continueOutbox').length === 0 && !(outboxStatuses(emulator).queued ?? 0)) {
      sendDecisions(emulator);
      if (!(outboxStatuses(emulator).queued ?? 0)) return;
    }
  }
  throw new Error('the outbox did not empty');
}

describe('Send decisions cut off mid-send', () => {
  it('ends with each decision sent exactly once after 50 kills at random points, continued each time', () => {
    const emulator = cohort();
    const list = people(200, DECISIONS);
    addApplicants(emulator, list);
    const random = seededRandom(20250425);
    const k = killer(emulator);
    for (let round = 0; k.kills.length < 50 && round < 300; round++) {
      if (random() < 0.4) k.arm(1 + Math.floor(random() * 100), 'start');
      else k.arm(1 + Math.floor(random() * 12), 'mail');
      carryOn(emulator);
      k.disarm();
    }
    expect(k.kills).toHaveLength(50);
    // Every kill fell while decisions were still going out.
    expect(emulator.mail.sent.length).toBeLessThan(list.length);
    // The two cases a journal alone cannot tell apart both happened: killed as the email was about to
    // go, and killed after it went but before its outcome was journalled.
    expect(k.kills.filter((x) => x.at === 'MailApp.sendEmail').length).toBeGreaterThanOrEqual(5);
    expect(k.kills.filter((x) => x.after === 'MailApp.sendEmail').length).toBeGreaterThanOrEqual(5);
    expect(emulator.executions.filter((e) => e.killed)).toHaveLength(50);

    finish(emulator);
    const keys = sentDecisionKeys(emulator);
    expect(duplicates(keys)).toEqual([]);
    expect(keys).toEqual(expectedKeys(list));
    expect(outboxStatuses(emulator)).toEqual({ sent: 200 });
    expect(emulator.properties.stores.script.values.has('outbox:sending')).toBe(false);
  });

  it('killed as an email is about to go: the next run sends it, once', () => {
    const emulator = cohort();
    const list = people(6, DECISIONS);
    addApplicants(emulator, list);
    const k = killer(emulator);
    // Calls from the first MailApp one: quota, (continuation scheduled), journal, send… the 3rd send.
    emulator.rt.faults.push((call, rt) => {
      if (call === 'MailApp.sendEmail' && emulator.mail.sent.length === 2 && k.kills.length === 0) {
        k.kills.push({ at: call, after: '' });
        rt.kill();
      }
    });
    expect(sendDecisions(emulator).killed).toBe(true);
    expect(emulator.mail.sent).toHaveLength(2);
    const [run] = emulator.advance(9 * MINUTE);
    expect(run).toMatchObject({ handler: 'continueOutbox', ok: true });
    expect(sentDecisionKeys(emulator)).toEqual(expectedKeys(list));
    expect(outboxStatuses(emulator)).toEqual({ sent: 6 });
  });

  it('killed after an email went but before it was journalled: it is recorded as sent, not resent', () => {
    const emulator = cohort();
    const list = people(6, DECISIONS);
    addApplicants(emulator, list);
    let previous = '';
    emulator.rt.faults.push((call, rt) => {
      const before = previous;
      previous = call;
      if (
        before === 'MailApp.sendEmail' &&
        emulator.mail.sent.length === 3 &&
        !rt.execution?.handler.startsWith('continue')
      )
        rt.kill();
    });
    expect(sendDecisions(emulator).killed).toBe(true);
    expect(emulator.mail.sent).toHaveLength(3);
    emulator.advance(9 * MINUTE);
    expect(sentDecisionKeys(emulator)).toEqual(expectedKeys(list));
    expect(outboxStatuses(emulator)).toEqual({ sent: 6 });
  });

  it('leaves an email in doubt as unconfirmed when the quota can no longer tell, and resends it only if the coordinator says so', () => {
    const emulator = cohort();
    const list = people(6, DECISIONS);
    addApplicants(emulator, list);
    let previous = '';
    let armed = true;
    emulator.rt.faults.push((call, rt) => {
      const before = previous;
      previous = call;
      if (armed && before === 'MailApp.sendEmail' && emulator.mail.sent.length === 3) {
        armed = false;
        rt.kill();
      }
    });
    sendDecisions(emulator);
    const doubtful = emulator.mail.sent[2]!.to[0]!;
    // Another action holds the lock for two hours: the continuation can only run after that.
    emulator.locks.holdByOther('script', emulator.rt.clock.now() + 2 * 60 * MINUTE);
    emulator.advance(2 * 60 * MINUTE + 10 * MINUTE);
    const row = rows(emulator, 'Outbox').find((r) => r.To === doubtful)!;
    expect(row).toMatchObject({
      Status: 'unconfirmed',
      Error: expect.stringContaining('may or may not have gone'),
    });
    expect(outboxStatuses(emulator)).toEqual({ sent: 5, unconfirmed: 1 });
    expect(emulator.mail.sent.filter((m) => m.to[0] === doubtful)).toHaveLength(1);

    // Sending again never resends it on its own.
    sendDecisions(emulator);
    expect(emulator.mail.sent).toHaveLength(6);

    const asked = recordDialogs(emulator, { confirm: 'NO' });
    click(emulator, 'Retry failed emails');
    expect(asked[0]!.text).toContain(`1 email may already have gone (check Sent mail):\n${doubtful}`);
    expect(emulator.mail.sent).toHaveLength(6);
    recordDialogs(emulator, { confirm: 'YES' });
    click(emulator, 'Retry failed emails');
    expect(emulator.mail.sent.filter((m) => m.to[0] === doubtful)).toHaveLength(2);
    expect(outboxStatuses(emulator)).toEqual({ sent: 6 });
  });
});
