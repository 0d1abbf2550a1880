import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchCommandError, matchMain, runMatch } from '../../src/cli/commands/match';
import { FIELDS, match } from '../../src/domain/matching';

const dir = mkdtempSync(join(tmpdir(), 'cohort-match-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const instance = {
  mentors: [
    {
      id: 'M1',
      name: 'Ann Lee',
      organisation: 'Kent Libraries',
      capacity: 1,
      expertise: ['budgeting', 'restructures'],
    },
    { id: 'M2', name: 'Cy Dee', organisation: 'Devon Libraries', capacity: 2, expertise: ['budgeting'] },
  ],
  mentees: [
    {
      id: 'E1',
      name: 'Bo Chan',
      organisation: 'York',
      needs: ['budgeting', 'restructures'],
      choices: ['M1', 'M2'],
    },
    { id: 'E2', name: 'Di Fox', organisation: 'Leeds', needs: ['budgeting'], choices: ['M1'] },
  ],
};

function failure(run: () => unknown): MatchCommandError {
  try {
    run();
  } catch (error) {
    if (error instanceof MatchCommandError) return error;
    throw error;
  }
  throw new Error('expected a MatchCommandError');
}

const BIN = join(__dirname, '..', '..', 'bin', 'cohort.js');
const cohort = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('cohort match', () => {
  it('writes RESULT.json with pairs, reasons and summary', () => {
    const input = write('instance.json', instance);
    const out = join(dir, 'result.json');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(matchMain([input, '--out', out])).toBe(0);
    expect(spy).toHaveBeenCalledWith(
      `2 matched (1 1st, 1 2nd, 0 3rd choice, 0 unchosen), 0 unmatched, 0 mentors without a mentee → ${out}`,
    );
    spy.mockRestore();
    const result = JSON.parse(readFileSync(out, 'utf8'));
    // Ann Lee has one place: giving it to Di (whose only choice she is) keeps both on a choice.
    expect(result.pairs).toEqual([
      {
        mentee: 'E1',
        mentor: 'M2',
        choiceRank: 2,
        sharedAreas: ['budgeting'],
        reason: '2nd choice; shares budgeting; 1st choice Ann Lee is full (1 of 1)',
      },
      {
        mentee: 'E2',
        mentor: 'M1',
        choiceRank: 1,
        sharedAreas: ['budgeting'],
        reason: '1st choice; shares budgeting',
      },
    ]);
    expect(result.unmatched).toEqual([]);
    expect(result.summary.tiers).toEqual([2, 1, 1, 0, 0, 2, 2]);
    expect(result.summary.idleMentors).toEqual([]);
  });

  it('exits with code 2 and names record and field on bad input', () => {
    const bad = structuredClone(instance);
    bad.mentors[1]!.capacity = 0;
    const error = failure(() => runMatch(write('bad-capacity.json', bad)));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('mentors[1] (id M2): capacity must be a whole number ≥ 1');
  });

  it('rejects an unknown choice, a lock over capacity and broken JSON with code 2', () => {
    const unknown = structuredClone(instance);
    unknown.mentees[0]!.choices = ['M1', 'M9'];
    expect(failure(() => runMatch(write('unknown.json', unknown))).message).toContain(
      'mentees[0] (id E1): choices[1] "M9" is not the id of any mentor',
    );
    const locks = {
      ...instance,
      locks: [
        { mentee: 'E1', mentor: 'M1' },
        { mentee: 'E2', mentor: 'M1' },
      ],
    };
    const overCapacity = failure(() => runMatch(write('locks.json', locks)));
    expect(overCapacity.exitCode).toBe(2);
    expect(overCapacity.message).toContain(
      'mentors[0] (id M1): 2 mentees are locked to this mentor but capacity is 1',
    );
    const broken = failure(() => runMatch(write('broken.json', '{"mentors": [')));
    expect(broken.exitCode).toBe(2);
    expect(broken.message).toMatch(/not valid JSON/);
    const missing = failure(() => runMatch(join(dir, 'missing.json')));
    expect([missing.exitCode, missing.message]).toEqual([
      2,
      `${join(dir, 'missing.json')}: cannot be read (no such file or folder)`,
    ]);
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    expect(failure(() => runMatch(join(dir, 'a-folder'))).message).toBe(
      `${join(dir, 'a-folder')}: cannot be read (it is a folder, not a file)`,
    );
    const unwritable = failure(() =>
      runMatch(write('ok.json', instance), join(dir, 'no', 'such', 'out.json')),
    );
    expect([unwritable.exitCode, unwritable.message]).toEqual([
      1,
      `${join(dir, 'no', 'such', 'out.json')}: cannot be written (no such file or folder)`,
    ]);
  });

  it('rejects an unknown field, naming the record and suggesting the field meant', () => {
    const bad = structuredClone(instance) as unknown as { mentors: Record<string, unknown>[] };
    bad.mentors[1]!.areas = ['budgeting'];
    expect(failure(() => runMatch(write('areas.json', bad))).message).toBe(
      `${join(dir, 'areas.json')}: mentors[1] (id M2): unknown field "areas" — did you mean "expertise"?`,
    );
  });

  it('runs as its own small process: the bundle, its exit codes and its help', () => {
    const out = join(dir, 'spawned.json');
    const ok = cohort(
      'match',
      write('spawn.json', { ...instance, options: { balance: false } }),
      '--out',
      out,
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.matched).toBe(2);
    const bad = cohort('match', join(dir, 'nowhere.json'));
    expect([bad.status, bad.stderr.trim()]).toEqual([
      2,
      `${join(dir, 'nowhere.json')}: cannot be read (no such file or folder)`,
    ]);
    expect(cohort('match', '--bogus').status).toBe(2);
    const help = cohort('match', '--help');
    expect([help.status, help.stdout]).toEqual([
      0,
      expect.stringContaining('Usage: cohort match <instance>'),
    ]);
    expect(cohort('--help').stdout).toMatch(/match <instance> +match mentees to mentors/);
  });

  it('loads nothing but its own bundle: no commander, emulator, exceljs or nodemailer', () => {
    // A preload that lists, as the process ends, every module it loaded.
    const probe = write(
      'probe.js',
      "process.on('exit', () => console.error(JSON.stringify(Object.keys(require.cache))));",
    );
    const run = spawnSync(
      process.execPath,
      ['--require', probe, BIN, 'match', write('lean.json', instance), '--out', join(dir, 'lean-out.json')],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const loaded: string[] = JSON.parse(run.stderr.trim().split('\n').pop()!);
    expect(loaded.filter((path) => !path.endsWith('probe.js'))).toEqual([
      BIN,
      join(__dirname, '..', '..', 'dist', 'node', 'match.js'),
    ]);
  });

  it('prints the result when --out is not given', () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    runMatch(write('print.json', instance));
    const printed = spy.mock.calls.map((c) => String(c[0])).join('');
    spy.mockRestore();
    expect(JSON.parse(printed).summary.matched).toBe(2);
  });
});

describe('docs/matching.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'matching.md'), 'utf8');
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));

  it('documents every field of the instance format', () => {
    const documented = new Set([...doc.matchAll(/^\| `([\w.[\]]+)` \|/gm)].map((m) => m[1]));
    const expected = [
      ...FIELDS.instance,
      ...FIELDS.mentor.map((f) => `mentors[].${f}`),
      ...FIELDS.mentee.map((f) => `mentees[].${f}`),
      ...FIELDS.options.map((f) => `options.${f}`),
    ];
    expect(expected.filter((f) => !documented.has(f))).toEqual([]);
  });

  it('shows the result the engine gives for its example instance', () => {
    const [example, result] = blocks;
    expect(match(example)).toEqual(result);
  });
});
