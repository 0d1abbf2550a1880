import { Emulator } from '../../../src/emulator/Emulator';
import { START } from './helpers';

/** A script as the bundle would ship it: setup links a form and installs the trigger. */
const SCRIPT = `
function setup() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var form = FormApp.create('Mentee application').setPublished(true);
  form.addTextItem().setTitle('Name').setRequired(true);
  form.addCheckboxItem().setTitle('Needs').setChoiceValues(['Careers', 'Research']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  ScriptApp.newTrigger('onApplication').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('tick').timeBased().after(60 * 1000).create();
  return form.getId();
}
// Each execution starts in a fresh realm (as on Google): what a trigger saw is kept in properties.
function remember(entry) {
  var props = PropertiesService.getScriptProperties();
  var seen = JSON.parse(props.getProperty('seen') || '[]');
  seen.push(entry);
  props.setProperty('seen', JSON.stringify(seen));
}
function onApplication(e) {
  remember({ uid: e.triggerUid, name: e.namedValues['Name'][0], needs: e.values[2], row: e.range.getRow(),
    sheet: e.range.getSheet().getName(), isArray: Array.isArray(e.values) });
}
function tick(e) { remember({ tick: e.triggerUid, tz: e.timezone }); }
function report() { return PropertiesService.getScriptProperties().getProperty('seen'); }
var notKept = 'a global is set again at the start of every execution';
`;

describe('Emulator: a form submission runs the spreadsheet onFormSubmit trigger', () => {
  it('delivers a Google-shaped event to the installed trigger, and clock triggers when due', () => {
    const emulator = new Emulator({ now: START }).load(SCRIPT);
    const setup = emulator.run('setup');
    expect(setup.error).toBeNull();
    const formId = setup.value as string;
    const ran = emulator.submitForm(formId, { Name: 'Ann', Needs: ['Careers', 'Research'] });
    expect(ran.map((r) => [r.handler, r.ok])).toEqual([['onApplication', true]]);
    const [submitTrigger, clock] = emulator.script.triggers();
    expect(emulator.advance(5 * 60 * 1000).map((r) => r.handler)).toEqual(['tick']);
    const seen = JSON.parse(emulator.run('report').value as string);
    expect(seen).toEqual([
      {
        uid: submitTrigger!.uid,
        name: 'Ann',
        needs: 'Careers, Research',
        row: 2,
        sheet: 'Form Responses 1',
        isArray: true,
      },
      { tick: clock!.uid, tz: 'UTC' },
    ]);
  });

  it('refuses a submission to a form the script has not published', () => {
    const emulator = new Emulator({ now: START }).load(
      `function make() { var f = FormApp.create('Draft'); f.addTextItem().setTitle('Q'); return f.getId(); }`,
    );
    const id = emulator.run('make').value as string;
    expect(() => emulator.submitForm(id, { Q: 'x' })).toThrow(/not published/);
  });
});
