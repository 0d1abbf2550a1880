#!/usr/bin/env node
// Builds the three outputs:
//   dist/Code.js + dist/appsscript.json  what clasp pushes to Google (one classic script, no modules)
//   dist/cli.js                           the Node CLI that runs dist/Code.js inside the emulator
//   dist/node/match.js                    `cohort match` alone: the engine and file handling, nothing else
//   dist/bench.js                         the benchmarks
//   dist/node/matching-peer.js            a peer solver (munkres, highs) as a process, for the benchmark
// `--if-stale` skips the build when every output is newer than every input.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outputs = ['Code.js', 'appsscript.json', 'cli.js', 'node/match.js', 'bench.js'].map((f) =>
  join(dist, f),
);
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

mkdirSync(dist, { recursive: true });

// Apps Script only sees top-level function declarations. The entry module exports its handlers;
// esbuild wraps the bundle in an IIFE assigned to `Cohort`, and we declare one top-level function
// per export that forwards to it. No import/export/require survives.
const common = {
  entryPoints: [join(root, 'src/apps-script.ts')],
  bundle: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2019',
  write: false,
  legalComments: 'none',
  charset: 'utf8',
};
// esbuild lists an entry's exports only for ESM output: ask once for the names, then build the IIFE.
const probe = await build({ ...common, format: 'esm', metafile: true });
const handlers = Object.values(probe.metafile.outputs)[0].exports.filter((name) => name !== 'default');
const appsScript = await build({ ...common, format: 'iife', globalName: 'Cohort' });
const stubs = handlers
  .map((name) => `function ${name}() { return Cohort.${name}.apply(this, arguments); }`)
  .join('\n');
const code = `${appsScript.outputFiles[0].text}\n// Entry points Apps Script can see (menu items, triggers, dialogs).\n${stubs}\n`;
writeFileSync(join(dist, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
};
await build({ ...node, entryPoints: [join(root, 'src/cli.ts')], outfile: join(dist, 'cli.js') });
await build({
  ...node,
  stdin: {
    contents:
      "import { matchMain } from './src/cli/commands/match';\nprocess.exitCode = matchMain(process.argv.slice(3));\n",
    resolveDir: root,
    sourcefile: 'match-entry.ts',
    loader: 'ts',
  },
  outfile: join(dist, 'node', 'match.js'),
});
await build({ ...node, entryPoints: [join(root, 'bench/index.ts')], outfile: join(dist, 'bench.js') });
await build({
  ...node,
  entryPoints: [join(root, 'bench/matching-peer-main.ts')],
  outfile: join(dist, 'node', 'matching-peer.js'),
});
console.log(
  `built dist/Code.js (${(code.length / 1024).toFixed(0)} KB, ${handlers.length} entry points), dist/cli.js, dist/node/match.js, dist/bench.js`,
);
