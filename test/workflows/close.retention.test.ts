import type { Emulator } from '../../src/emulator/Emulator';
import { click, formId, rows } from '../support/cohort';
import {
  afterTheFinale,
  allCells,
  at,
  cohortThroughTheYear,
  EVERYONE,
  moveTo,
  personalCells,
  say,
} from './close.helpers';

const CLOSE = 'Close the programme';
const reminders = (emulator: Emulator) =>
  emulator.mail.sent.filter((m) => m.subject === 'Time to erase the mentoring scheme’s personal data');
const dailyChecks = (emulator: Emulator) =>
  emulator.script.triggers().filter((t) => t.handler === 'retentionCheck');
const responsesInForms = (emulator: Emulator) =>
  (['mentor', 'mentee', 'choices'] as const).reduce(
    (n, f) => n + emulator.forms.data(formId(emulator, f))!.responses.length,
    0,
  );

/** The cohort closed on 1 December 2025, its data kept. */
function closed(): Emulator {
  const emulator = afterTheFinale();
  say(emulator, 'Export for the evaluator');
  moveTo(emulator, at('2025-12-01T10:00:00Z'));
  say(emulator, CLOSE);
  return emulator;
}

describe('the daily retention check', () => {
  it('is installed once by Set up programme, however often it runs and whoever runs it', () => {
    const emulator = cohortThroughTheYear();
    expect(dailyChecks(emulator)).toHaveLength(1);
    expect(dailyChecks(emulator)[0]).toMatchObject({ kind: 'clock', owner: 'coordinator@example.org' });
    click(emulator, 'Set up programme');
    expect(emulator.run('menuSetUp', undefined, 'menu', { user: 'deputy@example.org' }).ok).toBe(true);
    expect(dailyChecks(emulator)).toHaveLength(1);
  });
});

describe('Close the programme', () => {
  it('before the programme ends, says when it can run and changes nothing', () => {
    const emulator = afterTheFinale();
    const before = JSON.stringify(allCells(emulator));
    expect(say(emulator, CLOSE)).toContain(
      'The programme ends on Sunday 30 November 2025 (Settings, "Programme ends"): "Close the programme" can run from Monday 1 December 2025. Nothing was done.',
    );
    expect(JSON.stringify(allCells(emulator))).toBe(before);
    expect(emulator.spreadsheets.active.doc.sheetByName('2025 Summary')).toBeUndefined();
  });

  it('after the end, keeps the anonymous counts and the export, stops the forms, and erases nothing yet', () => {
    const emulator = afterTheFinale();
    moveTo(emulator, at('2025-12-01T10:00:00Z'));
    const text = say(emulator, CLOSE);
    expect(text).toContain('Close the 2025 cohort (the programme ended on Sunday 30 November 2025)');
    expect(text).toContain(
      'Nothing is erased now. The personal data is kept until Monday 30 November 2026 (12 months, Settings "Keep personal data for"); on Tuesday 1 December 2026 Cohort emails you',
    );
    expect(text).toMatch(
      /Closed the 2025 cohort: kept anonymous counts in "2025 Summary"; the evaluator's export \(5 participants\)/,
    );
    const summary = Object.fromEntries(rows(emulator, '2025 Summary').map((r) => [r.Count, r.Total]));
    expect(summary).toMatchObject({
      Applications: 7,
      'Status at the end: Selected': 6,
      'Status at the end: Withdrawn': 1,
      'Agreed to the evaluation': 5,
      'Pairs introduced': 4,
    });
    // Check-ins: those sent through people's own links, and of them the answered ones.
    const checkIns = rows(emulator, 'CheckIns').filter((r) => r.Status !== 'Needs review');
    const answered = checkIns.filter((r) => r.Status === 'Answered').length;
    expect(summary['Check-ins sent']).toBe(checkIns.length);
    expect(summary['Check-in answers']).toBe(answered);
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(checkIns.length);
    expect(personalCells(allCells(emulator).filter((c) => c.where.startsWith('2025 Summary')))).toEqual([]);
    expect(emulator.spreadsheets.createdFiles()).toHaveLength(1);
    // Nothing erased: everyone is still there.
    expect(new Set(personalCells(allCells(emulator)).map((c) => c.split(': ')[1])).size).toBe(
      EVERYONE.length * 3,
    );
    for (const f of ['mentor', 'mentee', 'choices'] as const)
      expect(emulator.forms.data(formId(emulator, f))!.acceptingResponses).toBe(false);
    expect(dailyChecks(emulator)).toHaveLength(1);

    expect(say(emulator, CLOSE)).toContain('The 2025 cohort was closed on 2025-12-01');
    expect(rows(emulator, '2025 Summary')).toHaveLength(Object.keys(summary).length);
  });

  it('reminds the coordinator once, on the day erasure falls due, and not before', () => {
    const emulator = closed();
    moveTo(emulator, at('2026-11-30T20:00:00Z'));
    expect(reminders(emulator)).toHaveLength(0);
    const checks = emulator.executions.filter((e) => e.handler === 'retentionCheck');
    expect(checks.length).toBeGreaterThan(360);
    expect(checks.every((e) => e.ok)).toBe(true);
    moveTo(emulator, at('2026-12-01T12:00:00Z'));
    expect(reminders(emulator)).toHaveLength(1);
    const [reminder] = reminders(emulator);
    expect(reminder!.to).toEqual(['rhian.evans@example.org']);
    expect(reminder!.body).toContain('ended on Sunday 30 November 2025');
    expect(reminder!.body).toContain('for 12 months: that time is up on Tuesday 1 December 2026');
    expect(reminder!.body).toContain('Mentoring → Close the programme');
    moveTo(emulator, at('2026-12-10T12:00:00Z'));
    expect(reminders(emulator)).toHaveLength(1);
  });

  it('erases everyone once the retention period is over, leaving anonymous rows; not before', () => {
    const emulator = closed();
    moveTo(emulator, at('2026-11-30T12:00:00Z'));
    const early = say(emulator, CLOSE);
    expect(early).toContain('falls due for erasure on Tuesday 1 December 2026');
    expect(early).toContain('Nothing was done.');
    expect(new Set(personalCells(allCells(emulator)).map((c) => c.split(': ')[1])).size).toBe(
      EVERYONE.length * 3,
    );

    moveTo(emulator, at('2026-12-01T12:00:00Z'));
    // An "Erase a person" left half-way keeps how far it read (a hash of an address, response ids).
    emulator.properties.stores.script.values.set('erase:search', '{"who":"abcdefghijk","forms":{}}');
    const applicants = rows(emulator, 'Applicants').length;
    const outbox = rows(emulator, 'Outbox').length;
    const text = say(emulator, CLOSE);
    expect(text).toContain('ERASE the personal data of the 2025 cohort');
    expect(text).toMatch(/Applicants: 7 rows/);
    expect(text).toMatch(
      /Erased the personal data of the 2025 cohort .*: \d+ rows made anonymous, 11 form responses deleted/,
    );

    expect(personalCells(allCells(emulator))).toEqual([]);
    // No address of anyone at all (the coordinator's and the coach's in Settings apart).
    const addresses = allCells(emulator).filter((c) => /@/.test(c.text) && !c.where.startsWith('Settings'));
    expect(addresses).toEqual([]);
    expect(responsesInForms(emulator)).toBe(0);
    // Anonymous rows stay: the numbering, roles, statuses and counts still add up.
    const after = rows(emulator, 'Applicants');
    expect(after).toHaveLength(applicants);
    expect(
      after.every((r) => r.Name === 'Erased' && r.Email === '' && /^M[ER]-\d{3}$/.test(String(r.ID))),
    ).toBe(true);
    expect(after.filter((r) => r.Status === 'Selected')).toHaveLength(6);
    expect(rows(emulator, 'Outbox')).toHaveLength(outbox);
    expect(rows(emulator, 'Matches').filter((r) => r.Status === 'Announced')).toHaveLength(4);
    expect(rows(emulator, '2025 Summary').find((r) => r.Count === 'Applications')?.Total).toBe(7);
    const store = emulator.properties.stores.script.values;
    for (const key of store.keys()) expect(key).not.toMatch(/^(ledger|registry):|^secret:|^erase:/);

    expect(say(emulator, CLOSE)).toContain('The personal data of the 2025 cohort was erased on 2026-12-01');
    moveTo(emulator, at('2026-12-05T12:00:00Z'));
    expect(reminders(emulator)).toHaveLength(1);
  });
});
