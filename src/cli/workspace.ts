import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Emulator, type EmulatorOptions, type ExecutionResult } from '../emulator/Emulator';
import type { ProjectFile } from '../emulator/project/ProjectFile';
import { pushedFiles } from '../emulator/project/pushedFiles';
import { type DialogResponder, yesResponder } from '../emulator/runtime/Runtime';

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

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Answers every dialog "No" and says so: without --yes the CLI never agrees on anyone's behalf. */
export const noResponder: DialogResponder = {
  alert: (_t, _p, buttons) => (buttons.includes('YES') ? 'NO' : buttons.includes('CANCEL') ? 'CANCEL' : 'OK'),
  prompt: (_t, _p, buttons) => ({ button: buttons.includes('CANCEL') ? 'CANCEL' : 'OK', text: '' }),
};

export function responder(yes: boolean): DialogResponder {
  return yes ? yesResponder : noResponder;
}

export function newEmulator(options: EmulatorOptions): Emulator {
  return new Emulator(options).loadProject(projectFiles());
}

export async function openWorkspace(dir: string): Promise<Emulator> {
  const emulator = await Emulator.open(dir);
  return emulator.loadProject(projectFiles());
}

/** Runs the function behind a menu item, found by its caption as a person would find it. */
export function clickMenu(emulator: Emulator, caption: string): ExecutionResult {
  const items = emulator.spreadsheets.menus().flatMap((m) => m.items);
  const item = items.find((i) => i !== 'separator' && i.caption.toLowerCase() === caption.toLowerCase());
  if (!item || item === 'separator') {
    const captions = items.filter((i) => i !== 'separator').map((i) => (i as { caption: string }).caption);
    throw new CliError(`No menu item "${caption}". The Mentoring menu has: ${captions.join(', ')}`, 2);
  }
  return emulator.run(item.functionName, undefined, 'menu');
}

/** Prints what a person would have seen (toasts, dialogs) since `from`. */
export function printShown(
  emulator: Emulator,
  from: number,
  print: (line: string) => void = console.log,
): void {
  for (const m of emulator.rt.shown.slice(from)) {
    if (m.kind === 'log' && !m.title.startsWith('Execution failed')) continue;
    print(`[${m.kind}] ${m.title ? `${m.title}: ` : ''}${m.text}`);
  }
}
