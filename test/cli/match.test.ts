import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchCommand, runMatch } from '../../src/cli/commands/match';
import { CliError } from '../../src/cli/workspace';

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

function failure(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('cohort match', () => {
  it('writes RESULT.json with pairs, reasons and summary', async () => {
    const input = write('instance.json', instance);
    const out = join(dir, 'result.json');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await matchCommand().parseAsync([input, '--out', out], { from: 'user' });
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
    expect(failure(() => runMatch(join(dir, 'missing.json'))).exitCode).toBe(2);
  });

  it('prints the result when --out is not given', () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    runMatch(write('print.json', instance));
    const printed = spy.mock.calls.map((c) => String(c[0])).join('');
    spy.mockRestore();
    expect(JSON.parse(printed).summary.matched).toBe(2);
  });
});
