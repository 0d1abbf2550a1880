import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { answers } from '../support/cohort';
import { cohort, jsonFile, tempDir } from './support';

const BIN = join(__dirname, '..', '..', 'bin', 'cohort.js');

describe('the cohort command', () => {
  const base = tempDir('cli');
  const ws = join(base, 'ws');

  it('init makes a workspace a person can open', () => {
    const run = cohort('init', ws);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Set up programme');
    for (const f of ['workbook.xlsx', 'state.json', 'forms']) expect(existsSync(join(ws, f))).toBe(true);
    expect(readdirSync(join(ws, 'forms')).filter((f) => f.endsWith('.html'))).toHaveLength(2);
  });

  it('refuses to init over a folder that is not empty', () => {
    const run = cohort('init', ws);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not empty/);
  });

  it('submit records an application and writes its acknowledgement', () => {
    const file = jsonFile(
      base,
      'answers.json',
      answers('mentee', { name: 'Llŷr Dafydd', email: 'llyr@example.org' }),
    );
    // No email goes unsigned: the coordinator's name goes into Settings first.
    expect(cohort('set', ws, 'Settings', 'coordinatorName', 'Value', 'Rhian Evans').status).toBe(0);
    const run = cohort('submit', ws, '--form', 'mentee', '--answers', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Submitted 1 response to the mentee form: 1 taken in, 0 refused by the form.',
    );
    expect(readdirSync(join(ws, 'outbox'))).toHaveLength(1);
    const status = cohort('status', ws);
    expect(status.stdout).toMatch(/Applicants: 1 row/);
    expect(status.stdout).toMatch(/Status: Applied 1/);
    expect(status.stdout).toMatch(/Clock: 2025-03-24 09:\d\d(:\d\d)? Europe\/London \(2025-03-24T09:/);
  });

  it('menu clicks an item by its caption and prints the dialog; an unknown caption lists the menu', () => {
    const check = execFileSync(process.execPath, [BIN, 'menu', ws, 'Check applications'], {
      encoding: 'utf8',
    });
    expect(check).toMatch(/Mentees: 1 \(1 applied\)/);
    const unknown = cohort('menu', ws, 'Make coffee');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Set up programme');
  });

  it('clock moves time forward and refuses to go back', () => {
    expect(cohort('clock', ws, '--advance', '1d').stdout).toMatch(/Clock now 2025-03-25/);
    expect(cohort('clock', ws, '--to', '2020-01-01T00:00:00Z').status).toBe(2);
    expect(cohort('clock', ws, '--advance', 'soon').status).toBe(2);
  });

  it('a command line commander cannot read is a usage error (exit 2), with the usage', () => {
    const missing = cohort('submit', ws, '--form', 'mentee');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/required option '--answers <file>'/);
    expect(missing.stderr).toContain('Usage: cohort submit');
    const wrongForm = cohort('submit', ws, '--form', 'mentees', '--answers', 'x.json');
    expect(wrongForm.status).toBe(2);
    expect(wrongForm.stderr).toMatch(/"mentor", "mentee", "choices"/);
    expect(cohort('--help').status).toBe(0);
    expect(cohort('set', ws, 'Applicants').status).toBe(2);
  });

  it('a folder that is not a workspace is named, without a stack trace', () => {
    const run = cohort('status', join(base, 'nowhere'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nowhere is not a Cohort workspace/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a workspace whose workbook.xlsx is gone is refused, and no blank workbook is written', () => {
    const copy = join(base, 'no-workbook');
    cpSync(ws, copy, { recursive: true });
    rmSync(join(copy, 'workbook.xlsx'));
    const run = cohort('menu', copy, 'Check applications');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(copy, 'workbook.xlsx')} is missing`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(copy, 'workbook.xlsx'))).toBe(false);
  });
});
