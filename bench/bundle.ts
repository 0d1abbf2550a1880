/**
 * The bundle and the CLI's start-up.
 * - What clasp would push (read as clasp reads it): each script's size against the 250 KB budget, and
 *   V8's compile-and-run time for the whole project in a fresh context, as Apps Script parses and runs
 *   every file of the project at the start of each execution (each form submission, click, trigger).
 *   A fresh `vm` context per run, so nothing compiled is reused; median of the runs.
 * - The `cohort` command as whole processes, against Node starting and doing nothing: `cohort match
 *   --help` (its own small bundle) and `cohort --help` (the full CLI, which loads its commands lazily).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { pushedFiles } from '../src/emulator/project/pushedFiles';

const ROOT = [join(__dirname, '..'), join(__dirname, '..', '..')].find((dir) =>
  existsSync(join(dir, 'bin', 'cohort.js')),
)!;
const BUDGET_KB = 250;
const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Compiles and runs every pushed script in one fresh context, in clasp's order; milliseconds. */
function compileAndRun(sources: { name: string; source: string }[]): number {
  const context = createContext({});
  const started = process.hrtime.bigint();
  for (const file of sources) new Script(file.source, { filename: `${file.name}.gs` }).runInContext(context);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function processMs(argv: string[]): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(argv[0]!, argv.slice(1), { stdio: 'ignore' });
  if (child.status !== 0) throw new Error(`${argv.join(' ')} exited with ${child.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Code.js by part of the source, from the build's record of what each file adds (esbuild's bytes,
 * before swc compresses them further; dist/node/apps-script-inputs.json): the parts over 3%.
 */
function whereTheBytesGo(): string[] {
  const file = join(ROOT, 'dist', 'node', 'apps-script-inputs.json');
  if (!existsSync(file))
    return ['Where the bytes go: dist/node/apps-script-inputs.json is missing (npm run build)'];
  const parts = new Map<string, number>();
  let total = 0;
  for (const [input, bytes] of Object.entries(
    JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>,
  )) {
    const segments = input.split('/');
    const part = input.startsWith('node_modules/')
      ? segments.slice(0, 2).join('/')
      : segments.length > 3
        ? `${segments.slice(0, 3).join('/')}/`
        : segments.length === 3
          ? `${segments.slice(0, 2).join('/')}/*.ts`
          : input;
    parts.set(part, (parts.get(part) ?? 0) + bytes);
    total += bytes;
  }
  const shown = [...parts].filter(([, bytes]) => bytes / total >= 0.03).sort((a, b) => b[1] - a[1]);
  const rest = total - shown.reduce((sum, [, bytes]) => sum + bytes, 0);
  return [
    `Where the bytes go (${(total / 1024).toFixed(0)} KB from esbuild, before swc):`,
    ...[...shown, ['everything else', rest] as const].map(
      ([part, bytes]) =>
        `  ${part.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${((100 * bytes) / total).toFixed(0).padStart(3)}%`,
    ),
  ];
}

export async function benchBundle(): Promise<string> {
  const files = pushedFiles(join(ROOT, '.clasp.json'));
  const scripts = files.filter((f) => f.type === 'SERVER_JS');
  const lines = ['What clasp would push (dist/apps-script/, read as clasp reads it):'];
  for (const f of files) {
    const kb = Buffer.byteLength(f.source) / 1024;
    const budget =
      f.type === 'SERVER_JS'
        ? ` (budget ${BUDGET_KB} KB: ${kb <= BUDGET_KB ? 'within' : 'OVER'}; ${Buffer.byteLength(f.source).toLocaleString('en-GB')} bytes)`
        : f.type === 'HTML'
          ? ' (not script: read only by what writes its texts)'
          : '';
    lines.push(`  ${f.name} [${f.type}]: ${kb.toFixed(1)} KB${budget}`);
  }
  compileAndRun(scripts); // the first run pays for V8's own warm-up, not the bundle's
  const times = Array.from({ length: RUNS }, () => compileAndRun(scripts));
  lines.push(
    `  compile and run in a fresh V8 context: ${median(times).toFixed(1)} ms median of ${RUNS} (fastest ${Math.min(...times).toFixed(1)} ms)`,
    '',
    ...whereTheBytesGo(),
  );

  const node = process.execPath;
  const cli = join(ROOT, 'bin', 'cohort.js');
  const commands: [string, string[]][] = [
    ['node -e 0 (Node alone)', [node, '-e', '0']],
    ['cohort match --help', [node, cli, 'match', '--help']],
    ['cohort --help', [node, cli, '--help']],
  ];
  const medians = commands.map(([label, argv]) => {
    processMs(argv);
    return [label, median(Array.from({ length: RUNS }, () => processMs(argv)))] as const;
  });
  const base = medians[0]![1];
  lines.push('', `The cohort command as whole processes (median of ${RUNS}):`);
  for (const [label, ms] of medians)
    lines.push(
      `  ${label.padEnd(24)} ${ms.toFixed(0).padStart(5)} ms  ×${(ms / base).toFixed(1)} Node alone`,
    );
  return lines.join('\n');
}
