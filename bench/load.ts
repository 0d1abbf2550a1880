/**
 * Load: a 5,000-applicant cohort end to end in the emulator, on a Workspace account (1,500 emails a
 * day), through what clasp would push (dist/apps-script/, read as clasp reads it). For each action: the Apps Script service calls of its first execution,
 * that execution's estimated time (the emulator's clock advances by the per-call latencies of
 * src/emulator/runtime/latency.ts), and how many executions and simulated days it took to finish
 * (an action that does not fit in one execution schedules its own continuation).
 */
import { join } from 'node:path';
import { setSettings } from '../src/cli/coordinator';
import { choicesLinkAnswers } from '../src/cli/participant';
import { clickMenu } from '../src/cli/workspace';
import { applicationForm, CONSENT_AGREE, EVALUATION_YES } from '../src/domain/forms/spec';
import { AREAS } from '../src/domain/scheme';
import type { Role } from '../src/domain/status';
import { Emulator, type ExecutionResult } from '../src/emulator/Emulator';
import { pushedFiles } from '../src/emulator/project/pushedFiles';
import { yesResponder } from '../src/emulator/runtime/Runtime';

const START = Date.UTC(2025, 2, 24, 9);
const HOUR = 3_600_000;

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

/** Runs `start`, then lets the clock run (an hour at a time) until no continuation is scheduled. */
function measure(emulator: Emulator, action: string, start: () => ExecutionResult | undefined): Row {
  const from = emulator.executions.length;
  const began = emulator.rt.clock.now();
  const first = start();
  let guard = 0;
  while (pending(emulator) && guard++ < 24 * 30) emulator.advance(HOUR);
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
    ok: runs.every((r) => r.ok),
  };
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

export async function benchLoad(size = Number(process.env.COHORT_LOAD_SIZE ?? 5000)): Promise<string> {
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
  const table = [
    `${size} applicants (${mentors} mentors), Workspace quota 1,500 emails/day; times are estimates from src/emulator/runtime/latency.ts`,
    '',
    `| action | calls (1st execution) | of which spreadsheet | cells read+written | est. time of 1st execution | longest execution | executions to finish | simulated hours to finish | all ok |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.action} | ${r.calls} | ${r.sheetCalls} | ${r.cells.toLocaleString('en-GB')} | ${(r.firstMs / 1000).toFixed(1)} s | ${(r.longestMs / 1000).toFixed(1)} s | ${r.executions} | ${r.hours} | ${r.ok ? 'yes' : 'NO'} |`,
    ),
    '',
    `Every execution stays under Apps Script's 6-minute limit: longest ${(Math.max(...emulator.executions.map((e) => e.endedAt - e.startedAt)) / 1000).toFixed(1)} s; killed: ${emulator.executions.filter((e) => e.killed).length}.`,
    `Emails sent: ${emulator.mail.sent.filter((m) => m.via === 'MailApp').length}; calendar invitations: ${emulator.mail.sent.filter((m) => m.via === 'Calendar').length}.`,
  ];
  return table.join('\n');
}
