/**
 * `npm run deploy` refuses what cannot work before doing any work (issue 9.2): a placeholder Script
 * ID or a missing clasp login is named in a sentence, fast, with no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function deploy(cwdRoot: string, args: string[] = [], env: Record<string, string> = {}) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(cwdRoot, 'scripts', 'deploy.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ...run, ms: Date.now() - started };
}

/** A copy of the deploy script and project files, to try other Script IDs on. */
function copy(clasp: Record<string, unknown>, file = '.clasp.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-deploy-'));
  cpSync(join(ROOT, 'scripts', 'deploy.mjs'), join(dir, 'scripts', 'deploy.mjs'));
  writeFileSync(join(dir, file), JSON.stringify(clasp));
  return dir;
}

describe('npm run deploy', () => {
  it.each([
    [[], '.clasp.json'],
    [['--test'], '.clasp.test.json'],
  ])('with the placeholder id (%p) stops at once, saying where to find the Script ID', (args, file) => {
    const run = deploy(ROOT, args);
    expect(run.status).toBe(1);
    expect(run.ms).toBeLessThan(5000);
    expect(run.stderr).toContain(`${file} has no Script ID yet`);
    expect(run.stderr).toContain('Project Settings');
    expect(run.stderr).toContain('Script ID');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('with a real-looking id but no clasp login, says to run "npx clasp login"', () => {
    const dir = copy({
      scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnopq',
      rootDir: 'dist/apps-script',
    });
    const run = deploy(dir, [], { HOME: mkdtempSync(join(tmpdir(), 'home-')), clasp_config_auth: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npx clasp login');
  });

  it('refuses a project file whose rootDir would push more than the Apps Script files', () => {
    const dir = copy({
      scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnopq',
      rootDir: 'dist',
    });
    const run = deploy(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"rootDir": "dist/apps-script"');
  });
});
