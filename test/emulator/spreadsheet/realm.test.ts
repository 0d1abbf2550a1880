import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../../src/emulator/Emulator';

it('works from a script in the vm realm and survives save/open (uses the whole Emulator)', async () => {
  const em = new Emulator({ now: Date.UTC(2025, 3, 1) });
  em.load(`
    function onOpen() { SpreadsheetApp.getUi().createMenu('Mentoring').addItem('Set up', 'setUp').addToUi(); }
    function setUp() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sh = ss.insertSheet('Applicants');
      sh.appendRow(['When', 'Name']);
      sh.appendRow([new Date(), 'Ada']);
      var v = sh.getDataRange().getValues();
      if (!(v[1][0] instanceof Date)) throw new Error('not a date');
      if (!Array.isArray(v)) throw new Error('not array');
      return v[1][0].getTime();
    }
    function fromTrigger() { SpreadsheetApp.getUi(); }
  `);
  expect(em.run('onOpen', {}, 'simple-trigger').ok).toBe(true);
  const r = em.run('setUp');
  expect(r.error).toBeNull();
  expect(r.value).toBeGreaterThan(Date.UTC(2025, 3, 1));
  const t = em.run('fromTrigger', {}, 'trigger');
  expect(t.error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  const dir = mkdtempSync(join(tmpdir(), 'em-'));
  await em.save(dir);
  const back = await Emulator.open(dir);
  expect(back.spreadsheets.values('Applicants')[1]?.[1]).toBe('Ada');
  expect(back.spreadsheets.active.getId()).toBe(em.spreadsheets.active.getId());
});
