/**
 * Fault trials (issue 6, item 2): for a seeded choice of step and fault (the execution cut off at
 * its Nth service call or by the time limit, MailApp and Calendar failures, the day's mail quota
 * spent, the script lock held by another execution, the coordinator editing a tab), followed by the
 * recovery Google or the coordinator makes, the end state equals that of a run without faults.
 *
 * Size: COHORT_TRIALS=<n> runs n random trials; COHORT_TRIALS=nightly runs 400. The default keeps
 * this file well under 90 s on two cores.
 */
import { DIALOG_TRIGGERS } from './faults';
import { scenario } from './scenario';
import { type CleanRun, cleanRun, drawTrial, faultyRun, type Trial } from './trial';

const DEFAULT_TRIALS = 100;
const NIGHTLY_TRIALS = 400;

function trialCount(): number {
  const raw = process.env.COHORT_TRIALS?.trim();
  if (!raw) return DEFAULT_TRIALS;
  if (raw === 'nightly') return NIGHTLY_TRIALS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`COHORT_TRIALS must be a whole number or "nightly", got ${raw}`);
  return n;
}

/**
 * Seeds that once found a bug, now fixed: they run every time.
 * - 5335: "Announce pairs" killed after queueing and before sending; clicking again said "nothing
 *   new" and the emails stayed queued.
 * - 1066, 5382: intake killed after an acknowledgement went, before it was journalled, as the day's
 *   mail quota renewed between the quota reading and the send: the in-doubt check read "not sent"
 *   and the acknowledgement went twice (now "unknown" in that case: src/workflows/outbox/inDoubt.ts).
 * - 1013, 5304: "Set up programme" / "Open mentor choices" killed after FormApp.create but before the
 *   form was recorded: the next run made a second form (now remembered at once: FormAppForms).
 */
const REGRESSION_SEEDS: number[] = [5335, 1066, 5382, 1013, 5304];

/**
 * The first seed: fixed by default (CI is repeatable), random for a nightly run; always printed, so
 * a failure can be replayed with COHORT_FAULT_SEED=<seed> COHORT_TRIALS=1.
 */
const base = Number(
  process.env.COHORT_FAULT_SEED ??
    (process.env.COHORT_TRIALS === 'nightly' ? Math.floor(Math.random() * 1e9) : 20250601),
);
const seeds = [...REGRESSION_SEEDS, ...Array.from({ length: trialCount() }, (_, i) => base + i)];

let clean: CleanRun;
let run = 0;
let passed = 0;
const failedTrials: Trial[] = [];

beforeAll(() => {
  clean = cleanRun();
});

afterAll(() => {
  console.log(
    `faults: ${run} trials, ${passed} passed (seeds ${base}…${base + trialCount() - 1}` +
      `${REGRESSION_SEEDS.length ? ` and ${REGRESSION_SEEDS.length} regression seeds` : ''})` +
      (failedTrials.length ? `\nfailed: ${failedTrials.map((t) => JSON.stringify(t)).join('\n')}` : ''),
  );
});

describe('the scenario without faults', () => {
  it('runs every step without a failed execution and ends with everyone told once', () => {
    expect(clean.failures).toEqual([]);
    const s = clean.snapshot;
    expect(Object.keys(s.applicants)).toHaveLength(16);
    expect(Object.keys(s.choices)).toHaveLength(8);
    expect(s.matches.filter((m) => m.Status === 'Announced')).toHaveLength(7);
    expect(Object.values(s.outbox).every((r) => !Array.isArray(r) && r.Status === 'sent')).toBe(true);
    // 16 acknowledgements, 16 decisions, 8 choices invitations, 14 pair announcements.
    expect(s.emails).toHaveLength(16 + 16 + 8 + 14);
    expect(new Set(s.emails).size).toBe(s.emails.length);
    // Synced on 28 April (the deadline and the confirmation are past by then): the pairs reminder,
    // 6 host events, a copy for each of the 13 selected at the launch, training and finale and for
    // each of the 5 mentors at the 3 drop-ins; mentee 3's finale copy cancelled when they withdrew.
    expect(s.events).toHaveLength(1 + 6 + 3 * 13 + 3 * 5 - 1);
    expect(s.invitations.some((i) => i.startsWith('mentee3@example.org CANCEL'))).toBe(true);
  });
});

/**
 * Every dialog of the scenario (each menu step asks, or at least says what it did, in one) with each
 * trigger that can run while it is open: on Google the dialog drops the script lock, so the trigger
 * runs in the middle of the action. Every email and invitation must still go exactly once.
 */
const dialogTrials: Trial[] = scenario().flatMap((step, i) =>
  step.kind === 'menu'
    ? DIALOG_TRIGGERS.map((trigger) => ({
        seed: 0,
        step: i,
        stepName: step.name,
        fault: { kind: 'dialog' as const, trigger },
      }))
    : [],
);
let dialogRuns = 0;
let dialogPassed = 0;

describe('dialog trials: a trigger runs while the coordinator reads a question', () => {
  afterAll(() => console.log(`faults: ${dialogRuns} dialog trials, ${dialogPassed} passed`));
  it.each(
    dialogTrials.map((t) => [`${t.stepName} + ${(t.fault as { trigger: string }).trigger}`, t] as const),
  )('%s', (_name, trial) => {
    dialogRuns++;
    const faulty = faultyRun(trial);
    expect({ trial, end: faulty.snapshot }).toEqual({ trial, end: clean.snapshot });
    dialogPassed++;
  });
});

describe('fault trials: any fault, then recovery, ends where a clean run ends', () => {
  const cases = seeds.length > 0 ? seeds : [null];
  it.each(cases)('seed %p', (seed) => {
    if (seed === null) return;
    const trial = drawTrial(seed, clean.profiles);
    run++;
    let ok = false;
    try {
      const faulty = faultyRun(trial);
      expect({ trial, end: faulty.snapshot }).toEqual({ trial, end: clean.snapshot });
      ok = true;
    } finally {
      if (ok) passed++;
      else failedTrials.push(trial);
    }
  });
});
