import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { setup } from './setup';

describe('Ui, menus and toasts', () => {
  it('refuses getUi in a trigger with Apps Script message', () => {
    const { app } = setup({}, 'trigger');
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('registers menus (latest per name) and records them', () => {
    const { app, module, rt } = setup();
    const ui = app.getUi();
    ui.createMenu('Mentoring').addItem('Set up', 'setUp').addToUi();
    ui.createMenu('Mentoring')
      .addItem('Set up', 'setUp')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('Match', 'runMatch'))
      .addToUi();
    expect(module.menus()).toEqual([
      {
        menu: 'Mentoring',
        items: [
          { caption: 'Set up', functionName: 'setUp' },
          'separator',
          { caption: 'Match', functionName: 'runMatch' },
        ],
      },
    ]);
    expect(rt.shown.filter((m) => m.kind === 'menu')).toHaveLength(2);
  });

  it('asks the responder and returns its button, for every alert overload', () => {
    const { app, rt } = setup();
    const asked: string[] = [];
    rt.dialogs = {
      alert: (title, prompt, buttons) => {
        asked.push(`${title}|${prompt}|${buttons}`);
        return buttons === 'YES_NO' ? 'NO' : 'OK';
      },
      prompt: () => ({ button: 'OK', text: '  Cohort 2025 ' }),
    };
    const ui = app.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Send 23 emails?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Send decisions', 'Send 23 emails?', ui.ButtonSet.OK_CANCEL)).toBe('OK');
    expect(asked).toEqual([
      '|Done|OK',
      '|Send 23 emails?|YES_NO',
      'Send decisions|Send 23 emails?|OK_CANCEL',
    ]);
    const answer = ui.prompt('Programme name', 'Name?', ui.ButtonSet.OK_CANCEL);
    expect(answer.getResponseText()).toBe('  Cohort 2025 ');
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
    expect(rt.shown.map((m) => m.kind)).toEqual(['alert', 'alert', 'alert', 'prompt']);
    expect(() => ui.alert('x', 'not a set')).toThrow(/don't match the method signature/);
  });

  it('rejects a responder answer the dialog does not show', () => {
    const { app, rt } = setup();
    rt.dialogs = { alert: () => 'YES', prompt: () => ({ button: 'OK', text: '' }) };
    expect(() => app.getUi().alert('Only OK here')).toThrow(/answered YES/);
  });

  it('records toasts and dialogs, and counts calls by Class.method', () => {
    const { app, ss, rt } = setup();
    ss.toast('Saved 3 rows', 'Cohort', 5);
    app.getUi().showModalDialog({ getContent: () => '<p>Hi</p>' }, 'Preview');
    expect(rt.shown.map((m) => [m.kind, m.title, m.text])).toEqual([
      ['toast', 'Cohort', 'Saved 3 rows'],
      ['dialog', 'Preview', '<p>Hi</p>'],
    ]);
    const calls = rt.execution!.calls;
    expect(calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(calls.get('Spreadsheet.toast')).toBe(1);
    expect(calls.get('Ui.showModalDialog')).toBe(1);
    expect(Runtime.count(calls, 'Spreadsheet.', 'SpreadsheetApp.', 'Ui.')).toBe(4);
  });

  it('advances the clock by each call latency', () => {
    const { ss, rt, app } = setup();
    const t0 = rt.clock.now();
    ss.getSheets()[0]!.getRange('A1').getValues();
    app.flush();
    expect(rt.clock.now() - t0).toBeGreaterThanOrEqual(30 + 30 + 60 + 200);
  });
});
