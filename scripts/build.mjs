#!/usr/bin/env node
// Builds two kinds of output, kept apart so that a deploy can only ever push the first:
//   dist/apps-script/          exactly what clasp pushes (its rootDir): Code.js (one classic script,
//                              no modules), prose.html (src/domain/prose as JSON) and appsscript.json
//   dist/node/cli.js           the Node CLI (runs dist/apps-script/ inside the emulator)
//   dist/node/match.js         `cohort match` alone: the engine and file handling, nothing else
//   dist/node/bench.js         the benchmarks
//   dist/node/matching-peer.js a peer solver (munkres, highs) as a process, for the benchmark
//   dist/node/apps-script-inputs.json  what each source file adds to Code.js, for the benchmark
// `--if-stale` skips the build when every output is newer than every input.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from '@swc/core';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appsScriptDir = join(root, 'dist', 'apps-script');
const nodeDir = join(root, 'dist', 'node');
const outputs = [
  join(appsScriptDir, 'Code.js'),
  join(appsScriptDir, 'appsscript.json'),
  join(appsScriptDir, 'prose.html'),
  join(nodeDir, 'cli.js'),
  join(nodeDir, 'match.js'),
  join(nodeDir, 'bench.js'),
  join(nodeDir, 'matching-peer.js'),
  join(nodeDir, 'apps-script-inputs.json'),
];
const inputs = ['src', 'bench', 'scripts', 'appsscript.json', 'package-lock.json'].map((f) => join(root, f));

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

if (process.argv.includes('--if-stale')) {
  const oldestOutput = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (oldestOutput > Math.max(...inputs.map(newest))) process.exit(0);
}

// Whatever an earlier build (or a person) left in the pushed folder would be pushed too: start empty.
rmSync(appsScriptDir, { recursive: true, force: true });
mkdirSync(appsScriptDir, { recursive: true });
mkdirSync(nodeDir, { recursive: true });

// Apps Script only sees top-level function declarations. The entry module exports its handlers;
// esbuild wraps the bundle in an IIFE assigned to `Cohort`, and we declare one top-level function
// per export that forwards to it. No import/export/require survives.
const common = {
  entryPoints: [join(root, 'src/apps-script.ts')],
  bundle: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  write: false,
  legalComments: 'none',
  charset: 'utf8',
  treeShaking: true,
  // Apps Script parses the whole project on every execution (each click, each form response, each
  // trigger): the bundle is minified. Errors reach the coordinator as sentences, not stack traces;
  // the entry points keep their names (the stubs below).
  minify: true,
};
// esbuild lists an entry's exports only for ESM output: ask once for the names, then build the IIFE.
const probe = await build({ ...common, format: 'esm', metafile: true });
const handlers = Object.values(probe.metafile.outputs)[0].exports.filter((name) => name !== 'default');
const appsScript = await build({ ...common, format: 'iife', globalName: 'Cohort', metafile: true });
// Then swc's minifier (already here for jest), whose compressor goes further than esbuild's (it
// inlines, folds and drops more): about 4% less for Apps Script to parse. Safe transforms, the same
// language level, and one classic script: the top-level `Cohort` keeps its name. One transform swc
// calls unsafe, `unsafe_arrows` (a function expression that uses no `this` becomes an arrow, 0.8 KB):
// it would break only a function expression called with `new` or reading `arguments`, and Cohort's
// constructors are all classes and nothing reads `arguments` (test/bundle/code.test.ts checks both).
// Every bundle test runs this output in the emulator.
const compressed = await minify(appsScript.outputFiles[0].text, {
  ecma: 2020,
  module: false,
  compress: { ecma: 2020, passes: 2, unsafe_arrows: true },
  mangle: { toplevel: false },
  format: { comments: false },
});
const stubs = handlers
  .map((name) => `function ${name}(){return Cohort.${name}.apply(this,arguments)}`)
  .join('\n');
const code = `${compressed.code}\n// Entry points Apps Script can see (menu items, triggers, dialogs).\n${stubs}\n`;
writeFileSync(join(appsScriptDir, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(appsScriptDir, 'appsscript.json'));
// The prose (src/domain/prose: the long default texts Set up programme writes) goes into an HTML
// project file, which Apps Script does not parse as script at every execution; the code reads it
// with HtmlService when it writes them (adapters/apps-script/HtmlFileProse.ts). JSON with no markup:
// <, > and & are written as \u escapes, so HtmlService has no tag to read; a field a line, for
// anyone who opens it in the Apps Script editor.
const proseBuild = await build({
  entryPoints: [join(root, 'src/domain/prose/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
});
const proseModule = { exports: {} };
new Function('module', 'exports', proseBuild.outputFiles[0].text)(proseModule, proseModule.exports);
const proseJson = JSON.stringify(proseModule.exports.PROSE, null, 1).replace(
  /[<>&]/g,
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
);
writeFileSync(join(appsScriptDir, 'prose.html'), `${proseJson}\n`);
// What each source file adds to the bundle (esbuild's bytes, before swc), for `npm run bench -- bundle`;
// kept out of dist/apps-script/, which is pushed.
const bundleInputs = Object.values(appsScript.metafile.outputs)[0].inputs;
writeFileSync(
  join(nodeDir, 'apps-script-inputs.json'),
  `${JSON.stringify(Object.fromEntries(Object.entries(bundleInputs).map(([file, v]) => [file, v.bytesInOutput])), null, 1)}\n`,
);

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
};
await build({ ...node, entryPoints: [join(root, 'src/cli.ts')], outfile: join(nodeDir, 'cli.js') });
await build({
  ...node,
  stdin: {
    contents:
      "import { matchMain } from './src/cli/commands/match';\nprocess.exitCode = matchMain(process.argv.slice(3));\n",
    resolveDir: root,
    sourcefile: 'match-entry.ts',
    loader: 'ts',
  },
  outfile: join(nodeDir, 'match.js'),
});
await build({ ...node, entryPoints: [join(root, 'bench/index.ts')], outfile: join(nodeDir, 'bench.js') });
await build({
  ...node,
  entryPoints: [join(root, 'bench/matching-peer-main.ts')],
  outfile: join(nodeDir, 'matching-peer.js'),
});
console.log(
  `built dist/apps-script/Code.js (${(Buffer.byteLength(code) / 1024).toFixed(0)} KB, ${handlers.length} entry points), prose.html (${(Buffer.byteLength(proseJson) / 1024).toFixed(0)} KB) and the manifest; dist/node/cli.js, match.js, bench.js, matching-peer.js, apps-script-inputs.json`,
);
