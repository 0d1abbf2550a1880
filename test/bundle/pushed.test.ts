/**
 * What clasp pushes is exactly what the emulator runs (issue 9.1). clasp itself is asked which files
 * a push would send (`clasp show-file-status --json`, which works offline); the emulator loads the
 * same files, in push order, into one realm per execution, as Apps Script does. A stray Node file
 * in the pushed folder fails every execution offline, exactly as it would on Google.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../src/emulator/Emulator';
import { pushedFiles } from '../../src/emulator/project/pushedFiles';
import { HANDLER } from '../../src/workflows/handlers';
import { MENU } from '../../src/workflows/menu';
import { SCHEME_START } from '../support/cohort';

const ROOT = join(__dirname, '..', '..');
const CLASP = join(ROOT, 'node_modules', '.bin', 'clasp');

/** clasp's own answer, as paths relative to the project folder. */
function claspWouldPush(projectDir: string): string[] {
  const out = execFileSync(CLASP, ['show-file-status', '--json'], { cwd: projectDir, encoding: 'utf8' });
  return (JSON.parse(out) as { filesToPush: string[] }).filesToPush.sort();
}

const localPaths = (dir: string) =>
  pushedFiles(join(dir, '.clasp.json'))
    .map((f) => f.localPath)
    .sort();

/** A project folder with the built files, a clasp project file, and optionally more. */
function project(extra: { strayNodeFile?: boolean; claspignore?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-push-'));
  for (const f of ['Code.js', 'appsscript.json'])
    copyFileSync(join(ROOT, 'dist', 'apps-script', f), join(dir, f));
  writeFileSync(join(dir, '.clasp.json'), JSON.stringify({ scriptId: 'test', rootDir: '.' }));
  if (extra.claspignore) copyFileSync(join(ROOT, '.claspignore'), join(dir, '.claspignore'));
  if (extra.strayNodeFile)
    writeFileSync(join(dir, 'cli.js'), '"use strict";\nvar commander = require("commander");\n');
  return dir;
}

const handlers = [
  ...MENU.flatMap((item) => (item === 'separator' ? [] : [item.handler])),
  ...Object.values(HANDLER),
];

describe('what clasp pushes', () => {
  it('is only dist/apps-script/, and the emulator loads exactly the same files', () => {
    const clasp = claspWouldPush(ROOT);
    expect(clasp).toEqual(
      ['dist/apps-script/Code.js', 'dist/apps-script/appsscript.json', 'dist/apps-script/prose.html'].sort(),
    );
    expect(localPaths(ROOT)).toEqual(clasp);
  });

  it('agrees with clasp about a stray file, with and without .claspignore', () => {
    const bare = project({ strayNodeFile: true });
    expect(claspWouldPush(bare)).toEqual(['Code.js', 'appsscript.json', 'cli.js'].sort());
    expect(localPaths(bare)).toEqual(claspWouldPush(bare));
    const guarded = project({ strayNodeFile: true, claspignore: true });
    expect(claspWouldPush(guarded)).toEqual(['Code.js', 'appsscript.json'].sort());
    expect(localPaths(guarded)).toEqual(claspWouldPush(guarded));
  });

  it('a stray Node file makes every menu item and trigger fail, as on Google', () => {
    const emulator = new Emulator({ now: SCHEME_START }).loadProject(
      pushedFiles(join(project({ strayNodeFile: true }), '.clasp.json')),
    );
    for (const handler of ['onOpen', ...handlers]) {
      const run = emulator.run(handler, undefined, handler === 'onOpen' ? 'simple-trigger' : 'menu');
      expect(run.error?.message).toBe('require is not defined');
    }
  });

  it('every menu item and trigger runs from the pushed files (each in a fresh realm)', () => {
    const emulator = new Emulator({ now: SCHEME_START }).loadProject(pushedFiles(join(ROOT, '.clasp.json')));
    expect(emulator.run('onOpen', { authMode: 'LIMITED' }, 'simple-trigger').ok).toBe(true);
    expect(emulator.run('menuSetUp').ok).toBe(true);
    for (const item of MENU) {
      if (item === 'separator') continue;
      const run = emulator.run(item.handler, undefined, 'menu');
      expect({ handler: item.handler, error: run.error?.message ?? null }).toEqual({
        handler: item.handler,
        error: null,
      });
    }
    for (const handler of Object.values(HANDLER)) {
      const run = emulator.run(handler, { authMode: 'FULL', triggerUid: '1' }, 'trigger');
      expect({ handler, error: run.error?.message ?? null }).toEqual({ handler, error: null });
    }
  });
});
