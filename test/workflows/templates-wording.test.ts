import { defaultTemplates } from '../../src/domain/default-templates';
import { shortHash } from '../../src/domain/fingerprint';
import { PROSE } from '../../src/domain/prose';
import type { Emulator } from '../../src/emulator/Emulator';
import { click, edit, newCohort, rows, setUp } from '../support/cohort';

const DEFAULT_TEMPLATES = defaultTemplates(PROSE);

const RECORD = 'templates:written';
const wording = (subject: string, body: string) => shortHash(`${subject}\n\n${body}`);
const byKey = (key: string) => DEFAULT_TEMPLATES.find((t) => t.key === key)!;

const store = (emulator: Emulator) => emulator.properties.stores.script.values;
const record = (emulator: Emulator) =>
  JSON.parse(store(emulator).get(RECORD) ?? '{}') as Record<string, string>;
const row = (emulator: Emulator, key: string) => rows(emulator, 'Templates').find((r) => r.Key === key)!;

/** Set up programme, run again after an update; what it told the coordinator. */
function setUpAgain(emulator: Emulator): string {
  const shown = emulator.rt.shown.length;
  click(emulator, 'Set up programme');
  return emulator.rt.shown
    .slice(shown)
    .map((m) => m.text)
    .join('\n');
}

/** As an older Cohort would have left a template: its own words then, and its record of them. */
function olderWording(emulator: Emulator, key: string, subject: string, body: string): void {
  edit(emulator, 'Templates', (r) => r.Key === key, { Subject: subject, Body: body });
  store(emulator).set(RECORD, JSON.stringify({ ...record(emulator), [key]: wording(subject, body) }));
}

describe('Set up programme after an update: the emails Cohort words', () => {
  it('remembers what it wrote in each template when it first sets up', () => {
    const emulator = setUp(newCohort());
    const written = record(emulator);
    expect(Object.keys(written).sort()).toEqual(DEFAULT_TEMPLATES.map((t) => t.key).sort());
    for (const t of DEFAULT_TEMPLATES) expect(written[t.key]).toBe(wording(t.subject, t.body));
  });

  it('rewords the templates the coordinator left alone, and never one they edited', () => {
    const emulator = setUp(newCohort());
    const untouched = 'decision-mentee-waitlisted';
    const edited = 'decision-mentor-waitlisted';
    olderWording(emulator, untouched, 'Waiting list', 'Dear {{name}}, you are on the list.');
    edit(emulator, 'Templates', (r) => r.Key === edited, { Body: 'Dear {{name}}, in my own words.' });
    edit(emulator, 'Templates', (r) => r.Key === 'acknowledgement-mentor', {
      'Placeholders you can use': '',
    });

    const said = setUpAgain(emulator);
    expect(said).toContain(`Templates you had not edited now have this version's wording: ${untouched}.`);
    expect(row(emulator, untouched).Subject).toBe(byKey(untouched).subject);
    expect(row(emulator, untouched).Body).toBe(byKey(untouched).body);
    expect(row(emulator, edited).Body).toBe('Dear {{name}}, in my own words.');
    // The list of placeholders is Cohort's to keep up to date.
    expect(row(emulator, 'acknowledgement-mentor')['Placeholders you can use']).toContain('{{name}}');
    expect(record(emulator)[untouched]).toBe(wording(byKey(untouched).subject, byKey(untouched).body));

    // Nothing left to reword the next time.
    expect(setUpAgain(emulator)).not.toContain("this version's wording");
    expect(row(emulator, edited).Body).toBe('Dear {{name}}, in my own words.');
  });

  it('still sets up, and rewords, when the script properties are full', () => {
    const emulator = setUp(newCohort());
    const key = 'decision-mentee-waitlisted';
    olderWording(emulator, key, 'Waiting list', 'Dear {{name}}, you are on the list.');
    // A record of that one template only: the one Set up writes now is longer than the room left.
    store(emulator).set(RECORD, JSON.stringify({ [key]: record(emulator)[key] }));
    const values = store(emulator);
    const used = () => [...values].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    for (let k = 0; used() < 500 * 1024 - 8_100; k++) values.set(`filler:${k}`, 'x'.repeat(8_000));
    values.set('filler:last', 'x'.repeat(500 * 1024 - 50 - used() - 'filler:last'.length));
    expect(setUpAgain(emulator)).toContain(`now have this version's wording: ${key}.`);
    expect(row(emulator, key).Body).toBe(byKey(key).body);
  });

  it('leaves wording it has no record of, and starts a record of the rows that match today', () => {
    const emulator = setUp(newCohort());
    // A Sheet set up before Cohort kept the record: one template in an older wording.
    store(emulator).delete(RECORD);
    const older = 'decision-mentee-selected';
    edit(emulator, 'Templates', (r) => r.Key === older, { Body: 'Dear {{name}}, welcome aboard.' });

    expect(setUpAgain(emulator)).not.toContain("this version's wording");
    expect(row(emulator, older).Body).toBe('Dear {{name}}, welcome aboard.');
    const written = record(emulator);
    expect(written[older]).toBeUndefined();
    expect(Object.keys(written)).toHaveLength(DEFAULT_TEMPLATES.length - 1);
  });
});

describe('Set up programme after an update: the notes of the settings', () => {
  const note = (emulator: Emulator) =>
    rows(emulator, 'Settings').find((r) => r.Key === 'decisionsSendAt')!.Note;

  it('rewrites a note an earlier version wrote, and never one the coordinator wrote', () => {
    const emulator = setUp(newCohort());
    expect(note(emulator)).toBe(PROSE.settingNotes.decisionsSendAt);
    edit(emulator, 'Settings', (r) => r.Key === 'decisionsSendAt', {
      Note: PROSE.settingNotesBefore.decisionsSendAt![0]!,
    });
    const said = setUpAgain(emulator);
    expect(said).toContain(
      'The notes of these settings now say what this version does: "Send decisions at".',
    );
    expect(note(emulator)).toBe(PROSE.settingNotes.decisionsSendAt);

    edit(emulator, 'Settings', (r) => r.Key === 'decisionsSendAt', { Note: 'Ask Becky first.' });
    expect(setUpAgain(emulator)).not.toContain('The notes of these settings');
    expect(note(emulator)).toBe('Ask Becky first.');
  });
});
