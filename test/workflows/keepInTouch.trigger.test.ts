/**
 * The morning keep-in-touch run (issue 12.3): one daily trigger, installed by Set up programme and
 * owned like the form trigger (a second coordinator adds none); what it does when Settings stop
 * emails (practice mode, no coordinator name).
 */
import { click, newCohort, rows, settings, setUp } from '../support/cohort';
import { at, moveTo, pairedCohort, subjectsTo } from './keepInTouch.helpers';

const FIRST = 'coordinator@example.org';
const SECOND = 'deputy@example.org';

const daily = (emulator: ReturnType<typeof newCohort>) =>
  emulator.script.triggers().filter((t) => t.handler === 'keepInTouchDaily');

describe('the morning keep-in-touch trigger', () => {
  it('is installed once by Set up programme, and runs at 7 in the morning, London time', () => {
    const emulator = setUp(newCohort({ user: FIRST }));
    click(emulator, 'Set up programme');
    expect(daily(emulator).map((t) => [t.owner, t.kind])).toEqual([[FIRST, 'clock']]);
    const ran = moveTo(emulator, at('2025-03-26T12:00:00Z')).filter((r) => r.handler === 'keepInTouchDaily');
    // 25 and 26 March, 07:00 GMT (London is on GMT until 30 March), a little late as Google is.
    expect(ran.map((r) => new Date(r.startedAt).toISOString().slice(0, 13))).toEqual([
      '2025-03-25T07',
      '2025-03-26T07',
    ]);
    expect(ran.every((r) => r.ok)).toBe(true);
  });

  it('is not added a second time by another coordinator, who is told whose it is', () => {
    const emulator = setUp(newCohort({ user: FIRST }));
    // The first coordinator shares the forms with the deputy (set-up can then run to the end).
    const forms = emulator.forms.toState();
    for (const form of forms.forms) delete (form as { owner?: string }).owner;
    emulator.forms.fromState(forms);
    const run = emulator.run('menuSetUp', undefined, 'menu', { user: SECOND });
    expect(run.ok).toBe(true);
    expect(daily(emulator).map((t) => t.owner)).toEqual([FIRST]);
    expect(emulator.rt.shown.filter((m) => m.kind === 'alert').at(-1)!.text).toContain(
      `The morning keep-in-touch run is ${FIRST}'s: its emails go from that account. None was added for you.`,
    );
  });

  it('in practice mode writes previews only, and nothing to the CheckIns tab', () => {
    const emulator = pairedCohort(1);
    settings(emulator, { dryRun: 'TRUE' });
    moveTo(emulator, at('2025-06-18T09:00:00Z'));
    expect(subjectsTo(emulator, 'me1@example.org')).not.toContain('How is your mentoring going?');
    expect(rows(emulator, 'Outbox').filter((r) => String(r.Key).startsWith('check-in:'))).toEqual([
      expect.objectContaining({ Status: 'preview' }),
      expect.objectContaining({ Status: 'preview' }),
    ]);
    expect(emulator.spreadsheets.active.doc.sheetByName('CheckIns')).toBeUndefined();
    settings(emulator, { dryRun: 'FALSE' });
    moveTo(emulator, at('2025-06-19T09:00:00Z'));
    expect(subjectsTo(emulator, 'me1@example.org')).toContain('How is your mentoring going?');
    expect(rows(emulator, 'CheckIns')).toHaveLength(2);
  });

  it('queues nothing while Settings has no coordinator name, and says so in the Log', () => {
    const emulator = pairedCohort(1);
    settings(emulator, { coordinatorName: '' });
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    expect(rows(emulator, 'Outbox').filter((r) => String(r.Key).startsWith('check-in:'))).toEqual([]);
    expect(rows(emulator, 'Log').at(-1)).toMatchObject({ Level: 'warning', Action: 'Keep in touch' });
    settings(emulator, { coordinatorName: 'Rhian Evans' });
    moveTo(emulator, at('2025-06-18T09:00:00Z'));
    expect(subjectsTo(emulator, 'me1@example.org')).toContain('How is your mentoring going?');
  });
});
