/**
 * Between a row deleted from Applicants by mistake and the intake run that puts it back, "Send
 * calendar invites" and "Send decisions" stop and say who is missing (a sync would cancel their
 * invitations); their triggers tell the coordinator instead. A person erased on request never
 * holds them up.
 */
import type { Emulator } from '../../src/emulator/Emulator';
import { emailHash } from '../../src/workflows/intake/registry';
import { appendRows, apply, click, edit, mailTo, rows } from '../support/cohort';
import { ALL, COORDINATOR, cohort, guestsOf, invitations, lastAlert, syncAll } from './calendar.helpers';
import { pendingTriggers, recordDialogs } from './decisions.helpers';

const eve = { name: 'Eve', email: 'eve@example.org' };
const cai = { name: 'Cai', email: 'cai@example.org' };
const MISSING =
  'Missing from the Applicants tab: ME-001. Choose Mentoring → Check applications to put their rows back (or Erase a person, to remove someone for good), then try again. Nothing was done.';

function deleteRow(emulator: Emulator, email: string): void {
  emulator.spreadsheets.editSheet('Applicants', (values) =>
    values.filter((r) => r[values[0]!.indexOf('Email')] !== email),
  );
}

const row = (emulator: Emulator, email: string) =>
  rows(emulator, 'Applicants').filter((r) => r.Email === email);
const decisions = (emulator: Emulator, email: string) =>
  mailTo(emulator, email).filter((m) => /^(You have a place|Your application)/.test(m.subject));
const alerts = (emulator: Emulator, action: string) =>
  mailTo(emulator, COORDINATOR).filter((m) => m.subject === `Cohort needs your attention: ${action}`);
const logged = (emulator: Emulator, action: string) =>
  rows(emulator, 'Log')
    .filter((r) => r.Action === action)
    .map((r) => String(r.Message));

/** Cai and Eve applied and are Selected (after intake last read the tab), and invited. */
function invited(): Emulator {
  const emulator = cohort([]);
  apply(emulator, 'mentor', cai);
  apply(emulator, 'mentee', eve);
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  syncAll(emulator);
  for (const key of ALL) expect(guestsOf(emulator, key)).toContain(eve.email);
  return emulator;
}

/** Eve was told she has a place, then her row was deleted; Fay is now Not selected, not yet told. */
function decidedThenDeleted(): Emulator {
  const emulator = cohort([]);
  apply(emulator, 'mentee', eve);
  apply(emulator, 'mentee', { name: 'Fay', email: 'fay@example.org' });
  edit(emulator, 'Applicants', (r) => r.Email === eve.email, { Status: 'Selected' });
  click(emulator, 'Send decisions');
  deleteRow(emulator, eve.email);
  edit(emulator, 'Applicants', (r) => r.Email === 'fay@example.org', { Status: 'Not selected' });
  return emulator;
}

describe('a selected person whose Applicants row was deleted', () => {
  it('stops "Send calendar invites" until "Check applications" puts the row back: nothing is cancelled', () => {
    const emulator = invited();
    deleteRow(emulator, eve.email);
    const sent = emulator.mail.sent.length;
    click(emulator, 'Send calendar invites');
    expect(lastAlert(emulator)).toBe(MISSING);
    expect(invitations(emulator, sent)).toEqual([]);
    for (const key of ALL) expect(guestsOf(emulator, key)).toContain(eve.email);

    click(emulator, 'Check applications');
    expect(row(emulator, eve.email)).toMatchObject([{ ID: 'ME-001', Status: 'Selected' }]);
    click(emulator, 'Send calendar invites');
    expect(lastAlert(emulator)).not.toContain('Missing from');
    expect(invitations(emulator, sent)).toEqual([]);
    for (const key of ALL) expect(guestsOf(emulator, key)).toContain(eve.email);
  });

  it('stops the sync’s continuation too, which tells the coordinator instead of cancelling', () => {
    const emulator = invited();
    // A new date: the click makes its host event, the continuation the copies once Meet has a room.
    appendRows(emulator, 'Programme', [
      {
        Title: 'Summer social',
        Date: '2025-08-01',
        Start: '16:00',
        End: '17:00',
        Audience: 'all participants',
      },
    ]);
    click(emulator, 'Send calendar invites');
    expect(emulator.script.triggers().some((t) => t.handler === 'continueCalendar' && !t.fired)).toBe(true);
    deleteRow(emulator, eve.email);
    const sent = emulator.mail.sent.length;
    const ran = emulator.advance(10 * 60_000).filter((r) => r.handler === 'continueCalendar');
    expect(ran.length).toBeGreaterThan(0);
    expect(invitations(emulator, sent)).toEqual([]);
    for (const key of ALL) expect(guestsOf(emulator, key)).toContain(eve.email);
    expect(logged(emulator, 'Send calendar invites')).toContain(MISSING);
    expect(alerts(emulator, 'Send calendar invites').map((m) => m.body)).toEqual([
      expect.stringContaining(MISSING),
    ]);
  });

  it('stops "Send decisions" until "Check applications" puts the row back', () => {
    const emulator = decidedThenDeleted();
    expect(decisions(emulator, eve.email)).toHaveLength(1);
    click(emulator, 'Send decisions');
    expect(lastAlert(emulator)).toBe(MISSING);
    expect(decisions(emulator, 'fay@example.org')).toEqual([]);

    click(emulator, 'Check applications');
    expect(row(emulator, eve.email)).toMatchObject([{ ID: 'ME-001', Status: 'Selected' }]);
    click(emulator, 'Send decisions');
    expect(decisions(emulator, 'fay@example.org')).toHaveLength(1);
    expect(decisions(emulator, eve.email)).toHaveLength(1);
  });

  it('stops the scheduled "Send decisions on…", which tells the coordinator', () => {
    const emulator = decidedThenDeleted();
    recordDialogs(emulator, { prompt: '2025-04-25 09:00' });
    click(emulator, 'Send decisions on…');
    emulator.advance(Date.UTC(2025, 3, 25, 8, 5) - emulator.rt.clock.now());
    expect(pendingTriggers(emulator, 'sendScheduledDecisions')).toEqual([]);
    expect(decisions(emulator, 'fay@example.org')).toEqual([]);
    expect(logged(emulator, 'Send decisions')).toContain(MISSING);
    expect(alerts(emulator, 'Send decisions').map((m) => m.body)).toEqual([expect.stringContaining(MISSING)]);
  });
});

describe('a person erased on request', () => {
  it('leaves only their ID in the registry, and their deleted row holds nothing up', () => {
    const emulator = invited();
    recordDialogs(emulator, { prompt: eve.email });
    click(emulator, 'Erase a person');
    expect(row(emulator, eve.email)).toEqual([]);
    const registry = [...emulator.properties.stores.script.values]
      .filter(([k]) => k.startsWith('registry:'))
      .map(([, v]) => v)
      .join('\n');
    expect(registry).not.toContain(emailHash(eve.email));
    expect(registry.split('\n').filter((l) => l.startsWith('ME-001 '))).toEqual(['ME-001 e - 4']);
    // The coordinator tidies the erased row away.
    emulator.spreadsheets.editSheet('Applicants', (values) =>
      values.filter((r) => r[values[0]!.indexOf('ID')] !== 'ME-001'),
    );
    click(emulator, 'Send calendar invites');
    expect(lastAlert(emulator)).not.toContain('Missing from');
    click(emulator, 'Send decisions');
    expect(lastAlert(emulator)).not.toContain('Missing from');
    click(emulator, 'Check applications');
    expect(rows(emulator, 'Applicants').map((r) => r.ID)).toEqual(['MR-001']);
  });
});
