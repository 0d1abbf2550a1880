/**
 * Matching benchmark: `cohort match` against peers, each as a whole process on the same instance files,
 * as a coordinator would run it (start-up, reading, solving, writing):
 * - cohort: node bin/cohort.js match INSTANCE.json --out RESULT.json
 * - munkres, highs: node dist/node/matching-peer.js (bench/matching-peer-main.ts)
 * - OR-Tools: python3 matching_ortools.py (bench/matching-ortools.ts), when `import ortools` works
 * Wall time is the median of several runs; peak memory is the largest maximum resident set size, from
 * /usr/bin/time -v when it is there, else reported by the process itself. Each result's tiers are
 * counted afresh from its pairs (bench/matching-peers.ts) and compared with cohort's on the tiers the
 * peer optimised. Instances come from bench/matching-cohort.ts, seeded.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MatchInstance, Tiers } from '../src/domain/matching';
import { randomCohort, withDecisions } from './matching-cohort';
import { ortoolsInstalled, writeOrtoolsScript } from './matching-ortools';
import { FULL, type PeerObjective, peerProblem, tiersOfPairs } from './matching-peers';

// The repository: this bundle sits in dist/ or dist/node/.
const ROOT = [join(__dirname, '..'), join(__dirname, '..', '..')].find((dir) =>
  existsSync(join(dir, 'bin', 'cohort.js')),
)!;
const TIME = '/usr/bin/time';
const TIER_NAMES = ['matched', '1st', '2nd', '3rd', 'idle mentors', 'squared loads', 'shared areas'];

interface Case {
  name: string;
  instance: MatchInstance;
  /** Runs of cohort, and of each peer; a solver's runs stop early after one that took a quarter of the limit. */
  runs: { cohort: number; peers: number };
  limitMs: number;
}

interface Outcome {
  solver: string;
  ms: number[];
  peakMb: number | null;
  tiers: Tiers | null;
  objective: PeerObjective;
  failure: string | null;
}

function cases(): Case[] {
  const a = withDecisions(
    randomCohort({ mentees: 1_000, mentors: 320, capacity: [1, 3] }, 20250601),
    7,
    25,
    40,
  );
  const b = randomCohort({ mentees: 10_000, mentors: 3_000 }, 20250602);
  return [
    {
      name: '(a) 1,000 mentees × 320 mentors, capacities 1–3, 25 locks, 40 exclusions',
      instance: a,
      runs: { cohort: 9, peers: 3 },
      limitMs: 120_000,
    },
    {
      name: '(b) 10,000 mentees × 3,000 mentors, capacities 1–5',
      instance: b,
      runs: { cohort: 5, peers: 1 },
      limitMs: 60_000,
    },
  ];
}

export async function benchMatching(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-bench-matching-'));
  const lines: string[] = [];
  const memory = existsSync(TIME)
    ? `peak memory: maximum resident set size from ${TIME} -v`
    : 'peak memory: process.resourceUsage().maxRSS (Python: ru_maxrss) reported by each process';
  const ortools = ortoolsInstalled();
  lines.push(
    'Matching: whole processes on the same files (start-up, read, solve, write); every mentee may get any',
    'mentor who shares a need (allowUnchosen), never one from their own library service; balance on.',
    memory,
    ortools
      ? 'OR-Tools: installed (python3 -c "import ortools" works)'
      : "OR-Tools: not installed (python3 -c 'import ortools' failed)",
  );
  // What any process pays before solving: a Node process (cohort, munkres, highs) cannot be faster
  // than Node doing nothing, nor a Python one (OR-Tools) than Python doing nothing.
  const nodeAlone = await startUp([process.execPath, '-e', '0']);
  const pythonAlone = ortools ? await startUp(['python3', '-c', '0']) : null;
  lines.push(
    `start-up alone (median of 9): node -e 0 ${(nodeAlone / 1000).toFixed(3)} s${pythonAlone === null ? '' : `, python3 -c 0 ${(pythonAlone / 1000).toFixed(3)} s`}`,
  );
  try {
    const script = ortools ? writeOrtoolsScript(dir) : null;
    for (const c of cases()) {
      const instancePath = join(dir, 'instance.json');
      writeFileSync(instancePath, JSON.stringify(c.instance));
      const problem = peerProblem(c.instance);
      const measure = (solver: string, command: string[], runs: number, resultOf: (out: string) => Result) =>
        measureProcess(solver, command, runs, c.limitMs, join(dir, `${solver}.json`), (out) => {
          const result = resultOf(out);
          const pairs = [...(c.instance.locks ?? []), ...result.pairs];
          return { tiers: tiersOfPairs(problem, pairs), objective: result.objective, peakKb: result.peakKb };
        });
      const cohortResult = (out: string): Result => ({
        pairs: (JSON.parse(readFileSync(out, 'utf8')) as { pairs: Result['pairs'] }).pairs,
        objective: FULL,
      });
      const peerResult = (out: string): Result => JSON.parse(readFileSync(out, 'utf8')) as Result;
      const outcomes = [
        await measure(
          'cohort',
          nodeCommand(join(ROOT, 'bin', 'cohort.js'), 'match', instancePath, '--out'),
          c.runs.cohort,
          cohortResult,
        ),
        await measure(
          'munkres',
          nodeCommand(join(ROOT, 'dist', 'node', 'matching-peer.js'), 'munkres', instancePath),
          c.runs.peers,
          peerResult,
        ),
        await measure(
          'highs',
          nodeCommand(join(ROOT, 'dist', 'node', 'matching-peer.js'), 'highs', instancePath),
          c.runs.peers,
          peerResult,
        ),
      ];
      if (script) {
        const ortoolsResult = (out: string): Result => {
          const raw = JSON.parse(readFileSync(out, 'utf8')) as Result & { maxRssKb: number };
          return { ...raw, peakKb: raw.maxRssKb };
        };
        outcomes.push(
          await measure('OR-Tools', ['python3', script, instancePath], c.runs.peers, ortoolsResult),
        );
      }
      lines.push('', c.name, ...table(outcomes), ...verdict(outcomes, c, nodeAlone));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}

interface Result {
  pairs: { mentee: string; mentor: string }[];
  objective: PeerObjective;
  peakKb?: number;
}

function nodeCommand(script: string, ...args: string[]): string[] {
  return [process.execPath, script, ...args];
}

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command in its own process group, so that at the time limit the whole group is stopped. */
function run(argv: string[], limitMs: number, env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      env,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, limitMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr, timedOut });
    });
  });
}

async function measureProcess(
  solver: string,
  command: string[],
  runs: number,
  limitMs: number,
  outPath: string,
  read: (out: string) => { tiers: Tiers; objective: PeerObjective; peakKb?: number },
): Promise<Outcome> {
  const outcome: Outcome = { solver, ms: [], peakMb: null, tiers: null, objective: FULL, failure: null };
  const timed = existsSync(TIME);
  const env = timed
    ? process.env
    : { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(peakProbe())}` };
  for (let k = 0; k < runs; k++) {
    rmSync(outPath, { force: true });
    const argv = timed ? [TIME, '-v', ...command, outPath] : [...command, outPath];
    const started = process.hrtime.bigint();
    const child = await run(argv, limitMs, env);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (child.timedOut) {
      outcome.failure = `did not finish in ${limitMs / 1000} s`;
      break;
    }
    if (child.status !== 0) {
      const why = /heap out of memory|MemoryError|Killed/.test(child.stderr)
        ? 'ran out of memory'
        : lastLine(child.stderr);
      outcome.failure = `failed: ${why}`;
      break;
    }
    const result = read(outPath);
    const peakKb = timed
      ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1])
      : (result.peakKb ?? Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1]));
    outcome.ms.push(ms);
    outcome.tiers = result.tiers;
    outcome.objective = result.objective;
    if (Number.isFinite(peakKb)) outcome.peakMb = Math.max(outcome.peakMb ?? 0, peakKb / 1024);
    if (ms > limitMs / 4) break; // slow peers: one or two runs say enough
  }
  return outcome;
}

let probePath: string | null = null;
/** A preload that prints the process's peak memory as it exits (used without /usr/bin/time). */
function peakProbe(): string {
  if (!probePath) {
    probePath = join(mkdtempSync(join(tmpdir(), 'cohort-peak-')), 'peak.js');
    writeFileSync(
      probePath,
      "process.on('exit', () => process.stderr.write('peak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));\n",
    );
  }
  return probePath;
}

function lastLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => !/^\s|^Command (being timed|exited|terminated)|Exit status/.test(l));
  return (lines[lines.length - 1] ?? 'no message').slice(0, 160);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function table(outcomes: Outcome[]): string[] {
  const cohort = outcomes[0]!;
  const base = cohort.ms.length ? median(cohort.ms) : Number.NaN;
  const header = [
    'solver',
    'median wall',
    'runs',
    'peak memory',
    'time ÷ cohort',
    'tiers',
    'agrees with cohort',
  ];
  const rows = outcomes.map((o) => {
    if (o.failure && o.ms.length === 0) return [o.solver, o.failure, '', '', '', '', ''];
    const ms = median(o.ms);
    return [
      o.solver,
      `${(ms / 1000).toFixed(3)} s`,
      String(o.ms.length),
      o.peakMb === null ? 'n/a' : `${o.peakMb.toFixed(0)} MB`,
      o === cohort ? '1' : `×${(ms / base).toFixed(1)}`,
      o.tiers ? `[${o.tiers.join(', ')}]` : '—',
      o === cohort ? '—' : agreement(o, cohort),
    ];
  });
  const widths = header.map((_, k) => Math.max(header[k]!.length, ...rows.map((r) => r[k]!.length)));
  const line = (r: string[]) => r.map((cell, k) => cell.padEnd(widths[k]!)).join('  ');
  return [
    `tiers: [${TIER_NAMES.join(', ')}]`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ];
}

/** "yes (all 7 tiers)", or on the tiers a peer that cannot express the whole objective optimised. */
function agreement(peer: Outcome, cohort: Outcome): string {
  if (!peer.tiers || !cohort.tiers) return '—';
  const compared = peer.objective.tiers;
  const same = compared.every((k) => peer.tiers![k] === cohort.tiers![k]);
  const scope =
    compared.length === TIER_NAMES.length
      ? 'all 7 tiers'
      : `${compared.map((k) => TIER_NAMES[k]).join(', ')}: it solved the ${peer.objective.label}`;
  return `${same ? 'yes' : 'NO'} (${scope})`;
}

/** Wall time of a process that does nothing, median of 9 runs (ms). */
async function startUp(argv: string[]): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < 9; k++) {
    const started = process.hrtime.bigint();
    await run(argv, 30_000, process.env);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

function verdict(outcomes: Outcome[], c: Case, nodeAlone: number): string[] {
  const cohort = outcomes[0]!;
  if (cohort.failure && cohort.ms.length === 0) return [`cohort: ${cohort.failure}`];
  const ms = median(cohort.ms);
  const out = outcomes.slice(1).map((o) => {
    if (o.ms.length === 0) return `${o.solver}: ${o.failure}`;
    const ratio = median(o.ms) / ms;
    // Below 3×, say what 3× would take, against what Node alone costs.
    const third = median(o.ms) / 3;
    const aim =
      ratio >= 3
        ? ''
        : ` (3× would be ${(third / 1000).toFixed(3)} s: ${third > nodeAlone ? `${((third - nodeAlone) / 1000).toFixed(3)} s beyond Node's own start-up` : "less than Node's own start-up"})`;
    return `${o.solver}: cohort is ${ratio.toFixed(1)}× faster${aim}`;
  });
  out.push(
    `cohort: ${(ms / 1000).toFixed(3)} s median of ${cohort.ms.length} runs, peak ${cohort.peakMb?.toFixed(0) ?? 'n/a'} MB (limit for this case: ${c.limitMs / 1000} s per run)`,
  );
  return out;
}
