/**
 * Matching benchmark: random cohorts (bench/matching-cohort.ts) solved by the engine and, on the same
 * instances, by the npm solvers munkres and highs (bench/matching-peers.ts). Each solver runs in its own
 * child process so it can be stopped after 60 s and its peak memory read cleanly.
 *
 * The child is this same bundle started with COHORT_MATCHING_PEER=1: whatever imports this module
 * (bench/index.ts) must not start other benchmarks at load time when that variable is set.
 */
import { fork } from 'node:child_process';
import loadHighs from 'highs';
import { type MatchInstance, match, type Tiers } from '../src/domain/matching';
import { randomCohort } from './matching-cohort';
import { peerProblem, peerTiers, solveWithHighs, solveWithMunkres } from './matching-peers';

export const MATCHING_PEER_ENV = 'COHORT_MATCHING_PEER';
const LIMIT_MS = 60_000;

type Solver = 'engine' | 'munkres' | 'highs';
interface Job {
  solver: Solver;
  instance: MatchInstance;
  runs: number;
}
type Reply = { kind: 'run'; ms: number; tiers: Tiers; maxRssMb: number } | { kind: 'error'; message: string };

interface Outcome {
  ms: number[];
  tiers: Tiers | null;
  maxRssMb: number;
  failure: string | null;
}

const SIZES = [
  { mentees: 60, mentors: 20, runs: 7 },
  { mentees: 1_000, mentors: 300, runs: 7 },
  { mentees: 10_000, mentors: 3_000, runs: 3 },
];

export async function benchMatching(): Promise<string> {
  const header = [
    'mentees × mentors',
    'engine median',
    'munkres',
    'highs (LP)',
    'objective equal',
    'engine peak RSS',
    'tiers [matched, 1st, 2nd, 3rd, shared]',
  ];
  const rows: string[][] = [header];
  for (const size of SIZES) {
    const instance = randomCohort(size, 20250507 + size.mentees);
    const engine = await runChild({ solver: 'engine', instance, runs: size.runs });
    const peerRuns = size.mentees <= 100 ? 3 : 1;
    const munkres = await runChild({ solver: 'munkres', instance, runs: peerRuns });
    const highs = await runChild({ solver: 'highs', instance, runs: peerRuns });
    const base = median(engine.ms);
    rows.push([
      `${size.mentees.toLocaleString('en-GB')} × ${size.mentors.toLocaleString('en-GB')}`,
      engine.failure ?? `${base.toFixed(0)} ms`,
      peerCell(munkres, base),
      peerCell(highs, base),
      equalCell(engine, [munkres, highs]),
      `${engine.maxRssMb.toFixed(0)} MB`,
      engine.tiers ? `[${engine.tiers.join(', ')}]` : '—',
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
  return [
    'Matching (allowUnchosen on; capacities 1–5; three skewed choices; engine: median of 3–7 runs; peers: median of 3 runs at 60 mentees, 1 run above)',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function peerCell(peer: Outcome, engineMs: number): string {
  if (peer.failure) return peer.failure;
  const ms = median(peer.ms);
  return `${ms.toFixed(0)} ms (×${(ms / engineMs).toFixed(1)})`;
}

function equalCell(engine: Outcome, peers: Outcome[]): string {
  const finished = peers.filter((p) => p.tiers !== null);
  if (!engine.tiers || finished.length === 0) return 'n/a (no peer finished)';
  const same = finished.every((p) => p.tiers!.join() === engine.tiers!.join());
  return same ? 'yes' : 'NO';
}

function runChild(job: Job): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { ms: [], tiers: null, maxRssMb: 0, failure: null };
    const child = fork(__filename, [], {
      env: { ...process.env, [MATCHING_PEER_ENV]: '1' },
      execArgv: ['--max-old-space-size=4096'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    let timer = setTimeout(() => stop(`did not finish in ${LIMIT_MS / 1000} s`), LIMIT_MS);
    const stop = (failure: string | null) => {
      clearTimeout(timer);
      if (failure && !outcome.failure) outcome.failure = failure;
      child.kill('SIGKILL');
    };
    child.on('message', (reply: Reply) => {
      if (reply.kind === 'error') return stop(`failed: ${reply.message}`);
      outcome.ms.push(reply.ms);
      outcome.tiers = reply.tiers;
      outcome.maxRssMb = Math.max(outcome.maxRssMb, reply.maxRssMb);
      clearTimeout(timer);
      if (outcome.ms.length === job.runs) return stop(null);
      timer = setTimeout(() => stop(`did not finish in ${LIMIT_MS / 1000} s`), LIMIT_MS);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (outcome.ms.length < job.runs && !outcome.failure) {
        outcome.failure = /heap out of memory/i.test(stderr)
          ? 'ran out of memory'
          : `exited (${code ?? signal})`;
      }
      resolve(outcome);
    });
    child.send(job);
  });
}

async function serveJob(job: Job): Promise<void> {
  const reply = (r: Reply) => new Promise<void>((done) => process.send!(r, () => done()));
  try {
    const highs = job.solver === 'highs' ? await loadHighs() : null;
    for (let run = 0; run < job.runs; run++) {
      const start = performance.now();
      let tiers: Tiers;
      if (job.solver === 'engine') tiers = match(job.instance).summary.tiers;
      else {
        const problem = peerProblem(job.instance);
        const chosen =
          job.solver === 'munkres' ? solveWithMunkres(problem).chosen : solveWithHighs(highs!, problem);
        tiers = peerTiers(problem, chosen);
      }
      const ms = performance.now() - start;
      await reply({ kind: 'run', ms, tiers, maxRssMb: process.resourceUsage().maxRSS / 1024 });
    }
  } catch (error) {
    await reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
  process.exit(0);
}

if (process.env[MATCHING_PEER_ENV] === '1' && process.send) {
  process.once('message', (job: Job) => void serveJob(job));
}
