/**
 * Issue 11.7, "a Sheet a non-programmer can read": Cohort's tabs first in the scheme's order, the
 * forms' response tabs last, no empty "Sheet1", bookkeeping hidden, one date format, long text in
 * rows that do not grow. Through the built bundle, as the coordinator clicks.
 */
import fc from 'fast-check';
import { tabMoves, wantedOrder } from '../../src/adapters/apps-script/tabOrder';
import type { Emulator } from '../../src/emulator/Emulator';
import type { SheetData } from '../../src/emulator/spreadsheet/SheetData';
import { apply, click, edit, newCohort, setUp } from '../support/cohort';

const COHORT_ORDER = ['Settings', 'Programme', 'Applicants', 'Outbox', 'Templates', 'Forms', 'Log'];

const tabs = (emulator: Emulator) => emulator.spreadsheets.active.doc.sheets.map((s) => s.name);
const tab = (emulator: Emulator, name: string): SheetData => emulator.spreadsheets.sheet(name).data;
const column = (data: SheetData, header: string) => {
  const c = (data.values.rows[0] ?? []).indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${data.name}`);
  return c;
};
/** What the coordinator reads after a menu action (the last alert). */
const lastAlert = (emulator: Emulator) =>
  [...emulator.rt.shown].reverse().find((m) => m.kind === 'alert')?.text ?? '';

describe('the tabs a coordinator opens', () => {
  it("set-up puts Cohort's tabs first in the scheme's order and the forms' response tabs last", () => {
    const emulator = setUp(newCohort());
    expect(tabs(emulator)).toEqual([...COHORT_ORDER, 'Form Responses 1', 'Form Responses 2']);
    expect(emulator.spreadsheets.active.doc.activeSheet().name).not.toMatch(/^Form Responses/);
  });

  it('a second set-up moves nothing; a tab moved out of place is put back and nothing else moves', () => {
    const emulator = setUp(newCohort());
    const again = click(emulator, 'Set up programme');
    expect(again.calls.get('Spreadsheet.moveActiveSheet') ?? 0).toBe(0);
    expect(tabs(emulator)).toEqual([...COHORT_ORDER, 'Form Responses 1', 'Form Responses 2']);
    // The coordinator drags Log to the front and adds a tab of their own at the end of Cohort's.
    const doc = emulator.spreadsheets.active.doc;
    doc.moveSheet(doc.sheetByName('Log')!, 0);
    doc.addSheet('My notes', 7);
    const repair = click(emulator, 'Set up programme');
    expect(repair.calls.get('Spreadsheet.moveActiveSheet')).toBe(1);
    expect(tabs(emulator)).toEqual([...COHORT_ORDER, 'My notes', 'Form Responses 1', 'Form Responses 2']);
  });

  it('a coordinator\'s tab whose name is Cohort\'s in other capitals ("outbox") stops Set up with a sentence, and is kept', () => {
    const emulator = newCohort();
    emulator.spreadsheets.active.doc.addSheet('outbox');
    emulator.spreadsheets.typeInto('outbox', 1, 1, 'my own list');
    const run = click(emulator, 'Set up programme');
    expect(run.ok).toBe(true);
    expect(lastAlert(emulator)).toBe(
      'Something went wrong: Google Sheets counts your tab "outbox" and Cohort\'s "Outbox" as one name (capitals do not count). If "outbox" is Cohort\'s tab, renamed, name it "Outbox" again; if it is yours, rename it. Then try again.',
    );
    expect(tabs(emulator)).not.toContain('Outbox');
    expect(emulator.spreadsheets.values('outbox')).toEqual([['my own list']]);
    // Renamed, it is left alone and Set up finishes.
    emulator.spreadsheets.active.doc.sheetByName('outbox')!.name = 'outbox (mine)';
    setUp(emulator);
    expect(tabs(emulator)).toEqual([
      ...COHORT_ORDER,
      'outbox (mine)',
      'Form Responses 1',
      'Form Responses 2',
    ]);
    expect(emulator.spreadsheets.values('outbox (mine)')).toEqual([['my own list']]);
  });

  it("Open mentor choices puts the choices form's response tab last and Choices after Applicants", () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentor', { name: 'Mona Mentor', email: 'mona@example.org' });
    apply(emulator, 'mentee', { name: 'Tom Mentee', email: 'tom@example.org', libraryService: 'Elsewhere' });
    edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
    click(emulator, 'Open mentor choices');
    expect(tabs(emulator)).toEqual([
      'Settings',
      'Programme',
      'Applicants',
      'Launch',
      'Choices',
      'Outbox',
      'Templates',
      'Forms',
      'Log',
      'Form Responses 1',
      'Form Responses 2',
      'Form Responses 3',
    ]);
    click(emulator, 'Run matching');
    expect(tabs(emulator).slice(3, 7)).toEqual(['Launch', 'Choices', 'Matches', 'Outbox']);
  });
});

describe('the empty default tab', () => {
  it('goes once Cohort has its tabs', () => {
    const emulator = newCohort();
    expect(tabs(emulator)).toEqual(['Sheet1']);
    setUp(emulator);
    expect(tabs(emulator)).not.toContain('Sheet1');
    expect(lastAlert(emulator)).toContain('Removed the empty tab "Sheet1".');
  });

  it('goes whatever the language calls it ("Feuille 1")', () => {
    const emulator = newCohort();
    emulator.spreadsheets.active.doc.sheets[0]!.name = 'Feuille 1';
    setUp(emulator);
    expect(tabs(emulator)).not.toContain('Feuille 1');
  });

  it.each([
    ['a value', 'Sheet1', 'my own notes'],
    ['a formula', 'Sheet1', '=1+1'],
  ])('stays when it holds %s', (_what, name, typed) => {
    const emulator = newCohort();
    emulator.spreadsheets.typeInto(name, 3, 2, typed);
    setUp(emulator);
    expect(tabs(emulator)).toContain(name);
    // Kept where the coordinator's own tabs go: after Cohort's, before the responses.
    expect(tabs(emulator).indexOf(name)).toBe(COHORT_ORDER.length);
  });

  it('stays when renamed (then it is the coordinator’s), and is not judged by its name alone', () => {
    const renamed = newCohort();
    renamed.spreadsheets.active.doc.sheets[0]!.name = 'Planning';
    setUp(renamed);
    expect(tabs(renamed)).toContain('Planning');
    // An empty "Sheet1" the coordinator added later (not the file's first tab, id 0) stays too.
    const added = newCohort();
    const doc = added.spreadsheets.active.doc;
    doc.sheets[0]!.name = 'Budget';
    added.spreadsheets.typeInto('Budget', 1, 1, '100');
    doc.addSheet('Sheet1');
    setUp(added);
    expect(tabs(added)).toEqual(expect.arrayContaining(['Budget', 'Sheet1']));
  });
});

describe('what the tabs show', () => {
  it("hides Cohort's bookkeeping columns and shades and freezes every header row", () => {
    const emulator = setUp(newCohort());
    const outbox = tab(emulator, 'Outbox');
    expect(outbox.hiddenColumns[column(outbox, 'Links')]).toBe(true);
    expect(outbox.hiddenColumns[column(outbox, 'Check')]).toBe(true);
    expect(outbox.hiddenColumns[column(outbox, 'Body')]).toBeFalsy();
    const programme = tab(emulator, 'Programme');
    expect(programme.hiddenColumns[column(programme, 'Event ID')]).toBe(true);
    for (const name of COHORT_ORDER) {
      const data = tab(emulator, name);
      expect([name, data.frozenRows, data.fontWeights.get(0, 0), data.backgrounds.get(0, 0)]).toEqual([
        name,
        1,
        'bold',
        '#e8eaed',
      ]);
    }
  });

  it('wraps long text in rows of a fixed height, read from the top', () => {
    const emulator = setUp(newCohort());
    const applicants = tab(emulator, 'Applicants');
    const statement = column(applicants, 'Statement');
    expect(applicants.wraps.get(1, statement)).toBe(true);
    expect(applicants.wraps.get(999, statement)).toBe(true);
    expect(applicants.wraps.get(1, column(applicants, 'Email'))).toBeUndefined();
    expect(applicants.verticalAlignments.get(1, 0)).toBe('top');
    expect(applicants.rowHeights[1]).toBe(60);
    expect(applicants.rowHeights[0]).toBeUndefined();
    expect(tab(emulator, 'Outbox').wraps.get(1, column(tab(emulator, 'Outbox'), 'Body'))).toBe(true);
  });

  it('shows every date-time Cohort writes as dd/mm/yyyy hh:mm, as the submission history writes it', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentee', { name: 'Tom Mentee', email: 'tom@example.org' });
    const dateColumns: Array<[string, string]> = [
      ['Applicants', 'Last submitted'],
      ['Applicants', 'First submitted'],
      ['Outbox', 'Queued at'],
      ['Outbox', 'Sent at'],
      ['Log', 'Time'],
      ['Programme', 'Last synced'],
    ];
    for (const [name, header] of dateColumns) {
      const data = tab(emulator, name);
      expect([name, header, data.formats.get(1, column(data, header))]).toEqual([
        name,
        header,
        'dd/mm/yyyy hh:mm',
      ]);
    }
    const sheet = emulator.spreadsheets.sheet('Applicants');
    const data = sheet.data;
    const shown = sheet.getRange(2, 1, 1, data.lastColumn()).getDisplayValues()[0]!;
    // 24 March 2025 just after 09:00 in London (GMT), in the cell and in the history text alike.
    const cell = shown[column(data, 'Last submitted')];
    expect(cell).toMatch(/^24\/03\/2025 09:0\d$/);
    expect(shown[column(data, 'Submission history')]).toBe(`1 submission: ${cell}`);
  });

  it("says so when the spreadsheet's zone is not the programme's, and leaves the zone as it is", () => {
    const same = setUp(newCohort());
    expect(lastAlert(same)).not.toContain('shows times in');
    const other = newCohort({ spreadsheetTimeZone: 'America/New_York' });
    click(other, 'Set up programme');
    expect(lastAlert(other)).toContain(
      'This spreadsheet shows times in America/New_York, but the programme runs on Europe/London time',
    );
    expect(other.spreadsheets.active.doc.timeZone).toBe('America/New_York');
  });
});

describe('tabs an older Cohort made', () => {
  /** An Outbox as Cohort made it before tabs were laid out: bold header, no shade, ISO dates, all visible. */
  function olderOutbox(emulator: Emulator): SheetData {
    const data = emulator.spreadsheets.active.doc.addSheet('Outbox');
    const headers = ['Key', 'To', 'Name', 'Template', 'Subject', 'Body', 'Status', 'Attempts'];
    const more = ['Queued at', 'Sent at', 'Error', 'Links', 'Check'];
    [...headers, ...more].forEach((h, c) => {
      data.values.set(0, c, h);
      data.fontWeights.set(0, c, 'bold');
    });
    data.formats.fill(1, 8, 999, 2, 'yyyy-mm-dd hh:mm');
    data.frozenRows = 1;
    return data;
  }

  it('are laid out by set-up once; what the coordinator changes afterwards is kept', () => {
    const emulator = newCohort();
    const outbox = olderOutbox(emulator);
    setUp(emulator);
    expect(outbox.hiddenColumns[column(outbox, 'Links')]).toBe(true);
    expect(outbox.formats.get(1, column(outbox, 'Queued at'))).toBe('dd/mm/yyyy hh:mm');
    expect(outbox.backgrounds.get(0, 0)).toBe('#e8eaed');
    // The coordinator shows Links again to look at them: the next set-up leaves it shown.
    outbox.hiddenColumns[column(outbox, 'Links')] = false;
    click(emulator, 'Set up programme');
    expect(outbox.hiddenColumns[column(outbox, 'Links')]).toBe(false);
  });
});

describe('the fewest moves (the arithmetic behind arrangeTabs)', () => {
  /** What moveActiveSheet(position) does, applied to a list of names. */
  const apply = (names: readonly string[], moves: ReturnType<typeof tabMoves>) =>
    moves.reduce((order, { name, position }) => {
      const others = order.filter((t) => t !== name);
      return [...others.slice(0, position - 1), name, ...others.slice(position - 1)];
    }, names);

  it('reaches the wanted order, within bounds, and moves nothing already in order', () => {
    const names = fc.uniqueArray(fc.constantFrom('S', 'P', 'A', 'O', 'T', 'F', 'L', 'R1', 'R2', 'R3', 'N'), {
      minLength: 1,
    });
    fc.assert(
      fc.property(names, (current) => {
        const wanted = wantedOrder(current, ['S', 'P', 'A', 'O', 'T', 'F', 'L'], ['R1', 'R2', 'R3']);
        const moves = tabMoves(current, wanted);
        expect(apply(current, moves)).toEqual(wanted);
        for (const m of moves) expect(m.position >= 1 && m.position <= current.length).toBe(true);
        expect(tabMoves(wanted, wanted)).toEqual([]);
        // Never more moves than tabs that are not where they should be.
        expect(moves.length).toBeLessThanOrEqual(current.filter((t, i) => wanted[i] !== t).length);
      }),
    );
  });

  it('moves only the response tabs Google put first', () => {
    const current = ['Form Responses 2', 'Form Responses 1', 'Settings', 'Applicants', 'Log'];
    const wanted = wantedOrder(
      current,
      ['Settings', 'Applicants', 'Log'],
      ['Form Responses 1', 'Form Responses 2'],
    );
    expect(wanted).toEqual(['Settings', 'Applicants', 'Log', 'Form Responses 1', 'Form Responses 2']);
    expect(tabMoves(current, wanted).map((m) => m.name)).toEqual(['Form Responses 1', 'Form Responses 2']);
  });
});
