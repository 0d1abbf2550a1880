/**
 * The prose (the default texts Set up programme writes) lives in prose.html, beside Code.js, and is
 * read only when something writes it: Set up programme, or an email whose template the coordinator
 * emptied. Every other execution (each click, trigger and form response) leaves it unread.
 */
import { defaultTemplates } from '../../src/domain/default-templates';
import { PROSE } from '../../src/domain/prose';
import { settingsRows } from '../../src/domain/settings';
import type { Emulator } from '../../src/emulator/Emulator';
import type { TabSpec } from '../../src/ports';
import * as keepInTouchTabs from '../../src/workflows/keepInTouch/tabs';
import * as tabs from '../../src/workflows/tabs';
import { calls, click, edit, formId, mailTo, rows } from '../support/cohort';
import { addApplicants, cohort, people, recordDialogs, sendDecisions } from './decisions.helpers';

const PROSE_READ = 'HtmlService.createHtmlOutputFromFile';
const proseReads = (emulator: Emulator, from = 0) =>
  emulator.executions.slice(from).map((run) => calls(run, PROSE_READ));
const selected = defaultTemplates(PROSE).find((t) => t.key === 'decision-mentee-selected')!;

describe('the prose, read only by what writes it', () => {
  it('Set up programme reads it once, and writes the templates, the settings’ notes and the dates from it', () => {
    const emulator = cohort();
    const setUps = emulator.executions.filter((run) => run.handler === 'menuSetUp');
    expect(setUps.map((run) => calls(run, PROSE_READ))).toEqual([1]);
    // Whatever ran before or after it in setting the cohort up (opening the sheet, editing Settings) did not.
    expect(proseReads(emulator).reduce((a, b) => a + b, 0)).toBe(1);
    expect(rows(emulator, 'Templates').map((r) => [r.Key, r.Subject, r.Body])).toEqual(
      defaultTemplates(PROSE).map((t) => [t.key, t.subject, t.body]),
    );
    expect(rows(emulator, 'Settings').map((r) => [r.Key, r.Note])).toEqual(
      settingsRows(PROSE).map((r) => [r.key, r.note]),
    );
    expect(rows(emulator, 'Programme').map((r) => [r.Key, r.Title, r.Description])).toEqual(
      PROSE.programme.map((p) => [p.key, p.title, p.description]),
    );
    const before = emulator.executions.length;
    click(emulator, 'Set up programme');
    expect(proseReads(emulator, before)).toEqual([1]);
  });

  it('the forms Set up programme makes say what the prose says, beyond their questions', () => {
    const emulator = cohort();
    for (const role of ['mentor', 'mentee'] as const) {
      const form = emulator.forms.data(formId(emulator, role))!;
      const words = PROSE.forms[role];
      expect(form.description).toContain(words.description);
      expect(form.confirmationMessage).toBe(words.confirmation);
      const help = Object.fromEntries(form.items.filter((i) => i.helpText).map((i) => [i.title, i.helpText]));
      expect(Object.values(help).sort()).toEqual(Object.values(words.help).sort());
    }
  });

  it('sending decisions leaves it unread while every template is in the Templates tab, and uses the tab', () => {
    const emulator = cohort();
    edit(emulator, 'Templates', (r) => r.Key === selected.key, { Subject: 'Good news from us' });
    addApplicants(emulator, people(4, ['Selected']));
    recordDialogs(emulator);
    const before = emulator.executions.length;
    sendDecisions(emulator);
    emulator.advance(30 * 60_000);
    expect(emulator.executions.length).toBeGreaterThan(before);
    expect(proseReads(emulator, before).every((n) => n === 0)).toBe(true);
    expect(mailTo(emulator, 'p0@example.org').map((m) => m.subject)).toEqual(['Good news from us']);
  });

  it('an emptied template is sent with the default words, read from the prose', () => {
    const emulator = cohort();
    edit(emulator, 'Templates', (r) => r.Key === selected.key, { Subject: '', Body: '' });
    addApplicants(emulator, people(2, ['Selected']));
    recordDialogs(emulator);
    const before = emulator.executions.length;
    sendDecisions(emulator);
    emulator.advance(30 * 60_000);
    expect(proseReads(emulator, before).some((n) => n > 0)).toBe(true);
    const [mail] = mailTo(emulator, 'p0@example.org');
    expect(mail?.subject).toBe(selected.subject);
    expect(mail?.body).toContain('I am delighted to let you know that you have a place as a mentee');
  });

  it('gives a column that needs a word its header note when Cohort makes the tab or adds the column', () => {
    const emulator = cohort();
    const notesOf = (tab: string) => {
      const sheet = emulator.spreadsheets.active.doc.sheets.find((s) => s.name === tab)!;
      const headers = emulator.spreadsheets.values(tab)[0]!.map(String);
      return Object.fromEntries(
        headers.flatMap((h, c) => {
          const note = sheet.notes.get(0, c);
          return note ? [[h, note]] : [];
        }),
      );
    };
    expect(notesOf('Settings')).toEqual(PROSE.columnNotes.Settings);
    expect(notesOf('Programme')).toEqual(PROSE.columnNotes.Programme);
    expect(notesOf('Applicants')).toEqual(PROSE.columnNotes.Applicants);
    // A column the coordinator deleted comes back with its note.
    const programme = emulator.spreadsheets.active.doc.sheets.find((s) => s.name === 'Programme')!;
    const at = emulator.spreadsheets.values('Programme')[0]!.indexOf('Invitations');
    programme.deleteColumns(at, 1);
    expect(notesOf('Programme').Invitations).toBeUndefined();
    click(emulator, 'Set up programme');
    expect(notesOf('Programme')).toEqual(PROSE.columnNotes.Programme);
  });

  it('has header notes only for columns the tabs have', () => {
    const specs = [...Object.values(tabs), ...Object.values(keepInTouchTabs)].filter(
      (x): x is TabSpec => typeof x === 'object' && x !== null && 'columns' in x && 'name' in x,
    );
    for (const [tab, notes] of Object.entries(PROSE.columnNotes)) {
      const spec = specs.find((s) => s.name === tab);
      expect(spec?.name).toBe(tab);
      expect(spec!.columns.map((c) => c.header)).toEqual(expect.arrayContaining(Object.keys(notes)));
    }
  });

  it('gives the headers of tabs an older Cohort made their notes at the next Set up, once, keeping the coordinator’s own', () => {
    const emulator = cohort();
    const sheet = (tab: string) => emulator.spreadsheets.active.doc.sheets.find((s) => s.name === tab)!;
    const column = (tab: string, header: string) => emulator.spreadsheets.values(tab)[0]!.indexOf(header);
    // As an older Cohort left them: no notes at all, and no record of having written them.
    for (const tab of ['Settings', 'Programme', 'Applicants']) sheet(tab).notes.clear();
    emulator.properties.stores.script.values.delete('notes:written');
    sheet('Programme').notes.set(0, column('Programme', 'Date'), 'Our own: dates as in the handbook');
    const run = click(emulator, 'Set up programme');
    expect(sheet('Settings').notes.get(0, column('Settings', 'Key'))).toBe(PROSE.columnNotes.Settings!.Key);
    expect(sheet('Applicants').notes.get(0, column('Applicants', 'ID'))).toBe(
      PROSE.columnNotes.Applicants!.ID,
    );
    expect(sheet('Programme').notes.get(0, column('Programme', 'Date'))).toBe(
      'Our own: dates as in the handbook',
    );
    expect(sheet('Programme').notes.get(0, column('Programme', 'Coach'))).toBe(
      PROSE.columnNotes.Programme!.Coach,
    );
    expect(calls(run, 'Range.getNotes')).toBeGreaterThan(0);
    // The same notes again: nothing to look at.
    expect(calls(click(emulator, 'Set up programme'), 'Range.getNotes')).toBe(0);
  });
});
