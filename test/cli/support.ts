/** Running the built `cohort` command as a person would, on throwaway workspaces. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'cohort.js');

/** `cohort …args`, run to the end: its exit status and what it printed. */
export const cohort = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `cohort-${name}-`));

/** A new workspace made by `cohort init` (in a folder of its own). */
export function initialised(name: string): string {
  const ws = join(tempDir(name), 'ws');
  const run = cohort('init', ws);
  if (run.status !== 0) throw new Error(`cohort init failed: ${run.stderr}`);
  return ws;
}

/** Writes `value` as JSON to `name` in `dir`; returns the path. */
export function jsonFile(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** The workspace's saved state (state.json). */
export const savedState = (ws: string) =>
  JSON.parse(readFileSync(join(ws, 'state.json'), 'utf8')) as Record<string, unknown> & { clock: string };
