/**
 * Emulator.fork: trials start from a copy of the year so far instead of replaying it, so a copy must
 * hold everything the original holds, share nothing with it, and go on exactly as the original does.
 */
import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, edit, formId, newCohort, rows, setUp } from '../support/cohort';

const HOUR = 3_600_000;

/** Everything the emulator holds that a later execution or a test can see, as text. */
function everything(emulator: Emulator): string {
  const sheets = (doc: typeof emulator.spreadsheets.active.doc) =>
    doc.sheets.map((s) => ({ ...s, values: s.values.rows, formulas: s.formulas.rows }));
  return JSON.stringify({
    clock: emulator.rt.clock.now(),
    state: Object.fromEntries(
      (['script', 'forms', 'mail', 'properties', 'locks', 'calendar'] as const).map((k) => [
        k,
        emulator[k === 'script' ? 'script' : k].toState(),
      ]),
    ),
    spreadsheet: { ...emulator.spreadsheets.toState(), tabs: sheets(emulator.spreadsheets.active.doc) },
    menus: emulator.spreadsheets.menus(),
    executions: emulator.executions.map((e) => [e.handler, e.ok, e.startedAt, e.endedAt]),
    shown: emulator.rt.shown,
    calls: [...emulator.rt.totalCalls],
  });
}

/** A cohort part-way: set up, two applications in, the decisions not yet sent. */
function partWay(): Emulator {
  const emulator = setUp(newCohort());
  apply(emulator, 'mentor', { name: 'Ann Lee', email: 'ann.lee@example.org', capacity: 2 });
  emulator.advance(HOUR);
  apply(emulator, 'mentee', { name: 'Bo Chan', email: 'bo.chan@example.org', libraryService: 'Devon' });
  emulator.advance(HOUR);
  return emulator;
}

/** What the next weeks do: a third application, the decisions, and a day of triggers. */
function goOn(emulator: Emulator): void {
  apply(emulator, 'mentee', { name: 'Cy Dale', email: 'cy.dale@example.org', libraryService: 'Kent' });
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  click(emulator, 'Send decisions');
  emulator.advance(24 * HOUR);
}

/** What a person sees of the outcome: every tab's cells and every email, in order. */
function outcome(emulator: Emulator) {
  const tabs = emulator.spreadsheets.active.doc.sheets.map((s) => [
    s.name,
    emulator.spreadsheets.values(s.name),
  ]);
  const mail = emulator.mail.sent.map((m) => [m.to, m.subject, m.body]);
  return { tabs, mail, clock: emulator.rt.clock.now(), runs: emulator.executions.map((e) => e.handler) };
}

describe('Emulator.fork', () => {
  it('holds everything the original holds', () => {
    const original = partWay();
    expect(everything(original.fork())).toBe(everything(original));
  });

  it('shares nothing with the original, either way', () => {
    const original = partWay();
    const before = everything(original);
    const copy = original.fork();
    goOn(copy);
    expect(everything(original)).toBe(before);
    const copyAfter = everything(copy);
    goOn(original);
    expect(everything(copy)).toBe(copyAfter);
  });

  it('goes on exactly as the original does: the same cells, emails, clock and executions', () => {
    const original = partWay();
    const copy = original.fork();
    goOn(original);
    goOn(copy);
    expect(outcome(copy)).toEqual(outcome(original));
    expect(rows(copy, 'Applicants').map((r) => r.Status)).toEqual(['Selected', 'Selected', 'Selected']);
  });

  it('delivers a form event made on the original against its own spreadsheet', () => {
    const original = partWay();
    const submission = original.forms.submit(
      formId(original, 'mentee'),
      { 'Your full name': 'Di Eve' },
      { unchecked: true },
    );
    if (!submission) throw new Error('form not linked');
    const copy = original.fork();
    const adopted = copy.adopt(submission);
    expect(adopted.event.source).toBe(copy.spreadsheets.active);
    expect(adopted.event.values).toEqual(submission.event.values);
    const before = everything(original);
    copy.deliverFormSubmit(adopted);
    expect(everything(original)).toBe(before);
    expect(copy.executions.length).toBeGreaterThan(original.executions.length);
  });

  it('is refused while work waits for a dialog', () => {
    const original = partWay();
    original.whileNextDialog(() => {});
    expect(() => original.fork()).toThrow('fork: work is waiting for a dialog');
  });
});
