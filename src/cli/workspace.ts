import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Emulator, type EmulatorOptions, type ExecutionResult } from '../emulator/Emulator';
import type { ProjectFile } from '../emulator/project/ProjectFile';
import { pushedFiles } from '../emulator/project/pushedFiles';
import { lastFailure } from '../workflows/failureRecord';

/** The project folder (the one with .clasp.json): dist/node/cli.js is two levels below it. */
export function projectRoot(): string {
  const candidates = [resolve(__dirname, '..', '..'), resolve(__dirname, '..'), resolve('.')];
  const found = candidates.find((p) => existsSync(join(p, '.clasp.json')));
  if (!found) throw new CliError('No .clasp.json found: run the cohort command from the Cohort folder.', 1);
  return found;
}

/** What clasp would push (dist/apps-script/): the CLI runs exactly these files. */
export function projectFiles(): ProjectFile[] {
  const files = pushedFiles(join(projectRoot(), '.clasp.json'));
  if (!files.some((f) => f.type === 'SERVER_JS'))
    throw new CliError('dist/apps-script/Code.js is missing: run "npm run build" first.', 1);
  return files;
}

/**
 * What went wrong, for a script that runs the CLI: `usage` (exit 2) is a command line or input file
 * the person can correct; the others (exit 1) are the workspace or the run.
 */
export type CliErrorCode = 'usage' | 'not-found' | 'refused' | 'failed';

export class CliError extends Error {
  readonly code: CliErrorCode;
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    code?: CliErrorCode,
  ) {
    super(message);
    this.code = code ?? (exitCode === 2 ? 'usage' : 'failed');
  }
}

export function newEmulator(options: EmulatorOptions): Emulator {
  return new Emulator(options).loadProject(projectFiles());
}

export async function openWorkspace(dir: string): Promise<Emulator> {
  const emulator = await Emulator.open(dir);
  return emulator.loadProject(projectFiles());
}

/** A caption as a person types it: any case, spaces trimmed, "..." for the ellipsis "…". */
const captionKey = (caption: string) =>
  caption
    .trim()
    .replace(/\.\.\./g, '…')
    .toLowerCase();

/** Runs the function behind a menu item, found by its caption as a person would find it. */
export function clickMenu(emulator: Emulator, caption: string): ExecutionResult {
  const items = emulator.spreadsheets.menus().flatMap((m) => m.items);
  const item = items.find((i) => i !== 'separator' && captionKey(i.caption) === captionKey(caption));
  if (!item || item === 'separator') {
    const captions = items.filter((i) => i !== 'separator').map((i) => (i as { caption: string }).caption);
    throw new CliError(`No menu item "${caption}". The Mentoring menu has: ${captions.join(', ')}`, 2);
  }
  return emulator.run(item.functionName, undefined, 'menu');
}

/**
 * Why a menu click did not go through, or null when it did: the execution's own error, or the
 * failure the action reported. A menu action catches its error, shows it to the coordinator ("Something
 * went wrong: …") and records it (workflows/failures.ts), so the execution itself ends well; only a
 * record of this action written during this click counts (an earlier trigger's stays until seen).
 */
export function actionFailure(emulator: Emulator, caption: string, run: ExecutionResult): string | null {
  if (!run.ok) return run.error?.message ?? 'the execution failed';
  const { values } = emulator.properties.stores.script;
  const failure = lastFailure({ get: (key) => values.get(key) ?? null });
  if (!failure) return null;
  const during = Date.parse(String(failure.at)) >= Math.floor(run.startedAt);
  const same = captionKey(String(failure.action)) === captionKey(caption);
  return during && same ? String(failure.message) : null;
}

/**
 * Prints what a person would have seen (toasts, dialogs) since `from`, each dialog followed by how
 * it was answered when `answers` says (by index into `rt.shown`).
 */
export function printShown(
  emulator: Emulator,
  from: number,
  print: (line: string) => void = console.log,
  answers: ReadonlyMap<number, string> = new Map(),
): void {
  emulator.rt.shown.forEach((m, i) => {
    if (i < from || (m.kind === 'log' && !m.title.startsWith('Execution failed'))) return;
    print(`[${m.kind}] ${m.title ? `${m.title}: ` : ''}${m.text}`);
    const answer = answers.get(i);
    if (answer) print(`  → ${answer}`);
  });
}
