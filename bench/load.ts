/**
 * Load: a 5,000-applicant cohort end to end in the emulator, on a Workspace account (1,500 emails a
 * day), through what clasp would push (dist/apps-script/, read as clasp reads it). For each action: the Apps Script service calls of its first execution,
 * that execution's estimated time (the emulator's clock advances by the per-call latencies of
 * src/emulator/runtime/latency.ts), and how many executions and simulated days it took to finish
 * (an action that does not fit in one execution schedules its own continuation).
 *
 * Year (`npm run bench -- year`, 1,000 applicants unless COHORT_YEAR_SIZE says otherwise): the same
 * up to the invitations, then the year after them (see theYear), each stretch of the calendar and
 * batch of answers a row of its own, and every failed execution said with Google's words.
 */
import { join } from 'node:path';
import { moveTo } from '../src/cli/commands/demo';
import { setSettings } from '../src/cli/coordinator';
import { choicesLinkAnswers, FORM_LINK, submitFromLink } from '../src/cli/participant';
import { clickMenu } from '../src/cli/workspace';
import { CHECK_IN_ITEMS, CONTINUATION_ITEMS } from '../src/domain/forms/keepInTouch';
import { applicationForm, CONSENT_AGREE, EVALUATION_YES } from '../src/domain/forms/spec';
import { AREAS } from '../src/domain/scheme';
import type { Role } from '../src/domain/status';
import { Emulator, type ExecutionResult } from '../src/emulator/Emulator';
import { pushedFiles } from '../src/emulator/project/pushedFiles';
import { entryBytes, MAX_STORE_BYTES } from '../src/emulator/properties/PropertyStore';
import { TOO_MUCH_COMPUTER_TIME } from '../src/emulator/runtime/errors';
import { yesResponder } from '../src/emulator/runtime/Runtime';

const START = Date.UTC(2025, 2, 24, 9);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Row {
  action: string;
  calls: number;
  sheetCalls: number;
  cells: number;
  firstMs: number;
  longestMs: number;
  executions: number;
  hours: number;
  ok: boolean;
}

function formId(emulator: Emulator, key: string): string {
  return (JSON.parse(emulator.properties.stores.script.values.get(`form:${key}`) ?? '{}') as { id: string })
    .id;
}

/** Whether a continuation is still to run: a one-shot clock trigger not yet fired (the daily ones never end). */
function pending(emulator: Emulator): boolean {
  return emulator.script.triggers().some((t) => t.kind === 'clock' && !t.fired && t.everyMs === undefined);
}

/**
 * Runs `start`, then lets the clock run (an hour at a time) until no continuation is scheduled;
 * with `settle` false (a stretch of the calendar, a batch of answers), only `start`.
 */
function measure(
  emulator: Emulator,
  action: string,
  start: () => ExecutionResult | undefined,
  settle = true,
): Row {
  const from = emulator.executions.length;
  const shownFrom = emulator.rt.shown.length;
  const began = emulator.rt.clock.now();
  const first = start();
  let guard = 0;
  while (settle && pending(emulator) && guard++ < 24 * 30) emulator.advance(HOUR);
  const runs = emulator.executions.slice(from);
  const head = first ?? runs[0];
  let calls = 0;
  let sheetCalls = 0;
  for (const [name, n] of head?.calls ?? []) {
    calls += n;
    if (/^(Spreadsheet|Sheet|Range)/.test(name)) sheetCalls += n;
  }
  return {
    action,
    calls,
    sheetCalls,
    cells: head?.cells ?? 0,
    firstMs: head ? head.endedAt - head.startedAt : 0,
    longestMs: Math.max(0, ...runs.map((r) => r.endedAt - r.startedAt)),
    executions: runs.length,
    hours: Math.ceil((emulator.rt.clock.now() - began) / HOUR),
    // An action that ends by telling the coordinator something went wrong did not succeed, even
    // though its execution ended normally.
    ok:
      runs.every((r) => r.ok) &&
      !emulator.rt.shown
        .slice(shownFrom)
        .some((m) => m.kind === 'alert' && /^Something went wrong/.test(m.text)),
  };
}

/** Moves the clock to `when`, running every trigger that falls due on the way (the morning runs). */
function until(emulator: Emulator, when: number): () => undefined {
  return () => {
    moveTo(emulator, when);
    return undefined;
  };
}

/**
 * Opens the personal link in each email with this subject sent since `since` (its code is filled
 * in) and sends it with `answer(k)`, for the first `share` of them, 20 s apart. Returns how many.
 */
function answerLinks(
  emulator: Emulator,
  subject: string,
  since: number,
  share: number,
  answer: (k: number) => Record<string, string>,
): number {
  const links = emulator.mail.sent
    .filter((m) => m.via === 'MailApp' && m.subject === subject && m.at >= since)
    .flatMap((m) => m.body.match(FORM_LINK)?.slice(-1) ?? []);
  const answering = links.slice(0, Math.floor(links.length * share));
  answering.forEach((link, k) => {
    emulator.rt.clock.set(emulator.rt.clock.now() + 20_000);
    submitFromLink(emulator, link, answer(k));
  });
  return answering.length;
}

const titleOf = (items: typeof CHECK_IN_ITEMS, key: string) => items.find((i) => i.key === key)!.title;

/**
 * June to December: the morning runs (check-ins every four weeks, a nudge for each pair not yet
 * met, the coordinator's list, the continuation question, the thank-you), three in four answering
 * the first check-in and half the continuation question, then the evaluation, the evaluator's
 * export, the close, one erasure and the next cohort.
 */
function theYear(emulator: Emulator): { rows: Row[]; store: string } {
  const rows: Row[] = [];
  const stretch = (action: string, to: number) =>
    rows.push(measure(emulator, action, until(emulator, to), false));
  const batch = (action: (n: number) => string, answer: () => number) => {
    let n = 0;
    const row = measure(
      emulator,
      '',
      () => {
        n = answer();
        return undefined;
      },
      false,
    );
    rows.push({ ...row, action: action(n) });
  };
  const firstCheckIns = Date.UTC(2025, 5, 17, 9);
  stretch('Morning runs until 17 June (the first check-ins)', firstCheckIns);
  batch(
    (n) => `${n.toLocaleString('en-GB')} answers to the first check-in`,
    () =>
      answerLinks(emulator, 'How is your mentoring going?', firstCheckIns - DAY, 0.75, (k) => ({
        [titleOf(CHECK_IN_ITEMS, 'met')]: k % 5 === 3 ? 'No' : 'Yes',
        [titleOf(CHECK_IN_ITEMS, 'rating')]: String(2 + (k % 4)),
        [titleOf(CHECK_IN_ITEMS, 'coach')]: k % 40 === 1 ? 'Yes' : 'No',
      })),
  );
  const question = Date.UTC(2025, 9, 28, 9);
  stretch(
    'Morning runs, 18 June to 28 October (check-ins, nudges, the list, the continuation question)',
    question,
  );
  batch(
    (n) => `${n.toLocaleString('en-GB')} answers to the continuation question`,
    () =>
      answerLinks(emulator, 'Will you keep meeting after November?', question - DAY, 0.5, (k) => ({
        [titleOf(CONTINUATION_ITEMS, 'continues')]: k % 4 === 3 ? 'No' : 'Yes',
      })),
  );
  stretch(
    'Morning runs, 29 October to 26 November (the thank-you after the finale)',
    Date.UTC(2025, 10, 26, 10),
  );
  // The store at its fullest: after the morning runs, before the close clears it.
  const store = `At the end of the morning runs: ${storeUse(emulator)}`;
  setSettings(emulator, { evaluationSurveyUrl: 'https://evaluation.example/peer-mentoring-2025' });
  rows.push(
    measure(emulator, 'Invite to the evaluation', () => clickMenu(emulator, 'Invite to the evaluation')),
  );
  rows.push(
    measure(emulator, 'Export for the evaluator', () => clickMenu(emulator, 'Export for the evaluator')),
  );
  moveTo(emulator, Date.UTC(2025, 11, 1, 10));
  rows.push(measure(emulator, 'Close the programme', () => clickMenu(emulator, 'Close the programme')));
  const answers = emulator.rt.dialogs;
  emulator.rt.dialogs = {
    ...answers,
    prompt: (_title, _text, buttons) => ({
      button: buttons.includes('YES') ? 'YES' : 'OK',
      text: 'applicant7@example.org',
    }),
  };
  // Reading every answer inside the forms may take more than one execution: the coordinator clicks
  // again while Cohort says it is still reading (it keeps where it got to).
  let clicks = 0;
  const erase = measure(emulator, 'Erase a person', () => {
    let first: ExecutionResult | undefined;
    const stillReading = () => /still reading/.test(emulator.rt.shown.at(-1)?.text ?? '');
    do {
      const run = clickMenu(emulator, 'Erase a person');
      first ??= run;
      clicks++;
    } while (stillReading() && clicks < 6);
    return first;
  });
  rows.push({ ...erase, action: `Erase a person (a mentor with a year of check-ins; ${clicks} clicks)` });
  emulator.rt.dialogs = answers;
  rows.push(measure(emulator, 'Start the next cohort', () => clickMenu(emulator, 'Start the next cohort')));
  return { rows, store };
}

function answers(role: Role, i: number): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    name: `Applicant ${i}`,
    email: `applicant${i}@example.org`,
    libraryService: `Library Service ${i % 150}`,
    nation: 'England',
    currentRole: 'Head of Service',
    areas: [AREAS[i % 6]!, AREAS[(i * 7) % 6]!].filter((a, k, all) => all.indexOf(a) === k),
    capacity: String(1 + (i % 3)),
    statement: 'Load test applicant.',
    consentData: CONSENT_AGREE,
    consentEvaluation: EVALUATION_YES,
  };
  const out: Record<string, string | string[]> = {};
  for (const item of applicationForm(role).items)
    if (values[item.key] !== undefined) out[item.title] = values[item.key]!;
  return out;
}

/** From set-up to the calendar invitations, each action measured. */
function playToInvitations(size: number): { emulator: Emulator; rows: Row[]; title: string } {
  // This bench runs from dist/node/bench.js: the repository is two folders up.
  const project = pushedFiles(join(__dirname, '..', '..', '.clasp.json'));
  // Workspace: 1,500 emails and 10,000 calendar events a day.
  const workspace = { mailQuota: 1500, calendar: { eventsPerDay: 10_000 } };
  const emulator = new Emulator({ now: START, ...workspace }).loadProject(project);
  emulator.rt.dialogs = yesResponder;
  emulator.run('onOpen', {}, 'simple-trigger');
  const rows: Row[] = [];
  rows.push(measure(emulator, 'Set up programme', () => clickMenu(emulator, 'Set up programme')));
  setSettings(emulator, { coordinatorName: 'Rhian Evans', coordinatorEmail: 'rhian.evans@example.org' });
  const mentors = Math.round(size * 0.3);
  // Applications arrive with the trigger firing for each; the last one is measured at full size.
  for (let i = 0; i < size - 1; i++) {
    const role: Role = i < mentors ? 'mentor' : 'mentee';
    emulator.forms.submit(formId(emulator, role), answers(role, i));
  }
  rows.push(
    measure(emulator, `Intake of ${size - 1} waiting responses (catch-up)`, () =>
      emulator.run('continueIntake', {}, 'trigger'),
    ),
  );
  rows.push(
    measure(emulator, `Intake of one response at ${size}`, () => {
      const submission = emulator.forms.submit(formId(emulator, 'mentee'), answers('mentee', size));
      return submission ? emulator.deliverFormSubmit(submission)[0] : undefined;
    }),
  );
  rows.push(measure(emulator, 'Check applications', () => clickMenu(emulator, 'Check applications')));
  const selectedMentees = Math.round(size * 0.2);
  emulator.spreadsheets.editSheet('Applicants', (values) => {
    const header = (values[0] ?? []).map(String);
    const role = header.indexOf('Role');
    const status = header.indexOf('Status');
    let mentees = 0;
    return values.map((r, i) => {
      if (i === 0) return r;
      const next = [...r];
      if (r[role] === 'Mentor') next[status] = 'Selected';
      else next[status] = mentees++ < selectedMentees ? 'Selected' : 'Not selected';
      return next;
    });
  });
  rows.push(measure(emulator, 'Send decisions', () => clickMenu(emulator, 'Send decisions')));
  rows.push(measure(emulator, 'Open mentor choices', () => clickMenu(emulator, 'Open mentor choices')));
  const labels =
    emulator.forms.data(formId(emulator, 'choices'))?.items.find((i) => i.title.includes('first choice'))
      ?.choices ?? [];
  for (let i = 0; i < selectedMentees; i++) {
    const pick = (k: number) => labels[(i * 13 + k * 101) % labels.length]!;
    emulator.forms.submit(
      formId(emulator, 'choices'),
      {
        ...choicesLinkAnswers(emulator, `applicant${mentors + i}@example.org`),
        'Your work email address': `applicant${mentors + i}@example.org`,
        'Your first choice of mentor': pick(0),
        'Your second choice of mentor': pick(1),
        'Your third choice of mentor': pick(2),
      },
      { unchecked: true },
    );
  }
  rows.push(
    measure(emulator, `Import ${selectedMentees} choices`, () =>
      emulator.run('continueIntake', {}, 'trigger'),
    ),
  );
  rows.push(measure(emulator, 'Run matching', () => clickMenu(emulator, 'Run matching')));
  rows.push(measure(emulator, 'Announce pairs', () => clickMenu(emulator, 'Announce pairs')));
  if (
    emulator.spreadsheets
      .menus()
      .some((m) => m.items.some((i) => i !== 'separator' && i.caption === 'Send calendar invites'))
  ) {
    rows.push(measure(emulator, 'Send calendar invites', () => clickMenu(emulator, 'Send calendar invites')));
  }
  const title = `${size} applicants (${mentors} mentors), Workspace quota 1,500 emails/day; times are estimates from src/emulator/runtime/latency.ts`;
  return { emulator, rows, title };
}

export async function benchLoad(size = Number(process.env.COHORT_LOAD_SIZE ?? 5000)): Promise<string> {
  const { emulator, rows, title } = playToInvitations(size);
  return report(title, emulator, rows);
}

/**
 * The year after the introductions, at a size the whole year can be played at in a few minutes:
 * every morning's keep-in-touch run from June to November, people's answers, then the close.
 */
export async function benchYear(size = Number(process.env.COHORT_YEAR_SIZE ?? 1000)): Promise<string> {
  const { emulator, title } = playToInvitations(size);
  const from = emulator.executions.length;
  const { rows, store } = theYear(emulator);
  return `${report(`${title}; the actions before the year are not listed`, emulator, rows, from)}\n${store}`;
}

/**
 * What fills the script's property store (Google's limit: 500 KB, counted as the emulator counts it),
 * by the part of each key before its first ':' (or the key itself), largest first.
 */
function storeUse(emulator: Emulator): string {
  const byKind = new Map<string, { keys: number; bytes: number }>();
  let total = 0;
  for (const [key, value] of emulator.properties.stores.script.values) {
    const kind = key.includes(':') ? `${key.slice(0, key.indexOf(':'))}:…` : key;
    const size = entryBytes(key, value);
    const entry = byKind.get(kind) ?? { keys: 0, bytes: 0 };
    entry.keys++;
    entry.bytes += size;
    byKind.set(kind, entry);
    total += size;
  }
  const largest = [...byKind]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 8)
    .map(([kind, e]) => `${kind} ${(e.bytes / 1024).toFixed(1)} KB in ${e.keys.toLocaleString('en-GB')}`);
  const kb = (n: number) => (n / 1024).toFixed(1);
  return `script properties ${kb(total)} KB of ${kb(MAX_STORE_BYTES)} KB; the largest: ${largest.join(', ')}.`;
}

/**
 * The fullest of the 24-hour windows of trigger runtime (as TriggerRuntimeQuota opens them: at a
 * trigger run after the last window ended), per account: when it opened, the minutes used, and the
 * account's limit.
 */
function triggerRuntimeUse(emulator: Emulator, runs: readonly ExecutionResult[]): string {
  type Window = { user: string; start: number; ms: number; byHandler: Map<string, number> };
  const windows: Window[] = [];
  const open = new Map<string, Window>();
  for (const r of runs.filter((x) => x.kind === 'trigger' || x.kind === 'simple-trigger')) {
    let w = open.get(r.user);
    if (!w || r.startedAt >= w.start + DAY) {
      w = { user: r.user, start: r.startedAt, ms: 0, byHandler: new Map() };
      open.set(r.user, w);
      windows.push(w);
    }
    w.ms += r.endedAt - r.startedAt;
    w.byHandler.set(r.handler, (w.byHandler.get(r.handler) ?? 0) + r.endedAt - r.startedAt);
  }
  const fullest = [...windows].sort((a, b) => b.ms - a.ms)[0];
  const quota = emulator.script.triggerRuntime;
  const min = (ms: number) => (ms / 60_000).toFixed(1);
  if (!fullest) return `Trigger runtime: none (${quota.account} account).`;
  const refused = runs.filter((r) => r.error?.message === TOO_MUCH_COMPUTER_TIME);
  return `Trigger runtime (the whole run): the fullest day ${min(fullest.ms)} min of ${min(quota.limitMs())} (${quota.account} account, ${fullest.user}, from ${new Date(fullest.start).toISOString().slice(0, 16)}Z: ${[...fullest.byHandler].map(([h, ms]) => `${h} ${min(ms)}`).join(', ')}); trigger runs ended or refused for it: ${refused.length}.`;
}

function report(title: string, emulator: Emulator, rows: readonly Row[], from = 0): string {
  const runs = emulator.executions.slice(from);
  const failures = new Map<string, number>();
  for (const r of runs.filter((x) => !x.ok)) {
    const what = `${r.handler}: ${r.error?.message ?? 'failed'}`;
    failures.set(what, (failures.get(what) ?? 0) + 1);
  }
  const longest = Math.max(...runs.map((e) => e.endedAt - e.startedAt));
  const table = [
    title,
    '',
    `| action | calls (1st execution) | of which spreadsheet | cells read+written | est. time of 1st execution | longest execution | executions to finish | simulated hours to finish | all ok |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.action} | ${r.calls} | ${r.sheetCalls} | ${r.cells.toLocaleString('en-GB')} | ${(r.firstMs / 1000).toFixed(1)} s | ${(r.longestMs / 1000).toFixed(1)} s | ${r.executions} | ${r.hours} | ${r.ok ? 'yes' : 'NO'} |`,
    ),
    '',
    `Longest execution ${(longest / 1000).toFixed(1)} s (Apps Script's limit: 360 s); killed: ${runs.filter((e) => e.killed).length}; failed: ${runs.filter((e) => !e.ok).length} of ${runs.length}.`,
    ...[...failures].map(([what, n]) => `  ${n} × ${what}`),
    triggerRuntimeUse(emulator, emulator.executions),
    `Emails sent: ${emulator.mail.sent.filter((m) => m.via === 'MailApp').length}; calendar invitations: ${emulator.mail.sent.filter((m) => m.via === 'Calendar').length}.`,
    `At the end: ${storeUse(emulator)}`,
  ];
  return table.join('\n');
}
