import { LockModule } from '../../../src/emulator/lock/LockModule';
import { ExecutionKilled, ScriptException } from '../../../src/emulator/runtime/errors';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { scriptRunner, thrown } from '../support/vmHarness';

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0);
const LOCK_CALL_MS = 30;
const SERVICE_CALL_MS = 10;

function setup() {
  const rt = new Runtime(T0);
  const locks = new LockModule(rt);
  const run = scriptRunner(locks);
  return { rt, locks, run };
}

describe('LockService', () => {
  it('a free lock is taken at once; hasLock and releaseLock', () => {
    const { rt, locks, run } = setup();
    rt.begin('f', 'menu');
    run('var lock = LockService.getScriptLock()');
    expect(run('lock.hasLock()')).toBe(false);
    expect(run('lock.tryLock(1000)')).toBe(true);
    expect(run('lock.hasLock()')).toBe(true);
    expect(locks.holder('script')).toBe('this');
    expect(locks.holder('user')).toBeNull();
    run('lock.releaseLock(); lock.releaseLock()');
    expect(run('lock.hasLock()')).toBe(false);
    rt.end();
  });

  it('locks held by the execution are released when it ends', () => {
    const { rt, locks, run } = setup();
    rt.begin('f', 'menu');
    run('LockService.getDocumentLock().waitLock(1000)');
    expect(locks.holder('document')).toBe('this');
    rt.end();
    expect(locks.holder('document')).toBeNull();
  });

  it('waits for another execution that lets go within the timeout', () => {
    const { rt, locks, run } = setup();
    rt.begin('f', 'trigger');
    locks.holdByOther('script', T0 + 5000);
    expect(locks.holder('script')).toBe('other');
    run('var lock = LockService.getScriptLock()');
    expect(run('lock.tryLock(10000)')).toBe(true);
    // The clock stands at the moment the other execution released it.
    expect(rt.clock.now()).toBe(T0 + 5000);
    expect(locks.holder('script')).toBe('this');
    rt.end();
  });

  it('tryLock gives up after the full timeout; waitLock throws Google’s message', () => {
    const { rt, locks, run } = setup();
    locks.holdByOther('user', T0 + 60000);
    run('var lock = LockService.getUserLock()');
    const before = rt.clock.now();
    expect(run('lock.tryLock(2000)')).toBe(false);
    expect(rt.clock.now() - before).toBe(LOCK_CALL_MS + 2000);
    expect(run('lock.hasLock()')).toBe(false);
    const err = thrown(() => run('lock.waitLock(3000)'));
    expect(err).toBeInstanceOf(ScriptException);
    expect(err.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(rt.clock.now() - before).toBe(3 * LOCK_CALL_MS + 5000);
  });

  it('the other execution can release early; kinds are independent', () => {
    const { rt, locks, run } = setup();
    locks.holdByOther('script', T0 + 60000);
    expect(run('LockService.getUserLock().tryLock(0)')).toBe(true);
    locks.releaseOther('script');
    const before = rt.clock.now();
    expect(run('LockService.getScriptLock().tryLock(0)')).toBe(true);
    expect(rt.clock.now() - before).toBe(SERVICE_CALL_MS + LOCK_CALL_MS);
  });

  it('a wait that runs past the 6-minute limit ends the execution', () => {
    const { rt, locks, run } = setup();
    rt.begin('f', 'trigger');
    rt.clock.advance(5 * 60000);
    locks.holdByOther('script', T0 + 20 * 60000);
    expect(thrown(() => run('LockService.getScriptLock().waitLock(120000)'))).toBeInstanceOf(ExecutionKilled);
    rt.end();
  });

  it('toState/fromState keeps locks held by others', () => {
    const { locks } = setup();
    locks.holdByOther('document', T0 + 1000);
    const copy = new LockModule(new Runtime(T0));
    copy.fromState(JSON.parse(JSON.stringify(locks.toState())));
    expect(copy.holder('document')).toBe('other');
  });
});
