import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { initWorkspace } from '../../src/cli/commands/init';
import {
  formIdFor,
  outcomeLines,
  RESPONSE_GAP_MS,
  readResponses,
  submitResponses,
} from '../../src/cli/commands/submit';
import { progressBar } from '../../src/cli/progress';
import type { Emulator } from '../../src/emulator/Emulator';
import { answers } from '../support/cohort';
import { cohort, initialised, jsonFile, tempDir } from './support';

const people = (n: number, role: 'mentor' | 'mentee' = 'mentee') =>
  Array.from({ length: n }, (_, i) =>
    answers(role, { name: `Person ${i + 1}`, email: `p${i + 1}@example.org` }),
  );

const menteeForm = (emulator: Emulator) =>
  formIdFor(Object.fromEntries(emulator.properties.stores.script.values), 'mentee');

describe('cohort submit with a list of responses', () => {
  const dir = tempDir('submit');

  it('submits each in order, a second after the one before, and runs the form triggers for each', () => {
    const emulator = initWorkspace();
    const id = menteeForm(emulator);
    const doneAt: number[] = [];
    const outcome = submitResponses(emulator, id, people(4), () => doneAt.push(emulator.rt.clock.now()));
    expect(outcome).toMatchObject({ taken: 4, refused: [] });
    expect(outcome.runs.filter((r) => r.handler === 'onFormSubmitTrigger')).toHaveLength(4);
    const stamps = emulator.forms.data(id)!.responses.map((r) => r.timestamp);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBe(doneAt[i - 1]! + RESPONSE_GAP_MS);
    const names = emulator.spreadsheets
      .values('Applicants')
      .slice(1)
      .map((r) => r[3]);
    expect(names).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4']);
  });

  it('counts what the form refused, with its reason, and takes in the rest', () => {
    const emulator = initWorkspace();
    const list = people(3);
    const { 'Your full name': _, ...nameless } = list[1]!;
    const outcome = submitResponses(emulator, menteeForm(emulator), [list[0]!, nameless, list[2]!]);
    expect(outcomeLines('mentee', 3, outcome)).toEqual([
      'Submitted 3 responses to the mentee form: 2 taken in, 1 refused by the form.',
      expect.stringMatching(/^ {2}refused \(response 2\): "Your full name" on form ".*" is required$/),
    ]);
    expect(emulator.spreadsheets.values('Applicants')).toHaveLength(3);
  });

  it('a closed form refuses every response, and says so once; the command exits 1', () => {
    const ws = initialised('closed');
    const state = join(ws, 'state.json');
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    for (const form of saved.forms.forms) form.acceptingResponses = false;
    writeFileSync(state, JSON.stringify(saved));
    const run = cohort(
      'submit',
      ws,
      '--form',
      'mentor',
      '--answers',
      jsonFile(dir, 'm.json', people(3, 'mentor')),
    );
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'Submitted 3 responses to the mentor form: 0 taken in, 3 refused by the form.',
      expect.stringMatching(
        /^ {2}refused \(responses 1, 2, 3\): Form ".*" is no longer accepting responses$/,
      ),
      '',
    ]);
    // Piped output: no progress bar drawn into it.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('a question the form does not have stops the whole list, listing the titles it has', () => {
    const emulator = initWorkspace();
    const id = menteeForm(emulator);
    const list = people(2);
    list[1] = { ...list[1]!, 'Your nmae': 'x' };
    const file = jsonFile(dir, 'typo.json', list);
    expect(() => readResponses(file, emulator, id, 'mentee')).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringMatching(
          /typo\.json: response 2: the mentee form has no question "Your nmae"\. Its questions are:\n {2}Your full name\n {2}Your work email address\n/,
        ),
      }),
    );
    expect(emulator.forms.data(id)!.responses).toHaveLength(0);
  });

  it('names the answers file when it is missing, unreadable, not JSON or not answers', () => {
    const emulator = initWorkspace();
    const id = menteeForm(emulator);
    const read = (file: string) => () => readResponses(file, emulator, id, 'mentee');
    expect(read(join(dir, 'answers.json'))).toThrow(`${join(dir, 'answers.json')}: no such file`);
    expect(read(dir)).toThrow(`${dir}: is a folder, not a file`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "Your full name": "Ada",\n  oops\n}');
    expect(read(broken)).toThrow(new RegExp(`^${broken}: not valid JSON at line 3, column 3 \\(`));
    expect(read(jsonFile(dir, 'numbers.json', [1, 2]))).toThrow(
      'numbers.json: response 1: must be an object of answers keyed by question title.',
    );
    expect(read(jsonFile(dir, 'nested.json', { 'Your full name': { first: 'Ada' } }))).toThrow(
      'nested.json: "Your full name" must be text, a number, or a list of texts (for a checkbox question).',
    );
    expect(read(jsonFile(dir, 'empty.json', []))).toThrow('empty.json: the list holds no responses.');
    if (process.getuid?.() !== 0) {
      const locked = jsonFile(dir, 'locked.json', {});
      chmodSync(locked, 0o000);
      expect(read(locked)).toThrow(`${locked}: cannot be read (permission denied)`);
    }
  });

  it('the command names a missing answers file in one sentence (no ENOENT), exit 2', () => {
    const ws = initialised('missing');
    const run = cohort('submit', ws, '--form', 'mentee', '--answers', 'answers.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('answers.json: no such file\n');
  });
});

describe('the progress bar', () => {
  it('is drawn on a terminal and ends at the total', () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let drawn = '';
    terminal.on('data', (chunk) => {
      drawn += String(chunk);
    });
    const bar = progressBar(250, 'mentor form', terminal as unknown as NodeJS.WriteStream)!;
    for (let i = 1; i <= 250; i++) bar.update(i);
    bar.stop();
    expect(drawn).toContain('250/250 mentor form');
  });

  it('is not drawn into a file or a pipe', () => {
    const pipe = Object.assign(new PassThrough(), { isTTY: false });
    expect(progressBar(3, '', pipe as unknown as NodeJS.WriteStream)).toBeNull();
  });
});
