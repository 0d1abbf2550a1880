/**
 * More than one coordinator (issue 9.3d). Installable triggers belong to the account that made
 * them, and getProjectTriggers shows each account only its own: a second coordinator running Set up
 * programme must not add a second form trigger (every application would be taken in twice), nor
 * make a second set of forms, and is told in words whose they are.
 */
import { apply, mailTo, newCohort, rows, settings, setUp } from '../support/cohort';

const FIRST = 'coordinator@example.org';
const SECOND = 'deputy@example.org';

const formTriggers = (emulator: ReturnType<typeof newCohort>) =>
  emulator.script.triggers().filter((t) => t.kind === 'onFormSubmit');

describe('a second coordinator', () => {
  it('running Set up programme adds no second form trigger and makes no new forms, and is told why', () => {
    const emulator = setUp(newCohort({ user: FIRST }));
    const forms = emulator.forms.list().length;
    expect(formTriggers(emulator).map((t) => t.owner)).toEqual([FIRST]);
    const run = emulator.run('menuSetUp', undefined, 'menu', { user: SECOND });
    expect(run.ok).toBe(true);
    expect(formTriggers(emulator).map((t) => t.owner)).toEqual([FIRST]);
    expect(emulator.forms.list()).toHaveLength(forms);
    const said = emulator.rt.shown.filter((m) => m.kind === 'alert').at(-1)!.text;
    expect(said).toContain(`was made by ${FIRST}, and this account (${SECOND}) cannot open it`);
  });

  it('an application is taken in once, by the first coordinator’s trigger, whoever set up last', () => {
    const emulator = setUp(newCohort({ user: FIRST }));
    emulator.run('menuSetUp', undefined, 'menu', { user: SECOND });
    const ran = apply(emulator, 'mentor', { name: 'Ann Lee', email: 'ann@example.org' });
    expect(ran.map((r) => [r.user, r.ok])).toEqual([[FIRST, true]]);
    expect(rows(emulator, 'Applicants')).toHaveLength(1);
    expect(mailTo(emulator, 'ann@example.org')).toHaveLength(1);
  });

  it('sends what they click from their own account and quota; the first one’s continuation still finishes, nothing twice', () => {
    // 6 recipients a day per account: the first coordinator's 4 acknowledgements leave 2.
    const emulator = setUp(newCohort({ user: FIRST, mailQuota: 6 }));
    settings(emulator, { applicantEmailShare: '100%' });
    for (let i = 1; i <= 4; i++)
      apply(emulator, 'mentee', { name: `Mentee ${i}`, email: `m${i}@example.org` });
    emulator.spreadsheets.editSheet('Applicants', (values) => {
      const h = (values[0] ?? []).map(String);
      return values.map((r, i) => (i === 0 ? r : r.map((v, c) => (h[c] === 'Status' ? 'Selected' : v))));
    });
    const decisions = () => emulator.mail.sent.filter((m) => m.subject === 'You have a place as a mentee');
    emulator.run('menuSendDecisions', undefined, 'menu', { user: FIRST });
    expect(decisions().map((m) => m.from)).toEqual([FIRST, FIRST]);
    const waiting = emulator.script.triggers().filter((t) => t.handler === 'continueOutbox' && !t.fired);
    expect(waiting.map((t) => t.owner)).toEqual([FIRST]);
    // The deputy sends the two that wait, from their own account and quota.
    emulator.run('menuSendDecisions', undefined, 'menu', { user: SECOND });
    expect(decisions().map((m) => m.from)).toEqual([FIRST, FIRST, SECOND, SECOND]);
    expect(emulator.mail.remaining(SECOND)).toBe(4);
    // The first coordinator's continuation still runs (as them), and finds nothing left to send.
    const later = emulator.advance(4 * 3_600_000);
    expect(later.filter((r) => r.handler === 'continueOutbox').map((r) => [r.user, r.ok])).toEqual([
      [FIRST, true],
    ]);
    expect(decisions()).toHaveLength(4);
    for (let i = 1; i <= 4; i++) expect(mailTo(emulator, `m${i}@example.org`)).toHaveLength(2);
  });
});
