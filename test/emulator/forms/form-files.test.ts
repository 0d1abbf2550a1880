import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormModule, slugOf } from '../../../src/emulator/forms/FormModule';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { FakeSpreadsheets } from './fakeSpreadsheets';
import { inExecution, type ScriptFormApp, setup } from './helpers';

function build(FormApp: ScriptFormApp): string {
  const form = FormApp.create('Mentor <application> 2025')
    .setTitle('Mentor <application> 2025')
    .setPublished(true);
  form.setDescription('Tell us about "you" & your work');
  form.addTextItem().setTitle('Name <b>').setRequired(true);
  form.addCheckboxItem().setTitle('Areas').setChoiceValues(['<script>alert(1)</script>', 'Research']);
  form.addScaleItem().setTitle('Hours').setBounds(1, 3);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-active');
  return form.getId();
}

describe('forms on disk', () => {
  it('slugs titles as lowercase words joined by dashes', () => {
    expect(slugOf('Mentor <application> 2025')).toBe('mentor-application-2025');
    expect(slugOf('Mentee choices — Café')).toBe('mentee-choices-cafe');
    expect(slugOf('***')).toBe('form');
  });

  it('writes forms/<slug>.json and an HTML preview with every text escaped', async () => {
    const { rt, forms, FormApp } = setup();
    const id = inExecution(rt, () => build(FormApp));
    forms.submit(id, { 'Name <b>': 'Ann', Hours: '2' });
    inExecution(rt, () => FormApp.create('Mentor <application> 2025'));
    const dir = mkdtempSync(join(tmpdir(), 'cohort-forms-'));
    await forms.writeFiles(dir);
    expect(readdirSync(join(dir, 'forms')).sort()).toEqual([
      'mentor-application-2025-2.html',
      'mentor-application-2025-2.json',
      'mentor-application-2025.html',
      'mentor-application-2025.json',
    ]);
    const json = JSON.parse(readFileSync(join(dir, 'forms', 'mentor-application-2025.json'), 'utf8'));
    expect(json).toMatchObject({
      id,
      title: 'Mentor <application> 2025',
      published: true,
      acceptingResponses: true,
      destination: { type: 'SPREADSHEET', spreadsheetId: 'ss-active', sheetName: 'Form Responses 1' },
      responseCount: 1,
    });
    expect(json.items.map((i: { type: string }) => i.type)).toEqual(['TEXT', 'CHECKBOX', 'SCALE']);
    expect(json.items[0]).toMatchObject({ title: 'Name <b>', required: true, helpText: '' });
    expect(json.items[1].choices).toEqual(['<script>alert(1)</script>', 'Research']);
    expect(json.items[2].bounds).toEqual([1, 3]);
    const html = readFileSync(join(dir, 'forms', 'mentor-application-2025.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('Name <b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Tell us about &#34;you&#34; &#38; your work');
    expect(html).toContain('type="checkbox"');
    expect(html).toMatch(/Name &#60;b&#62;.*class="required"/);
  });

  it('keeps forms, items and responses through toState / fromState (JSON)', () => {
    const { rt, forms, FormApp } = setup();
    const id = inExecution(rt, () => build(FormApp));
    forms.submit(id, { 'Name <b>': 'Ann', Areas: ['Research'] });
    const state = JSON.parse(JSON.stringify(forms.toState()));

    const rt2 = new Runtime(rt.clock.now());
    const sheets2 = new FakeSpreadsheets();
    const restored = new FormModule(rt2, sheets2);
    restored.fromState(state);
    const FormApp2 = restored.globals().FormApp as ScriptFormApp;
    inExecution(rt2, () => {
      const form = FormApp2.openById(id);
      expect(form.getItems().map((i) => i.getTitle())).toEqual(['Name <b>', 'Areas', 'Hours']);
      expect(form.getResponses()[0]!.getItemResponses()[1]!.getResponse()).toEqual(['Research']);
      expect(form.getDestinationId()).toBe('ss-active');
      // New ids continue after the saved ones.
      const next = form.addTextItem().getId();
      expect(form.getItems().filter((i) => i.getId() === next)).toHaveLength(1);
      expect(FormApp2.create('Another').getId()).not.toBe(id);
    });
    expect(restored.list()[0]).toEqual(forms.list()[0]);
    expect(restored.list()).toHaveLength(2);
    expect(restored.byTitle('Mentor <application> 2025')?.id).toBe(id);
  });
});
