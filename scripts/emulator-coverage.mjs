#!/usr/bin/env node
// Writes docs/emulator-coverage.md: for each emulated Apps Script class, which of the real class's
// methods (from @types/google-apps-script) the emulator implements, and which it does not (absent,
// or throwing NotImplemented). `npm run coverage:emulator`; `--check` (run by a test) fails when
// the file is out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const typesDir = join(root, 'node_modules/@types/google-apps-script');
const typeFiles = [
  'google-apps-script.spreadsheet.d.ts',
  'google-apps-script.forms.d.ts',
  'google-apps-script.mail.d.ts',
  'google-apps-script.lock.d.ts',
  'google-apps-script.properties.d.ts',
  'google-apps-script.script.d.ts',
  'google-apps-script.base.d.ts',
  'google-apps-script.utilities.d.ts',
  'google-apps-script.html.d.ts',
  'apis/calendar_v3.d.ts',
];

/** Each `header { body }` in the text, the body found by counting braces (types nest them). */
function* blocks(text, header) {
  for (const m of text.matchAll(header)) {
    let depth = 0;
    let start = -1;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      if (text[i] === '{') {
        if (depth++ === 0) start = i + 1;
      } else if (text[i] === '}' && --depth === 0) {
        yield { match: m, body: text.slice(start, i) };
        break;
      }
    }
  }
}

/** Classes in a source file: the header may span lines (implements Pick<…>); the body opens at the first line ending in `{`. */
function* classesIn(source) {
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^(?:export )?(?:abstract )?class (\w+)/.exec(lines[i]);
    if (!head) continue;
    let j = i;
    while (j < lines.length && !/\{\s*$/.test(lines[j])) j++;
    const header = lines.slice(i, j + 1).join(' ');
    const parent = /\bextends (\w+)/.exec(header)?.[1];
    let depth = 1;
    let k = j + 1;
    for (; k < lines.length && depth > 0; k++) {
      for (const ch of lines[k]) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    }
    yield { name: head[1], parent, text: lines.slice(j + 1, k).join('\n') };
    i = k - 1;
  }
}

/** interface name → method names, first declaration wins (the d.ts files repeat some names). */
function realMethods() {
  const methods = new Map();
  for (const file of typeFiles) {
    const text = readFileSync(join(typesDir, file), 'utf8');
    for (const { match, body } of blocks(text, /\binterface (\w+)[^{\n]*\{/g)) {
      if (methods.has(match[1])) continue;
      const names = new Set();
      for (const line of body.split('\n')) {
        const method = /^\s*([a-zA-Z]\w*)\??\s*\(/.exec(line);
        if (method) names.add(method[1]);
      }
      if (names.size > 0) methods.set(match[1], [...names].sort());
    }
  }
  return methods;
}

/** class name → { implemented, notImplemented } from the emulator's sources. */
function emulatedMethods() {
  const classes = new Map();
  const dir = join(root, 'src/emulator');
  for (const service of readdirSync(dir)) {
    let files;
    try {
      files = readdirSync(join(dir, service)).filter((f) => f.endsWith('.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const source = readFileSync(join(dir, service, file), 'utf8');
      for (const { name, parent, text } of classesIn(source)) {
        const body = text.split('\n');
        const found = [];
        body.forEach((line, i) => {
          const m = /^ {2}(?:(?:public|static|async|override|readonly) )*([a-zA-Z]\w*)(?:<[^>]*>)?\(/.exec(
            line,
          );
          if (m && m[1] !== 'constructor') found.push({ name: m[1], at: i });
        });
        const implemented = new Set();
        const notImplemented = new Set();
        found.forEach((f, k) => {
          const end = found[k + 1]?.at ?? body.length;
          const text = body.slice(f.at, end).join('\n');
          (text.includes('NotImplemented(') ? notImplemented : implemented).add(f.name);
        });
        for (const n of notImplemented) implemented.delete(n);
        classes.set(name, { service, parent, implemented, notImplemented });
      }
    }
  }
  // A class also has what it inherits (the items share their base classes' methods).
  const resolve = (name, seen = new Set()) => {
    const info = classes.get(name);
    if (!info || seen.has(name)) return { implemented: new Set(), notImplemented: new Set() };
    seen.add(name);
    const parent = info.parent
      ? resolve(info.parent, seen)
      : { implemented: new Set(), notImplemented: new Set() };
    const implemented = new Set([...parent.implemented, ...info.implemented]);
    const notImplemented = new Set([...parent.notImplemented].filter((m) => !info.implemented.has(m)));
    for (const m of info.notImplemented) {
      notImplemented.add(m);
      implemented.delete(m);
    }
    return { implemented, notImplemented };
  };
  return new Map([...classes].map(([name, info]) => [name, { service: info.service, ...resolve(name) }]));
}

const real = realMethods();
const emulated = emulatedMethods();
const rows = [];
for (const [name, info] of [...emulated].sort(([a], [b]) => a.localeCompare(b))) {
  const methods = real.get(name);
  if (!methods) continue;
  const done = methods.filter((m) => info.implemented.has(m));
  const refused = methods.filter((m) => info.notImplemented.has(m));
  const absent = methods.filter((m) => !info.implemented.has(m) && !info.notImplemented.has(m));
  rows.push(
    `| ${info.service} | ${name} | ${done.length} of ${methods.length} | ${done.join(', ')} | ${[...refused.map((m) => `${m}†`), ...absent].join(', ')} |`,
  );
}
const out = [
  '# Emulator coverage',
  '',
  'Generated by `npm run coverage:emulator` from the emulator sources and `@types/google-apps-script`.',
  'A method not emulated is absent (the script gets "not a function") or, marked †, throws',
  '`NotImplemented`: the emulator never returns something plausible for what it does not model.',
  '',
  '| service | class | emulated | methods emulated | not emulated |',
  '|---|---|---|---|---|',
  ...rows,
  '',
];
const target = join(root, 'docs/emulator-coverage.md');
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== out.join('\n')) {
    console.error('docs/emulator-coverage.md is out of date: run "npm run coverage:emulator".');
    process.exit(1);
  }
} else {
  writeFileSync(target, out.join('\n'));
  console.log(`docs/emulator-coverage.md: ${rows.length} classes`);
}
