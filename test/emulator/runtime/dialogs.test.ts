/**
 * Dialogs on Google suspend the script and drop its locks ([official] AS/reference/base/ui#alert:
 * "LockService locks don't persist across the suspension"); other executions run meanwhile, and
 * the time the dialog is open counts towards the six minutes.
 */
import { Emulator } from '../../../src/emulator/Emulator';

const T0 = Date.UTC(2025, 3, 24, 9, 0, 0);

const SCRIPT = `
function remember(what) {
  var p = PropertiesService.getScriptProperties();
  p.setProperty('seen', (p.getProperty('seen') || '') + what + ';');
}
function menuAction() {
  var lock = LockService.getScriptLock();
  lock.tryLock(1000);
  remember('locked:' + lock.hasLock());
  SpreadsheetApp.getUi().alert('Send 3 emails?', 'Go ahead?', SpreadsheetApp.getUi().ButtonSet.YES_NO);
  remember('after dialog:' + lock.hasLock());
}
function tick() {
  var lock = LockService.getScriptLock();
  remember('tick got lock:' + lock.tryLock(0));
}
function schedule() { ScriptApp.newTrigger('tick').timeBased().after(60 * 1000).create(); }
function seen() { return PropertiesService.getScriptProperties().getProperty('seen'); }
`;

function emulator(): Emulator {
  const em = new Emulator({ now: T0, triggerDelay: () => 0 }).load(SCRIPT);
  em.run('schedule', undefined, 'editor');
  return em;
}

describe('a dialog suspends the execution', () => {
  it('drops its lock, lets a trigger that falls due run and take the lock, and does not give the lock back', () => {
    const em = emulator();
    em.rt.dialogs = {
      alert: () => ({ button: 'YES', afterMs: 2 * 60_000 }),
      prompt: () => ({ button: 'OK', text: '' }),
    };
    const run = em.run('menuAction');
    expect(run.error).toBeNull();
    expect(em.run('seen').value).toBe('locked:true;tick got lock:true;after dialog:false;');
    const tick = em.executions.find((e) => e.handler === 'tick')!;
    // The trigger ran inside the dialog's two minutes, while the menu action was still under way.
    expect(tick.startedAt).toBeGreaterThan(run.startedAt);
    expect(tick.endedAt).toBeLessThan(run.endedAt);
  });

  it('work waiting for the dialog (an applicant submitting) runs while it is open', () => {
    const em = emulator();
    em.whileNextDialog(() => em.run('tick', undefined, 'trigger'));
    em.run('menuAction');
    expect(em.run('seen').value).toBe('locked:true;tick got lock:true;after dialog:false;');
  });

  it('the time the dialog is open counts towards the six-minute limit', () => {
    const em = emulator();
    em.rt.dialogs = {
      alert: () => ({ button: 'YES', afterMs: 7 * 60_000 }),
      prompt: () => ({ button: 'OK', text: '' }),
    };
    const run = em.run('menuAction');
    expect(run.killed).toBe(true);
    expect(run.error?.message).toBe('Exceeded maximum execution time');
    // Nothing after the dialog ran.
    expect(String(em.run('seen').value)).not.toContain('after dialog');
  });

  it('a last dialog still open at six minutes ends the execution too, though no call follows it', () => {
    const em = new Emulator({ now: T0 }).load(`
      var after = 'not reached';
      function f() {
        SpreadsheetApp.getUi().alert('Done', 'All sent.', SpreadsheetApp.getUi().ButtonSet.OK);
        after = 'reached';
        return after;
      }`);
    em.rt.dialogs = {
      alert: () => ({ button: 'OK', afterMs: 6 * 60_000 }),
      prompt: () => ({ button: 'OK', text: '' }),
    };
    const run = em.run('f');
    expect(run.killed).toBe(true);
    expect(run.error?.message).toBe('Exceeded maximum execution time');
    expect(run.value).toBeUndefined();
  });

  it('an HTML dialog does not suspend: the lock stays', () => {
    const em = new Emulator({ now: T0 }).load(`
      function f() {
        var lock = LockService.getScriptLock(); lock.tryLock(0);
        SpreadsheetApp.getUi().showModalDialog({ getContent: function () { return '<p>hi</p>'; } }, 'Hi');
        return lock.hasLock();
      }`);
    expect(em.run('f').value).toBe(true);
  });
});
