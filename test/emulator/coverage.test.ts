import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

it('docs/emulator-coverage.md matches the emulator (run "npm run coverage:emulator" after changing it)', () => {
  const run = spawnSync(
    process.execPath,
    [join(__dirname, '..', '..', 'scripts', 'emulator-coverage.mjs'), '--check'],
    { encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
