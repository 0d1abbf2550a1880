#!/usr/bin/env node
// `npm run deploy` (the live Sheet, .clasp.json) or `npm run deploy -- --test` (a test Sheet,
// .clasp.test.json; or COHORT_TARGET=test). Checks first what needs no work (the Script ID, being
// logged in to clasp), so a first-timer hears in a second what to do; then lint → test → build →
// clasp push. Node built-ins only: nothing heavy loads before the checks.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const target = args.includes('--test') || process.env.COHORT_TARGET === 'test' ? 'test' : 'live';
const projectFile = target === 'test' ? '.clasp.test.json' : '.clasp.json';
const WHERE_IS_THE_ID =
  'Open your Google Sheet, then Extensions → Apps Script; in the Apps Script editor click Project Settings (the gear on the left) and copy the Script ID under "IDs".';

class Refusal extends Error {}

/** Apps Script ids are long base64url-like strings (about 57 characters). */
function checkScriptId() {
  const path = join(root, projectFile);
  if (!existsSync(path))
    throw new Refusal(
      `There is no ${projectFile}. Copy .clasp.json to ${projectFile} and put your ${target} Sheet's Script ID in it. ${WHERE_IS_THE_ID}`,
    );
  let config;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Refusal(`${projectFile} is not valid JSON (${e.message}). Restore it from git and try again.`);
  }
  const id = String(config.scriptId ?? '');
  if (!/^[A-Za-z0-9_-]{20,}$/.test(id))
    throw new Refusal(
      `${projectFile} has no Script ID yet (it says "${id.slice(0, 40)}${id.length > 40 ? '…' : ''}"). ${WHERE_IS_THE_ID} Then put it in ${projectFile} as "scriptId": "…" and run this again.`,
    );
  if (config.rootDir !== 'dist/apps-script')
    throw new Refusal(
      `${projectFile} must say "rootDir": "dist/apps-script" (it says ${JSON.stringify(config.rootDir)}): only the Apps Script files may be pushed.`,
    );
}

function checkLoggedIn() {
  const rc = process.env.clasp_config_auth || join(homedir(), '.clasprc.json');
  if (!existsSync(rc))
    throw new Refusal(
      'clasp is not logged in on this computer. Run "npx clasp login" (it opens Google\'s sign-in once), then run this again.',
    );
}

function step(title, command, commandArgs) {
  console.log(`\n▶ ${title}`);
  const run = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) throw new Refusal(`${title} failed (see above). Nothing was pushed.`);
}

try {
  checkScriptId();
  checkLoggedIn();
  console.log(`Deploying to the ${target} Sheet (${projectFile}).`);
  step('Lint', 'npm', ['run', 'lint', '--silent']);
  step('Tests', 'npm', ['test', '--silent']);
  step('Build', process.execPath, [join(root, 'scripts', 'build.mjs')]);
  step('Push to Google', join(root, 'node_modules', '.bin', 'clasp'), ['push', '--force', '-P', projectFile]);
  console.log(`\nDone. Reload the ${target} Sheet: the Mentoring menu has the new version.`);
} catch (e) {
  console.error(
    e instanceof Refusal ? e.message : `Deploy stopped: ${e instanceof Error ? e.message : String(e)}`,
  );
  process.exitCode = 1;
}
