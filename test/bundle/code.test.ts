import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { PROSE } from '../../src/domain/prose';
import { HANDLER } from '../../src/workflows/handlers';
import { MENU } from '../../src/workflows/menu';

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'apps-script', 'Code.js'), 'utf8');

/**
 * What would make swc's unsafe_arrows unsound (scripts/build.mjs): functions (not classes) constructed
 * with `new`, and any read of `arguments`. By name, as the minifier reuses short names in other
 * scopes: a name bound to a class anywhere counts as a class.
 */
function unsafeForArrows(source: string): { constructed: string[]; readsArguments: boolean } {
  const functions = new Set<string>();
  const classes = new Set<string>();
  const constructed: string[] = [];
  let readsArguments = false;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; [k: string]: unknown };
    const name = (x: unknown) => (x as { type?: string; name?: string } | null)?.name;
    if (n.type === 'FunctionDeclaration') functions.add(name(n.id)!);
    if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.id) classes.add(name(n.id)!);
    if (n.type === 'VariableDeclarator' || n.type === 'AssignmentExpression') {
      const [target, value] = n.type === 'VariableDeclarator' ? [n.id, n.init] : [n.left, n.right];
      const kind = (value as { type?: string } | null)?.type ?? '';
      const bound = (target as { type?: string }).type === 'Identifier' ? name(target) : undefined;
      if (bound && /Function/.test(kind)) functions.add(bound);
      if (bound && kind === 'ClassExpression') classes.add(bound);
    }
    if (n.type === 'NewExpression' && (n.callee as { type: string }).type === 'Identifier')
      constructed.push(name(n.callee)!);
    if (n.type === 'Identifier' && n.name === 'arguments') readsArguments = true;
    for (const v of Object.values(n)) (Array.isArray(v) ? v : [v]).forEach(walk);
  };
  walk(parse(source, { ecmaVersion: 2020, sourceType: 'script' }));
  return { constructed: constructed.filter((c) => functions.has(c) && !classes.has(c)), readsArguments };
}

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

  // The build's one transform swc calls unsafe, unsafe_arrows, is sound only while no function (as
  // opposed to a class) is constructed with `new` and nothing reads `arguments` (scripts/build.mjs).
  it('constructs only classes and never reads `arguments`, so its function expressions may be arrows', () => {
    // The check itself: it sees a function constructed or `arguments` read.
    expect(unsafeForArrows('var f = function () {}; new f();')).toEqual({
      constructed: ['f'],
      readsArguments: false,
    });
    expect(unsafeForArrows('function g() { return arguments; }')).toEqual({
      constructed: [],
      readsArguments: true,
    });
    expect(unsafeForArrows('var C = class {}; new C(); new Map();')).toEqual({
      constructed: [],
      readsArguments: false,
    });
    // A class's own name inside it (the minifier may give it a name a function has elsewhere).
    const named = 'function e() {} var R = class e { static make() { return new e(); } };';
    expect(unsafeForArrows(named)).toEqual({ constructed: [], readsArguments: false });
    expect(unsafeForArrows(code.slice(0, code.indexOf('// Entry points')))).toEqual({
      constructed: [],
      readsArguments: false,
    });
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
