import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Emulator } from '../../src/emulator/Emulator';
import { edit, PROJECT, rows } from '../support/cohort';
import {
  afterTheFinale,
  at,
  cohortThroughTheYear,
  EVERYONE,
  moveTo,
  personalCells,
  say,
} from './close.helpers';

const EXPORT = 'Export for the evaluator';

function exportFile(emulator: Emulator) {
  const files = emulator.spreadsheets.createdFiles();
  expect(files).toHaveLength(1);
  return files[0]!;
}

/** Every cell of every tab of the export, as text. */
function exportCells(emulator: Emulator) {
  const file = exportFile(emulator);
  return file.file.doc.sheets.flatMap((s) =>
    emulator.spreadsheets
      .valuesOf(file.id, s.name)
      .flatMap((row, r) => row.map((v, c) => ({ where: `${s.name}!R${r + 1}C${c + 1}`, text: String(v) }))),
  );
}

const tab = (emulator: Emulator, name: string) => {
  const [header = [], ...data] = emulator.spreadsheets.valuesOf(exportFile(emulator).id, name);
  return data.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};

describe('Export for the evaluator', () => {
  it('holds no name, address or library service of anyone, and no free text', () => {
    const emulator = afterTheFinale();
    // The answered check-ins of those who agreed; the one that needs review is nobody's.
    const agreed = new Set(
      rows(emulator, 'Applicants')
        .filter((r) => EVERYONE.find((m) => m.email === r.Email)?.consents)
        .map((r) => String(r.ID)),
    );
    const answered = rows(emulator, 'CheckIns').filter(
      (r) => r.Status === 'Answered' && agreed.has(String(r['Person ID'])),
    ).length;
    expect(answered).toBeGreaterThan(2);
    expect(rows(emulator, 'CheckIns').some((r) => r.Status === 'Needs review')).toBe(true);
    expect(say(emulator, EXPORT)).toContain(
      `The evaluator's export is ready: 5 participants, 3 pairs, ${answered} check-in answers.`,
    );
    const cells = exportCells(emulator);
    expect(cells.length).toBeGreaterThan(40);
    expect(personalCells(cells)).toEqual([]);
    // The check-ins' notes name people and places: none of their words is in the file.
    expect(cells.filter((c) => /Met |write to|@/.test(c.text))).toEqual([]);
    // The same check of the bound spreadsheet finds them all: the check can fail.
    const sheetCells = emulator.spreadsheets.active.doc.sheets.flatMap((s) =>
      emulator.spreadsheets
        .values(s.name)
        .flat()
        .map((v) => ({ where: s.name, text: String(v) })),
    );
    expect(new Set(personalCells(sheetCells).map((c) => c.split(': ')[1])).size).toBe(EVERYONE.length * 3);
  });

  it('lists only those who agreed, under pseudonyms that are not their IDs', () => {
    const emulator = afterTheFinale();
    say(emulator, EXPORT);
    const participants = tab(emulator, 'Participants');
    expect(participants.map((p) => p.Role).sort()).toEqual([
      'Mentee',
      'Mentee',
      'Mentee',
      'Mentor',
      'Mentor',
    ]);
    expect(participants.filter((p) => p['Took part to the end'] === 'No')).toHaveLength(1);
    const ids = rows(emulator, 'Applicants').map((r) => String(r.ID));
    for (const p of participants) {
      expect(String(p.Pseudonym)).toMatch(/^P-[A-Z2-9]{10}$/);
      for (const id of ids) expect(String(p.Pseudonym)).not.toContain(id);
    }
    const cells = exportCells(emulator).map((c) => c.text);
    for (const id of ids) expect(cells.some((t) => t.includes(id))).toBe(false);
    const known = new Set(participants.map((p) => p.Pseudonym));
    for (const c of tab(emulator, 'Check-ins')) expect(known.has(c.Pseudonym)).toBe(true);
    const pairs = tab(emulator, 'Pairs');
    // Four pairs; the one where neither side agreed is not in it.
    expect(pairs.length).toBe(3);
    for (const pair of pairs) {
      for (const side of [pair.Mentee, pair.Mentor]) if (side !== '') expect(known.has(side)).toBe(true);
      expect(['1st', '2nd', '3rd', 'not chosen', '']).toContain(pair['Choice rank']);
    }
    expect(emulator.properties.stores.script.values.get('secret:evaluation')).toMatch(/^[0-9a-f]{40,}$/);
  });

  it('updates the same file in place on a second click, with the same pseudonyms', () => {
    const emulator = afterTheFinale();
    say(emulator, EXPORT);
    const first = exportFile(emulator);
    const before = tab(emulator, 'Participants').map((p) => p.Pseudonym);
    edit(emulator, 'CheckIns', (r) => r.Round === 1, { Round: 2 });
    expect(say(emulator, EXPORT)).toMatch(/updated in place \(same file, same link\)[\s\S]*up to date/);
    expect(exportFile(emulator).id).toBe(first.id);
    expect(tab(emulator, 'Participants').map((p) => p.Pseudonym)).toEqual(before);
    expect(tab(emulator, 'Check-ins').every((c) => c.Round === 2)).toBe(true);
    const link = rows(emulator, 'Forms').find((r) => String(r.Form).startsWith('Evaluator'));
    expect(link?.['Edit link']).toBe(`https://docs.google.com/spreadsheets/d/${first.id}/edit`);
  });

  it('waits for the finale', () => {
    const emulator = cohortThroughTheYear();
    moveTo(emulator, at('2025-11-24T10:00:00Z'));
    expect(say(emulator, EXPORT)).toContain('is for after the finale');
    expect(emulator.spreadsheets.createdFiles()).toEqual([]);
  });

  it('is saved offline as its own xlsx, and found again after the workspace is reopened', async () => {
    const emulator = afterTheFinale();
    say(emulator, EXPORT);
    const dir = mkdtempSync(join(tmpdir(), 'cohort-export-'));
    await emulator.save(dir);
    const file = exportFile(emulator);
    expect(file.xlsxFile).toMatch(
      /^exports\/libraries-connected-peer-mentoring-scheme-2025-evaluation-data-pseudonymised\.xlsx$/,
    );
    expect(existsSync(join(dir, file.xlsxFile))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, file.xlsxFile));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Participants', 'Pairs', 'Check-ins']);
    const back = (await Emulator.open(dir)).loadProject(PROJECT);
    back.run('onOpen', { authMode: 'LIMITED' }, 'simple-trigger');
    back.rt.dialogs = emulator.rt.dialogs;
    say(back, EXPORT);
    expect(back.spreadsheets.createdFiles().map((f) => f.id)).toEqual([file.id]);
  });
});
