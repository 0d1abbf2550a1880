/**
 * The kill tests of the closing actions (close.kills*.test.ts): each action cut off at a service
 * call of its own execution (Google's 6-minute limit, a crash), then carried on as Google or the
 * coordinator would: the continuations run, the coordinator clicks again. The end state must be that of a run with no cut: nothing sent twice,
 * no date rolled twice, nothing personal left behind, nothing made twice that holds data.
 *
 * Each trial starts from a saved workspace (Emulator.open), so it also checks that everything the
 * closing actions keep (the created export files, hidden tabs, the records in script properties)
 * survives a save.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pseudonyms } from '../../src/domain/close/pseudonym';
import { Emulator } from '../../src/emulator/Emulator';
import { yesResponder } from '../../src/emulator/runtime/Runtime';
import { click, PROJECT, rows } from '../support/cohort';
import { allCells } from './close.helpers';

const MINUTE = 60_000;
/** Kill points per action: spread evenly over its calls, so every stage is cut somewhere. */
export const TRIALS = 5;

export async function saved(make: () => Emulator): Promise<string> {
  const emulator = make();
  const dir = mkdtempSync(join(tmpdir(), 'cohort-close-kills-'));
  await emulator.save(dir);
  return dir;
}

async function open(dir: string): Promise<Emulator> {
  const emulator = (await Emulator.open(dir)).loadProject(PROJECT);
  emulator.run('onOpen', { authMode: 'LIMITED' }, 'simple-trigger');
  emulator.rt.dialogs = yesResponder;
  return emulator;
}

/** Kills the menu execution at its `at`-th service call; returns how many calls it made (uncut: all). */
function cutAt(emulator: Emulator, caption: string, at: number): { calls: number; killed: boolean } {
  let execution: number | null = null;
  let calls = 0;
  emulator.rt.faults.push((_call, rt) => {
    const id = rt.execution?.id;
    if (id === undefined || rt.execution?.kind !== 'menu') return;
    execution ??= id;
    if (id !== execution) return;
    if (++calls === at) rt.kill();
  });
  const result = click(emulator, caption);
  emulator.rt.faults.length = 0;
  return { calls, killed: result.killed };
}

/** What Google and the coordinator do next: continuations run, the item is clicked again (twice). */
function carryOn(emulator: Emulator, caption: string): void {
  emulator.advance(10 * MINUTE);
  click(emulator, caption);
  emulator.advance(10 * MINUTE);
  click(emulator, caption);
  emulator.advance(10 * MINUTE);
}

/** The kill points for an action whose uncut run makes `calls` calls. */
const points = (calls: number) => [
  ...new Set(Array.from({ length: TRIALS }, (_, i) => 1 + Math.floor((i * (calls - 1)) / (TRIALS - 1)))),
];

/**
 * The export as text, each pseudonym read back as the ID it stands for (the key is made at random
 * in each run, so the pseudonyms themselves differ from run to run).
 */
export function exportShape(emulator: Emulator): string[] {
  const store = emulator.properties.stores.script.values;
  const id = JSON.parse(store.get('export:evaluation') ?? '{}').id as string;
  const file = emulator.spreadsheets.createdFiles().find((f) => f.id === id);
  if (!file) return ['no export'];
  const key = store.get('secret:evaluation') ?? '';
  const ids = rows(emulator, 'Applicants').map((r) => String(r.ID));
  const byName = new Map(
    [...pseudonyms(ids, (v) => createHmac('sha256', key).update(v).digest('base64url'))].map(([i, p]) => [
      p,
      i,
    ]),
  );
  const plain = (v: unknown) => String(v).replace(/P-[A-Z2-9]{10}/g, (p) => byName.get(p) ?? 'unknown');
  const sheet = (name: string) => emulator.spreadsheets.valuesOf(id, name).map((row) => row.map(plain));
  // Pairs are numbered in pseudonym order, which differs between runs: each number as the pair it names.
  const pairOf = new Map(sheet('Pairs').map((row) => [row[0], `${row[1]}~${row[2]}`]));
  const named = (name: string, row: string[]) =>
    name === 'Pairs'
      ? [pairOf.get(row[0]) ?? row[0], ...row.slice(1)]
      : name === 'Check-ins'
        ? [row[0], pairOf.get(row[1]) ?? row[1], ...row.slice(2)]
        : row;
  return file.file.doc.sheets
    .flatMap((s) =>
      sheet(s.name)
        .map((row) => `${s.name}: ${named(s.name, row as string[]).join(' | ')}`)
        .filter((line) => !line.startsWith('About: Made on')),
    )
    .sort();
}

/** Files made by a run cut off between creating one and recording it: they hold nothing. */
export function strayFilesHoldData(emulator: Emulator): boolean {
  const id = JSON.parse(emulator.properties.stores.script.values.get('export:evaluation') ?? '{}').id;
  return emulator.spreadsheets
    .createdFiles()
    .filter((f) => f.id !== id)
    .some((f) => f.file.doc.sheets.some((s) => s.lastRow() > 0));
}

export const sentTo = (emulator: Emulator, subject: string) =>
  emulator.mail.sent
    .filter((m) => m.subject === subject)
    .map((m) => m.to[0]!)
    .sort();

export const tabState = (emulator: Emulator) =>
  emulator.spreadsheets.active.doc.sheets.map((s) => `${s.name}${s.hidden ? ' (hidden)' : ''}`).sort();

export const withoutLog = (emulator: Emulator) =>
  allCells(emulator)
    .filter((c) => !/^(\d{4} )?Log!/.test(c.where))
    .map((c) => `${c.where.replace(/!.*/, '')}: ${c.text}`)
    .filter((t) => !/^\d{4}-\d{2}-\d{2}T/.test(t.split(': ')[1] ?? ''))
    .sort();

export async function trials(
  dir: string,
  caption: string,
  state: (emulator: Emulator) => unknown,
  check: (emulator: Emulator) => void = () => undefined,
): Promise<number> {
  const clean = await open(dir);
  const { calls } = cutAt(clean, caption, Number.POSITIVE_INFINITY);
  carryOn(clean, caption);
  const expected = state(clean);
  check(clean);
  let killed = 0;
  for (const k of points(calls)) {
    const emulator = await open(dir);
    killed += cutAt(emulator, caption, k).killed ? 1 : 0;
    carryOn(emulator, caption);
    expect({ cutAt: k, state: state(emulator) }).toEqual({ cutAt: k, state: expected });
    check(emulator);
  }
  // The cuts really fell inside the action (a point past its last call would cut nothing).
  expect(killed).toBeGreaterThan(points(calls).length / 2);
  return killed;
}
