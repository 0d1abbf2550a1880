import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { answers, apply, click, formId, newCohort, rows, setUp } from '../support/cohort';

const ERASE = 'Erase a person';
const SAM = { name: 'Sam Long', email: 'sam.long@example.org' };
/** Google ends an execution 6 minutes after it starts. */
const SIX_MINUTES = 6 * 60_000;

/**
 * Every answer the prompt and the questions get, and what the coordinator was shown; a question (Yes
 * or No) stays open `questionMs`.
 */
function answering(emulator: Emulator, email: string, questionMs?: number): string[] {
  const seen: string[] = [];
  emulator.rt.dialogs = {
    alert: (_title, text, buttons) => {
      seen.push(text);
      return buttons.includes('YES') ? { button: 'YES', afterMs: questionMs } : 'OK';
    },
    prompt: (_title, text) => {
      seen.push(text);
      return { button: 'OK', text: email };
    },
  };
  return seen;
}

/** Applications that reach the mentee form's own store (and its response tab) without intake running. */
function strangers(emulator: Emulator, count: number): void {
  for (let k = 0; k < count; k++) {
    const who = { name: `Someone ${k}`, email: `someone${k}@example.org`, libraryService: `Service ${k}` };
    emulator.forms.submit(formId(emulator, 'mentee'), answers('mentee', who));
  }
}

const samsResponses = (emulator: Emulator) =>
  emulator.forms
    .data(formId(emulator, 'mentee'))!
    .responses.filter((r) => JSON.stringify(r.answers).toLowerCase().includes(SAM.email));

/**
 * A mentee form whose store takes more than one execution to read (about 6½ minutes of calls): Sam
 * first, 1,100 others (or `others`), Sam again.
 */
function bigForm(others = 1_100): Emulator {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  apply(emulator, 'mentee', { ...SAM, libraryService: 'Home S' });
  strangers(emulator, others);
  apply(emulator, 'mentee', { ...SAM, libraryService: 'Home S, again' });
  emulator.advance(60 * 60_000); // the acknowledgements go out first
  return emulator;
}

describe('Erase a person: a search longer than one execution', () => {
  it('carries on across clicks, erases only once every form is read, and never runs past 6 minutes', () => {
    const emulator = bigForm();
    expect(samsResponses(emulator)).toHaveLength(2);
    const shown = answering(emulator, SAM.email);

    const first: ExecutionResult = click(emulator, ERASE);
    expect(first.ok).toBe(true);
    expect(shown.at(-1)).toMatch(/still reading the answers kept inside the Google Forms/);
    expect(shown.at(-1)).toMatch(/Nothing has been erased yet/);
    expect(shown.at(-1)).toMatch(
      /so far 1 of 2 forms read to the end, and \d+ of the 1102 responses of the one it is reading/,
    );
    // Nothing changed yet: the row, both responses and every stranger's answers are there.
    expect(rows(emulator, 'Applicants').find((r) => r.Email === SAM.email)?.Name).toBe(SAM.name);
    expect(samsResponses(emulator)).toHaveLength(2);
    expect(emulator.properties.stores.script.values.get('erase:search')).toBeTruthy();

    // The next prompt says a search is part-way, without saying whose.
    const prompts = shown.length;
    const clicks: ExecutionResult[] = [first];
    while (!/Erased one person's data/.test(shown.at(-1) ?? '') && clicks.length < 6) {
      clicks.push(click(emulator, ERASE));
      expect(clicks.at(-1)!.ok).toBe(true);
    }
    expect(shown.at(-1)).toMatch(/Erased one person's data/);
    expect(shown[prompts]).toMatch(/part-way through reading the forms for an address given earlier/);
    expect(shown[0]).not.toMatch(/part-way/);
    // More than one execution was needed, and none came near Google's limit.
    expect(clicks.length).toBeGreaterThan(1);
    for (const run of clicks) expect(run.endedAt - run.startedAt).toBeLessThan(SIX_MINUTES);
    // The question was asked once, after the last form had been read to the end.
    expect(shown.filter((text) => text.startsWith('This erases everything'))).toHaveLength(1);

    expect(samsResponses(emulator)).toHaveLength(0);
    expect(emulator.forms.data(formId(emulator, 'mentee'))!.responses).toHaveLength(1_100);
    expect(rows(emulator, 'Applicants').some((r) => r.Name === SAM.name)).toBe(false);
    // The search has served: nothing about it stays in the script properties.
    expect(emulator.properties.stores.script.values.has('erase:search')).toBe(false);
  });

  const responsesRead = (runs: readonly ExecutionResult[]) =>
    runs.reduce((n, run) => n + (run.calls.get('FormResponse.getItemResponses') ?? 0), 0);

  /** Clicks until the erasure is done (at most `most` times); the executions of those clicks. */
  function eraseToTheEnd(emulator: Emulator, shown: string[], most: number): ExecutionResult[] {
    const runs: ExecutionResult[] = [];
    while (!/Erased one person's data/.test(shown.at(-1) ?? '') && runs.length < most)
      runs.push(click(emulator, ERASE));
    expect(shown.at(-1)).toMatch(/Erased one person's data/);
    return runs;
  }

  it('carries on where it stopped, and reads the responses that came in since', () => {
    const emulator = bigForm();
    const shown = answering(emulator, SAM.email);
    const first = click(emulator, ERASE);
    expect(shown.at(-1)).toMatch(/still reading/);
    // Sam applies a third time while the search is half-way.
    apply(emulator, 'mentee', { ...SAM, libraryService: 'Home S, third time' });
    emulator.advance(60 * 60_000);
    const rest = eraseToTheEnd(emulator, shown, 4);
    expect(samsResponses(emulator)).toHaveLength(0);
    // Every response was read once, the new one included (the first click read all of the empty
    // mentor form and part of this one).
    expect(responsesRead([first, ...rest])).toBe(1_103);
  });

  it('erases in the same click when the search ended just in time and Yes came after its 3½ minutes', () => {
    // About 3 minutes of reading, then the question stays open a minute: the check after Yes starts
    // past the search's 3½ minutes but within the 4½.
    const emulator = bigForm(750);
    const shown = answering(emulator, SAM.email, 60_000);
    const run = click(emulator, ERASE);
    expect(run.ok).toBe(true);
    expect(shown.filter((text) => /still reading/.test(text))).toEqual([]);
    expect(shown.at(-1)).toMatch(/Erased one person's data/);
    expect(run.endedAt - run.startedAt).toBeGreaterThan(210_000);
    expect(run.endedAt - run.startedAt).toBeLessThan(SIX_MINUTES);
    expect(samsResponses(emulator)).toHaveLength(0);
  });

  it('reads the forms again when the person has a new applicant ID since (other codes to look for)', () => {
    const emulator = bigForm();
    const shown = answering(emulator, SAM.email);
    click(emulator, ERASE);
    expect(shown.at(-1)).toMatch(/still reading/);
    // Sam applies as a mentor too: a second ID, whose personal codes the search must look for as well.
    apply(emulator, 'mentor', { ...SAM, libraryService: 'Home S' });
    emulator.advance(60 * 60_000);
    const rest = eraseToTheEnd(emulator, shown, 5);
    // Every response of both forms read again: the mentor form's one and the mentee form's 1,102.
    expect(responsesRead(rest)).toBe(1_103);
    expect(samsResponses(emulator)).toHaveLength(0);
    expect(emulator.forms.data(formId(emulator, 'mentor'))!.responses).toHaveLength(0);
  });

  it('keeps hundreds of found responses between clicks (more than one property value holds)', () => {
    const emulator = setUp(newCohort({ mailQuota: 100_000 }));
    apply(emulator, 'mentee', { ...SAM, libraryService: 'Home S' });
    // A stranger typed Sam's address into 300 applications, among 900 others.
    for (let k = 0; k < 1_200; k++) {
      const who =
        k % 4 === 0
          ? { name: `Not Sam ${k}`, email: SAM.email, libraryService: `Service ${k}` }
          : { name: `Someone ${k}`, email: `someone${k}@example.org`, libraryService: `Service ${k}` };
      emulator.forms.submit(formId(emulator, 'mentee'), answers('mentee', who));
    }
    emulator.advance(60 * 60_000);
    expect(samsResponses(emulator)).toHaveLength(301);
    const shown = answering(emulator, SAM.email);
    const first = click(emulator, ERASE);
    expect(first.ok).toBe(true);
    expect(shown.at(-1)).toMatch(/still reading/);
    const kept = [...emulator.properties.stores.script.values.keys()].filter((k) =>
      k.startsWith('erase:search'),
    );
    expect(kept.length).toBeGreaterThan(1);
    eraseToTheEnd(emulator, shown, 4);
    expect(samsResponses(emulator)).toHaveLength(0);
    expect(emulator.forms.data(formId(emulator, 'mentee'))!.responses).toHaveLength(900);
    expect(
      [...emulator.properties.stores.script.values.keys()].filter((k) => k.startsWith('erase:')),
    ).toEqual([]);
  });

  it('still erases when the script properties are full, reading each form once in that click', () => {
    const emulator = bigForm(300);
    // Fill the store to within 100 bytes of Google's 500 KB (as at about 5,000 applicants).
    const values = emulator.properties.stores.script.values;
    const used = () => [...values].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    for (let k = 0; used() < 500 * 1024 - 8_100; k++) values.set(`filler:${k}`, 'x'.repeat(8_000));
    values.set('filler:last', 'x'.repeat(500 * 1024 - 100 - used() - 'filler:last'.length));
    const shown = answering(emulator, SAM.email);
    const run = click(emulator, ERASE);
    expect(run.ok).toBe(true);
    expect(shown.at(-1)).toMatch(/Erased one person's data/);
    expect(samsResponses(emulator)).toHaveLength(0);
    // The check after Yes used what this execution had read: 302 responses read once, not twice.
    expect(responsesRead([run])).toBe(302);
    expect([...values.keys()].filter((k) => k.startsWith('erase:'))).toEqual([]);
  });

  it('reads a form again from its first response when one before its mark was deleted', () => {
    const emulator = bigForm();
    const shown = answering(emulator, SAM.email);
    const first = click(emulator, ERASE);
    expect(shown.at(-1)).toMatch(/still reading/);
    // A stranger's response is deleted by hand in the form, before the search's mark: the positions
    // after it move, so carrying on from the mark would skip a response.
    const form = emulator.forms.data(formId(emulator, 'mentee'))!;
    form.responses.splice(5, 1);
    const rest = eraseToTheEnd(emulator, shown, 4);
    expect(samsResponses(emulator)).toHaveLength(0);
    expect(form.responses).toHaveLength(1_099);
    expect(responsesRead([first])).toBeGreaterThan(100);
    expect(responsesRead(rest)).toBe(1_101);
  });
});
