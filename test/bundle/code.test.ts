import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { PROSE } from '../../src/domain/prose';
import { HANDLER } from '../../src/workflows/handlers';
import { MENU } from '../../src/workflows/menu';

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'apps-script', 'Code.js'), 'utf8');

describe('dist/apps-script/Code.js, the file pushed to Google', () => {
  it('is a classic script: no import, export or require survives', () => {
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('uses no syntax newer than ES2020, the level of the Apps Script template Google publishes (docs/google-behaviour.md row 13)', () => {
    // Node's V8 would run `??=` or class fields; whether Apps Script's does is not shown anywhere.
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(() => parse('let a; a ??= 1;', { ecmaVersion: 2020, sourceType: 'script' })).toThrow();
    expect(() => parse('class A { b = 1 }', { ecmaVersion: 2020, sourceType: 'script' })).toThrow();
    // ES2020 is what the bundle gains from: `?.` and `??` are kept as they are, not rewritten.
    expect(code).toMatch(/\?\?|\?\./);
  });

  it('declares a top-level function for every menu item, trigger and continuation', () => {
    const handlers = [
      'onOpen',
      ...MENU.flatMap((item) => (item === 'separator' ? [] : [item.handler])),
      ...Object.values(HANDLER),
    ];
    for (const name of handlers) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    // Each is visible as a global once the file runs, as Apps Script needs.
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of handlers) expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
  });

  it('ships the manifest with Europe/London, V8 and the Calendar advanced service', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'dist', 'apps-script', 'appsscript.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({
      timeZone: 'Europe/London',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
    });
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' },
    ]);
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    expect(manifest.oauthScopes.some((s: string) => s.includes('gmail'))).toBe(false);
  });

  it('leaves the prose to prose.html: the same texts, as JSON with no markup, and none of them in Code.js', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'dist', 'apps-script', 'prose.html'), 'utf8');
    expect(file).not.toMatch(/[<>&]/);
    expect(JSON.parse(file)).toEqual(PROSE);
    const sentences = JSON.stringify(PROSE)
      .split(/\\n|"/)
      .filter((s) => s.length >= 60);
    expect(sentences.length).toBeGreaterThan(20);
    for (const sentence of sentences) expect(code).not.toContain(sentence);
  });
});
