import { FormModule } from '../../../src/emulator/forms/FormModule';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { SpreadsheetModule } from '../../../src/emulator/spreadsheet/SpreadsheetModule';
import type { ScriptFormApp } from './helpers';
import { inExecution, START } from './helpers';

/** The Forms service on the real Spreadsheet module (src/emulator/spreadsheet). */
function setupReal() {
  const rt = new Runtime(START);
  const spreadsheets = new SpreadsheetModule(rt, {
    name: 'Peer mentoring',
    timeZone: 'Europe/London',
    locale: 'en_GB',
  });
  const forms = new FormModule(rt, spreadsheets);
  const FormApp = forms.globals().FormApp as ScriptFormApp;
  const ssId = spreadsheets.active.doc.id;
  const id = inExecution(rt, () => {
    const form = FormApp.create('Mentee application').setPublished(true);
    form.addTextItem().setTitle('Name').setRequired(true);
    form.addTextItem().setTitle('Phone');
    form.addCheckboxItem().setTitle('Needs').setChoiceValues(['Careers', 'Research']);
    form.addScaleItem().setTitle('Confidence');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    return form.getId();
  });
  return { rt, spreadsheets, forms, FormApp, ssId, id };
}

describe('Forms with the real Spreadsheet module', () => {
  it('links "Form Responses 1" as the first tab with the header row', () => {
    const { rt, spreadsheets } = setupReal();
    const names = inExecution(rt, () => spreadsheets.active.getSheets().map((s) => s.getName()));
    expect(names).toEqual(['Form Responses 1', 'Sheet1']);
    expect(spreadsheets.values('Form Responses 1')).toEqual([
      ['Timestamp', 'Name', 'Phone', 'Needs', 'Confidence'],
    ]);
  });

  it('appends rows as typed input (a formula stays text) and hands the trigger the real row range', () => {
    const { rt, spreadsheets, forms, id, ssId } = setupReal();
    const at = rt.clock.now();
    const s = forms.submit(id, {
      Name: '=IMPORTXML("x")',
      Phone: '07700 900123',
      Needs: ['Careers', 'Research'],
      Confidence: '3',
    })!;
    expect(s.spreadsheetId).toBe(ssId);
    expect(s.event.source).toBe(spreadsheets.active);
    const [, row] = spreadsheets.values('Form Responses 1');
    expect(row).toEqual([new Date(at), '=IMPORTXML("x")', '07700 900123', 'Careers, Research', 3]);
    expect(spreadsheets.formulaCells()).toEqual([]);
    expect(s.event.range.getValues()).toEqual([row]);
    expect(s.event.values[0]).toMatch(/^01\/04\/2025 10:00:\d\d$/);
    expect(rt.execution).toBeNull();
  });

  it('renames the header, adds a column for a new question, and follows a renamed tab', () => {
    const { rt, spreadsheets, forms, FormApp, id } = setupReal();
    inExecution(rt, () => {
      const form = FormApp.openById(id);
      form.getItems()[0]!.setTitle('Full name');
      form.addParagraphTextItem().setTitle('Why');
      spreadsheets.active.getSheetByName('Form Responses 1')!.setName('Mentee responses');
    });
    forms.submit(id, { 'Full name': 'Ann', Why: 'To grow' });
    expect(spreadsheets.values('Mentee responses').map((r) => r.slice(1))).toEqual([
      ['Full name', 'Phone', 'Needs', 'Confidence', 'Why'],
      ['Ann', '', '', '', 'To grow'],
    ]);
  });
});
