/**
 * The emulator's Date does not depend on the machine's TZ (issue 9.3f): the whole demo scheme,
 * run as separate processes under three machine zones, sends the same emails and writes the same
 * calendar files, byte for byte.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samePerson } from '../faults/snapshot';

const ROOT = join(__dirname, '..', '..');

function demo(tz: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), `cohort-tz-${tz.replace('/', '-')}-`)), 'workspace');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'cohort.js'), 'demo', dir], {
      env: { ...process.env, TZ: tz },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(dir) : reject(new Error(`demo under TZ=${tz}: ${err}`)),
    );
  });
}

/**
 * Every file of a folder, by name. Personal codes are signed with a secret made at random in each
 * workspace (Utilities.getUuid): they are compared as "a code for this person".
 */
function files(dir: string): Record<string, string> {
  const same = (text: string) => samePerson(text.replace(/=\r?\n/g, ''));
  return Object.fromEntries(readdirSync(dir).map((f) => [f, same(readFileSync(join(dir, f), 'utf8'))]));
}

// Two machine zones, each a day's width from London: America/New_York behind it, Pacific/Auckland ahead
// (its summer when London has winter). UTC is London's own winter offset, so it adds little.
it('runs the scheme identically under TZ=America/New_York and Pacific/Auckland', async () => {
  const [newYork, auckland] = await Promise.all(['America/New_York', 'Pacific/Auckland'].map(demo));
  for (const folder of ['outbox', 'calendar']) {
    const reference = files(join(newYork!, folder));
    expect(Object.keys(reference).length).toBeGreaterThan(5);
    expect(files(join(auckland!, folder))).toEqual(reference);
  }
}, 180_000);
