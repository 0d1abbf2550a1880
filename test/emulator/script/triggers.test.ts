import { NotImplemented, ScriptException } from '../../../src/emulator/runtime/errors';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { ScriptModule } from '../../../src/emulator/script/ScriptModule';
import { inExecution, setup } from './helpers';

describe('installable triggers', () => {
  it('creates spreadsheet and form triggers from an id or the object, and lists them', () => {
    const { rt, script, ScriptApp } = setup();
    const spreadsheet = { getId: () => 'ss-1' };
    inExecution(rt, () => {
      const t = ScriptApp.newTrigger('onApplication').forSpreadsheet(spreadsheet).onFormSubmit().create();
      expect(t.getUniqueId()).toMatch(/^\d+$/);
      expect(t.getHandlerFunction()).toBe('onApplication');
      expect(t.getEventType()).toBe(ScriptApp.EventType.ON_FORM_SUBMIT);
      expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
      expect(t.getTriggerSourceId()).toBe('ss-1');
      ScriptApp.newTrigger('opened').forSpreadsheet('ss-1').onOpen().create();
      ScriptApp.newTrigger('edited').forSpreadsheet('ss-1').onEdit().create();
      ScriptApp.newTrigger('onChoice').forForm('form-1').onFormSubmit().create();
      expect(ScriptApp.getProjectTriggers().map((x) => x.getEventType())).toEqual([
        'ON_FORM_SUBMIT',
        'ON_OPEN',
        'ON_EDIT',
        'ON_FORM_SUBMIT',
      ]);
    });
    expect(script.triggers().map((t) => [t.handler, t.kind, t.source, t.sourceId])).toEqual([
      ['onApplication', 'onFormSubmit', 'SPREADSHEETS', 'ss-1'],
      ['opened', 'onOpen', 'SPREADSHEETS', 'ss-1'],
      ['edited', 'onEdit', 'SPREADSHEETS', 'ss-1'],
      ['onChoice', 'onFormSubmit', 'FORMS', 'form-1'],
    ]);
    // Only the spreadsheet's own form-submit triggers receive its form-submit events.
    expect(script.formSubmitTriggers('ss-1').map((t) => t.handler)).toEqual(['onApplication']);
    expect(script.formSubmitTriggers('ss-2')).toEqual([]);
  });

  it('gives every trigger its own unique id and deletes by trigger', () => {
    const { rt, script, ScriptApp } = setup();
    inExecution(rt, () => {
      const a = ScriptApp.newTrigger('a').forSpreadsheet('ss').onFormSubmit().create();
      const b = ScriptApp.newTrigger('a').forSpreadsheet('ss').onFormSubmit().create();
      expect(a.getUniqueId()).not.toBe(b.getUniqueId());
      const [first] = ScriptApp.getProjectTriggers();
      ScriptApp.deleteTrigger(first!);
      ScriptApp.deleteTrigger(first!); // already gone: no effect
      expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([b.getUniqueId()]);
    });
    expect(script.triggers()).toHaveLength(1);
  });

  it('refuses a 21st trigger with Apps Script message; fired one-shots still count', () => {
    const { rt, script, ScriptApp } = setup();
    inExecution(rt, () => {
      ScriptApp.newTrigger('once').timeBased().after(1000).create();
      for (let i = 0; i < 19; i++) ScriptApp.newTrigger(`f${i}`).forSpreadsheet('ss').onOpen().create();
    });
    const once = script.nextClockTrigger(rt.clock.now() + 2000)!;
    script.markFired(once.uid);
    inExecution(rt, () => {
      expect(() => ScriptApp.newTrigger('x').forSpreadsheet('ss').onOpen().create()).toThrow(
        new ScriptException(
          'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
        ),
      );
      const fired = ScriptApp.getProjectTriggers().find((t) => t.getHandlerFunction() === 'once')!;
      ScriptApp.deleteTrigger(fired);
      expect(() => ScriptApp.newTrigger('x').forSpreadsheet('ss').onOpen().create()).not.toThrow();
    });
  });

  it('counts calls and refuses what Apps Script does not offer', () => {
    const { rt, ScriptApp } = setup();
    const ex = inExecution(rt, () => {
      ScriptApp.newTrigger('f').forSpreadsheet('ss').onFormSubmit().create();
      expect(() => ScriptApp.newTrigger('f').forSpreadsheet('ss').create()).toThrow(ScriptException);
      expect(() => ScriptApp.newTrigger('f').forSpreadsheet('ss').onChange()).toThrow(NotImplemented);
      expect(() => ScriptApp.newTrigger('f').forSpreadsheet(42 as never)).toThrow(ScriptException);
      expect(() => ScriptApp.newTrigger('')).toThrow(ScriptException);
      return rt.execution!;
    });
    expect(ex.calls.get('ScriptApp.newTrigger')).toBe(5);
    expect(ex.calls.get('SpreadsheetTriggerBuilder.create')).toBe(2);
  });

  it('survives toState / fromState (JSON), uids continuing', () => {
    const { rt, script, ScriptApp } = setup();
    inExecution(rt, () => {
      ScriptApp.newTrigger('f').forSpreadsheet('ss').onFormSubmit().create();
      ScriptApp.newTrigger('g').timeBased().everyMinutes(5).create();
    });
    const rt2 = new Runtime(rt.clock.now());
    const restored = new ScriptModule(rt2);
    restored.fromState(JSON.parse(JSON.stringify(script.toState())));
    expect(restored.triggers()).toEqual(script.triggers());
    const app = restored.globals().ScriptApp as typeof ScriptApp;
    const uid = inExecution(rt2, () => app.newTrigger('h').timeBased().after(1).create().getUniqueId());
    expect(script.triggers().map((t) => t.uid)).not.toContain(uid);
    expect(restored.triggers().map((t) => t.handler)).toEqual(['f', 'g', 'h']);
    const g = restored.triggers()[1]!;
    restored.markFired(g.uid);
    expect(restored.triggers()[1]!.dueAt).toBe(g.dueAt + 5 * 60_000);
  });
});
