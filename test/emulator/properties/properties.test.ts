import { PropertiesModule } from '../../../src/emulator/properties/PropertiesModule';
import { MAX_STORE_BYTES, MAX_VALUE_BYTES } from '../../../src/emulator/properties/PropertyStore';
import { ScriptException } from '../../../src/emulator/runtime/errors';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { scriptRunner, thrown } from '../support/vmHarness';

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function setup() {
  const rt = new Runtime(Date.UTC(2025, 8, 1));
  const properties = new PropertiesModule(rt);
  const run = scriptRunner(properties);
  return { rt, properties, run };
}

describe('PropertiesService', () => {
  it('stores strings, returns null for a missing key, and chains setters', () => {
    const { run } = setup();
    run(`PropertiesService.getScriptProperties().setProperty('count', 3).setProperty('on', true)`);
    expect(run(`PropertiesService.getScriptProperties().getProperty('count')`)).toBe('3');
    expect(run(`typeof PropertiesService.getScriptProperties().getProperty('on')`)).toBe('string');
    expect(run(`PropertiesService.getScriptProperties().getProperty('missing')`)).toBeNull();
  });

  it('keeps the three stores apart', () => {
    const { properties, run } = setup();
    run(`PropertiesService.getScriptProperties().setProperty('k', 'script');
         PropertiesService.getUserProperties().setProperty('k', 'user');
         PropertiesService.getDocumentProperties().setProperty('k', 'document')`);
    expect(properties.stores.script.values.get('k')).toBe('script');
    expect(properties.stores.user.values.get('k')).toBe('user');
    expect(properties.stores.document.values.get('k')).toBe('document');
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { run } = setup();
    run(`var p = PropertiesService.getScriptProperties();
         p.setProperties({ a: '1', b: '2' }); p.setProperties({ b: 'two', c: 3 })`);
    expect(run('p.getProperties()')).toEqual({ a: '1', b: 'two', c: '3' });
    run(`p.setProperties({ z: 'only' }, true)`);
    expect(run('p.getKeys()')).toEqual(['z']);
  });

  it('getProperties returns a copy', () => {
    const { run } = setup();
    run(
      `var p = PropertiesService.getScriptProperties(); p.setProperty('a', 'x'); var copy = p.getProperties(); copy.a = 'changed'; copy.b = 'new'`,
    );
    expect(run(`p.getProperty('a')`)).toBe('x');
    expect(run(`p.getProperty('b')`)).toBeNull();
  });

  it('deleteProperty and deleteAllProperties', () => {
    const { run } = setup();
    run(
      `var p = PropertiesService.getUserProperties(); p.setProperties({ a: '1', b: '2', c: '3' }); p.deleteProperty('b')`,
    );
    expect(run('p.getKeys()')).toEqual(['a', 'c']);
    run('p.deleteAllProperties()');
    expect(run('p.getKeys()')).toEqual([]);
  });

  it('refuses a value over 9 KB and a store over 500 KB, changing nothing', () => {
    const { run } = setup();
    run(`var p = PropertiesService.getScriptProperties(); p.setProperty('keep', 'me')`);
    run(`p.setProperty('max', 'x'.repeat(${MAX_VALUE_BYTES}))`);
    const big = thrown(() => run(`p.setProperty('big', 'x'.repeat(${MAX_VALUE_BYTES + 1}))`));
    expect(big).toBeInstanceOf(ScriptException);
    expect(big.message).toBe(QUOTA);
    // Multi-byte characters count as UTF-8 bytes: 4,700 × 'â' is 9,400 bytes.
    expect(thrown(() => run(`p.setProperty('welsh', 'â'.repeat(4700))`)).message).toBe(QUOTA);
    expect(run(`p.getProperty('big')`)).toBeNull();
    const many = Math.ceil(MAX_STORE_BYTES / 9000) + 1;
    const err = thrown(() =>
      run(`var o = {}; for (var i = 0; i < ${many}; i++) o['k' + i] = 'y'.repeat(9000); p.setProperties(o)`),
    );
    expect(err.message).toBe(QUOTA);
    expect(run('p.getKeys()')).toEqual(['keep', 'max']);
  });

  it('counts every call', () => {
    const { rt, run } = setup();
    run(`var p = PropertiesService.getScriptProperties(); p.getProperty('a'); p.setProperty('a', 'b')`);
    expect(rt.totalCalls.get('PropertiesService.getScriptProperties')).toBe(1);
    expect(rt.totalCalls.get('Properties.getProperty')).toBe(1);
    expect(rt.totalCalls.get('Properties.setProperty')).toBe(1);
  });

  it('toState/fromState round trip', () => {
    const { properties, run } = setup();
    run(
      `PropertiesService.getScriptProperties().setProperty('last', 'Siân 🎉'); PropertiesService.getUserProperties().setProperty('u', '1')`,
    );
    const copy = new PropertiesModule(new Runtime(0));
    copy.fromState(JSON.parse(JSON.stringify(properties.toState())));
    expect(copy.stores.script.values.get('last')).toBe('Siân 🎉');
    expect(copy.stores.user.values.get('u')).toBe('1');
    expect(copy.stores.document.values.size).toBe(0);
  });
});
