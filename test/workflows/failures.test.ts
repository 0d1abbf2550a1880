import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { ScriptException } from '../../src/emulator/runtime/errors';
import { DAY, mailTo, newCohort, rows, settings, setUp } from '../support/cohort';

const COORDINATOR = 'coordinator@example.org';
const ACTION = 'Send calendar invites';
/** What Google says when the owner must authorise the script again (the usual cause of a failing trigger). */
const REAUTH = 'Authorization is required to perform that action.';

/** A cohort whose Calendar refuses every call while `state.failing` is true. */
function cohort(): { emulator: Emulator; state: { failing: boolean } } {
  const emulator = setUp(newCohort());
  settings(emulator, { coordinatorEmail: COORDINATOR, coordinatorName: 'Morgan Coordinator' });
  // A calendar sync is waiting to be continued: a continuation with none waiting does nothing at all
  // (stray runs send nothing), so it could not fail. This is the mark ScriptTriggers.scheduleOnce keeps.
  emulator.properties.stores.script.values.set(
    'schedule:continueCalendar',
    new Date(DAY * 20_000).toISOString(),
  );
  const state = { failing: false };
  emulator.rt.faults.push((call) => {
    if (state.failing && call.startsWith('Calendar.')) throw new ScriptException(REAUTH);
  });
  return { emulator, state };
}

/**
 * The time-driven calendar continuation of a sync that was cut short, as Google's scheduler runs it
 * (nobody is looking). Cohort continues only a sync it recorded as unfinished.
 */
const trigger = (emulator: Emulator): ExecutionResult => {
  emulator.properties.stores.script.values.set(
    'schedule:continueCalendar',
    new Date(emulator.rt.clock.now()).toISOString(),
  );
  return emulator.run('continueCalendar', {}, 'trigger');
};

/** The simple onOpen trigger of the next visit; returns the toasts it showed. */
function open(emulator: Emulator) {
  const from = emulator.rt.shown.length;
  emulator.run('onOpen', { authMode: 'LIMITED' }, 'simple-trigger');
  return emulator.rt.shown.slice(from).filter((m) => m.kind === 'toast');
}

const alerts = (emulator: Emulator) =>
  mailTo(emulator, COORDINATOR).filter((m) => m.subject === `Cohort needs your attention: ${ACTION}`);
const errors = (emulator: Emulator) =>
  rows(emulator, 'Log').filter((r) => r.Level === 'error' && r.Action === ACTION);

describe('A failing trigger is seen by the coordinator', () => {
  it('writes a Log row, shows a banner on the next open, and emails the coordinator once a day however often it fails', () => {
    const { emulator, state } = cohort();
    expect(open(emulator)).toEqual([]);
    state.failing = true;

    for (let i = 0; i < 3; i++) {
      const result = trigger(emulator);
      expect(result.ok).toBe(false);
      expect(result.error?.message).toContain(REAUTH);
      emulator.advance(60 * 60_000);
    }
    expect(errors(emulator)).toHaveLength(3);
    expect(String(errors(emulator)[0]!.Message)).toContain(REAUTH);

    const mails = alerts(emulator);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.via).toBe('MailApp');
    expect(mails[0]!.body).toContain(REAUTH);
    expect(mails[0]!.body).toContain('https://docs.google.com/spreadsheets/');
    expect(
      rows(emulator, 'Outbox').filter((r) => String(r.Key).startsWith('coordinator-alert:')),
    ).toHaveLength(1);

    const toasts = open(emulator);
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.title).toBe('Mentoring: needs attention');
    expect(toasts[0]!.text).toContain(`"${ACTION}" failed`);
    expect(toasts[0]!.text).toContain(REAUTH);
    // The banner stays on every open until the action works again.
    expect(open(emulator)).toHaveLength(1);

    // The next day a failure is worth one more email, and only one.
    emulator.advance(DAY);
    trigger(emulator);
    trigger(emulator);
    expect(alerts(emulator)).toHaveLength(2);
    expect(errors(emulator)).toHaveLength(5);
  });

  it('clears the banner when the action next succeeds', () => {
    const { emulator, state } = cohort();
    state.failing = true;
    expect(trigger(emulator).ok).toBe(false);
    expect(open(emulator)).toHaveLength(1);

    state.failing = false;
    expect(trigger(emulator).ok).toBe(true);
    expect(open(emulator)).toEqual([]);
    expect(alerts(emulator)).toHaveLength(1);
  });

  it("a different action succeeding does not clear another one's banner", () => {
    const { emulator, state } = cohort();
    state.failing = true;
    trigger(emulator);
    state.failing = false;
    expect(emulator.run('continueOutbox', {}, 'trigger').ok).toBe(true);
    expect(open(emulator)).toHaveLength(1);
  });
});
