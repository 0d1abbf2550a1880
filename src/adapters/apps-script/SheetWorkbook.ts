import { fitCell, neutraliseFormula } from '../../domain/text';
import {
  type Cell,
  type ProseSource,
  type RowChange,
  type RowValues,
  TabDamaged,
  type Table,
  type TableRow,
  TabMissing,
  type TabRepair,
  type TabSpec,
  type Workbook,
} from '../../ports';
import { layOutColumns, NO_BACKGROUND, type PlacedColumn, styleHeader } from './sheetLayout';
import { tabMoves, wantedOrder } from './tabOrder';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A value as it goes into a cell: text that could run as a formula is made inert, and it fits. */
export function toCell(value: Cell | undefined): Cell {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? fitCell(neutraliseFormula(value)) : value;
}

/**
 * A value as read back: the apostrophe `toCell` put before text that could run is taken off again
 * (Sheets hides it in a normal cell but keeps it in a plain-text one), so text round-trips unchanged.
 */
function fromCell(value: unknown): Cell {
  if (typeof value === 'string' && /^'\s*[=+\-@]/.test(value)) return value.slice(1);
  return value as Cell;
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

const nameOf = (tab: string | TabSpec) => (typeof tab === 'string' ? tab : tab.name);

/** A tab that holds rows must still have the columns Cohort cannot do without. */
function checkRequired(tab: string | TabSpec, headers: readonly string[], hasRows: boolean): void {
  if (typeof tab === 'string' || !hasRows) return;
  const lost = tab.columns.find((c) => c.required && !headers.includes(c.header));
  if (lost) throw new TabDamaged(tab.name, lost.header);
}

/** Sheet rows (the first is row `firstRow`) as records by header; blank rows are skipped. */
function toRows(headers: readonly string[], values: readonly unknown[][], firstRow: number): TableRow[] {
  const rows: TableRow[] = [];
  values.forEach((raw, i) => {
    if (isBlankRow(raw)) return;
    const record: RowValues = {};
    headers.forEach((h, c) => {
      if (h !== '' && !(h in record)) record[h] = fromCell(raw[c]);
    });
    rows.push({ rowNumber: firstRow + i, values: record });
  });
  return rows;
}

/**
 * The Workbook port on SpreadsheetApp. Tabs are addressed by header name; each read is one
 * getValues, each write one setValues per block of contiguous rows.
 */
export class SheetWorkbook implements Workbook {
  /** Rows appended in this execution, so a second append goes below the first. */
  private readonly appended = new Map<string, number>();

  /** `prose` gives the columns' header notes, read only when a tab or a column is made. */
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly prose: ProseSource,
  ) {}

  private zone: string | null = null;

  timeZone(): string {
    this.zone ??= this.spreadsheet.getSpreadsheetTimeZone();
    return this.zone;
  }

  spreadsheetId(): string {
    return this.spreadsheet.getId();
  }

  spreadsheetUrl(): string {
    return this.spreadsheet.getUrl();
  }

  tabNames(): string[] {
    return this.spreadsheet.getSheets().map((s) => s.getName());
  }

  renameTab(from: string, to: string): void {
    this.sheet(from).setName(to);
  }

  hideTab(name: string): void {
    const sheet = this.sheet(name);
    if (!sheet.isSheetHidden()) sheet.hideSheet();
  }

  hasTab(name: string): boolean {
    return this.spreadsheet.getSheetByName(name) !== null;
  }

  ensureTab(spec: TabSpec): TabRepair {
    const existing = this.spreadsheet.getSheetByName(spec.name);
    if (!existing) {
      const sheet = this.insert(spec);
      const headers = spec.columns.map((c) => c.header);
      this.addColumns(sheet, spec.name, spec.columns, headers, 1);
      if (spec.seed && spec.seed.length > 0) {
        sheet
          .getRange(2, 1, spec.seed.length, headers.length)
          .setValues(spec.seed.map((r) => headers.map((h) => toCell(r[h]))));
      }
      return 'created';
    }
    const lastColumn = existing.getLastColumn();
    const headers =
      lastColumn > 0
        ? existing
            .getRange(1, 1, 1, lastColumn)
            .getValues()[0]!
            .map((h) => String(h).trim())
        : [];
    const missing = spec.columns.filter((c) => !headers.includes(c.header));
    if (missing.length === 0) return 'unchanged';
    const lost = missing.find((c) => c.required);
    if (lost && existing.getLastRow() > 1) throw new TabDamaged(spec.name, lost.header);
    this.addColumns(
      existing,
      spec.name,
      missing,
      [...headers, ...missing.map((c) => c.header)],
      headers.length + 1,
    );
    return 'repaired';
  }

  /**
   * Google refuses a tab name another tab holds in other capitals (an "outbox" of the coordinator's
   * blocks Cohort's "Outbox"; see docs/google-behaviour.md): said in the coordinator's words.
   */
  private insert(spec: TabSpec): Sheet {
    const index = this.placeFor(spec);
    try {
      return index === undefined
        ? this.spreadsheet.insertSheet(spec.name)
        : this.spreadsheet.insertSheet(spec.name, index);
    } catch (e) {
      const name = spec.name;
      const theirs = this.tabNames().find((t) => t.toLowerCase() === name.toLowerCase());
      if (theirs === undefined) throw e;
      throw new Error(
        `Google Sheets counts your tab "${theirs}" and Cohort's "${name}" as one name (capitals do not count). If "${theirs}" is Cohort's tab, renamed, name it "${name}" again; if it is yours, rename it. Then try again.`,
      );
    }
  }

  /** 0-based index for a new tab: right after the nearest of the tabs it follows (TabSpec.after). */
  private placeFor(spec: TabSpec): number | undefined {
    if (!spec.after) return undefined;
    const names = this.tabNames();
    for (const name of spec.after) {
      const i = names.indexOf(name);
      if (i >= 0) return i + 1;
    }
    return 0;
  }

  /** Lays out the new columns, then writes and styles the header cells from `firstColumn` on. */
  private addColumns(
    sheet: Sheet,
    tab: string,
    columns: TabSpec['columns'],
    allHeaders: string[],
    firstColumn: number,
  ): void {
    const newHeaders = allHeaders.slice(firstColumn - 1);
    layOutColumns(
      sheet,
      columns.map((spec, i) => ({ spec, position: firstColumn + i })),
      true,
    );
    // The header goes after the formats: it is what tells the next run the columns are there, so a
    // run cut off before it is repaired whole (formats too) instead of leaving text columns that read
    // dates. Cut off before the header's style, the next run's layOutTab styles it (no shade yet).
    sheet.getRange(1, firstColumn, 1, newHeaders.length).setValues([newHeaders]);
    styleHeader(sheet, firstColumn, newHeaders.length);
    // Each new header's note, if it has one: what to type there, or that Cohort fills it in.
    const said = this.prose.read().columnNotes[tab] ?? {};
    const notes = newHeaders.map((header) => said[header] ?? '');
    if (notes.some(Boolean)) sheet.getRange(1, firstColumn, 1, notes.length).setNotes([notes]);
  }

  layOutTab(spec: TabSpec): boolean {
    const sheet = this.spreadsheet.getSheetByName(spec.name);
    const lastColumn = sheet?.getLastColumn() ?? 0;
    if (!sheet || lastColumn === 0) return false;
    const header = sheet.getRange(1, 1, 1, lastColumn);
    // A shaded header is Cohort's (or the coordinator's own styling): either way, left alone.
    if (header.getBackground() !== NO_BACKGROUND) return false;
    const headers = header.getValues()[0]!.map((h) => String(h).trim());
    const columns: PlacedColumn[] = [];
    for (const column of spec.columns) {
      const position = headers.indexOf(column.header) + 1;
      if (position > 0) columns.push({ spec: column, position });
    }
    styleHeader(sheet, 1, lastColumn);
    layOutColumns(sheet, columns, false);
    return true;
  }

  noteHeaders(tab: string): number {
    const said = this.prose.read().columnNotes[tab];
    const sheet = said ? this.spreadsheet.getSheetByName(tab) : null;
    const lastColumn = sheet?.getLastColumn() ?? 0;
    if (!said || !sheet || lastColumn === 0) return 0;
    const header = sheet.getRange(1, 1, 1, lastColumn);
    const headers = header.getValues()[0]!.map((h) => String(h).trim());
    const notes = header.getNotes()[0]!;
    const wanted = headers.map((h, c) => notes[c] || said[h] || '');
    const written = wanted.filter((note, c) => note !== (notes[c] ?? '')).length;
    if (written > 0) header.setNotes([wanted]);
    return written;
  }

  arrangeTabs(first: readonly string[], last: readonly string[]): string[] {
    const sheets = this.spreadsheet.getSheets();
    const names = sheets.map((s) => s.getName());
    const moves = tabMoves(names, wantedOrder(names, first, last));
    if (moves.length === 0) return [];
    // Apps Script moves only the active tab; the coordinator is put back on the tab they were on.
    const active = this.spreadsheet.getActiveSheet();
    for (const move of moves) {
      const sheet = sheets[names.indexOf(move.name)]!;
      // Activating a hidden tab (an earlier cohort's) may show it: it is hidden again once moved.
      const hidden = sheet.isSheetHidden();
      this.spreadsheet.setActiveSheet(sheet);
      this.spreadsheet.moveActiveSheet(move.position);
      if (hidden && !sheet.isSheetHidden()) sheet.hideSheet();
    }
    this.spreadsheet.setActiveSheet(active);
    return moves.map((m) => m.name);
  }

  /**
   * A new spreadsheet's first tab has id 0 (its link ends in #gid=0) and a name ending in 1 in
   * every language ("Sheet1", "Feuille 1", "Tabellenblatt1", "Hoja 1"): both, and no content, is
   * the untouched default. A renamed or used one is the coordinator's.
   */
  removeBlankFirstTab(keep: readonly string[]): string | null {
    const sheets = this.spreadsheet.getSheets();
    if (sheets.length < 2) return null;
    const first = sheets.find((s) => s.getSheetId() === 0);
    if (!first) return null;
    const name = first.getName();
    if (keep.includes(name) || !/1$/.test(name)) return null;
    // getLastRow/getLastColumn count values and formulas ("the last row that has content").
    if (first.getLastRow() > 0 || first.getLastColumn() > 0) return null;
    this.spreadsheet.deleteSheet(first);
    return name;
  }

  read(tab: string | TabSpec): Table {
    const name = nameOf(tab);
    const sheet = this.sheet(name);
    const values = sheet.getDataRange().getValues();
    const headers = (values[0] ?? []).map((h) => String(h).trim());
    checkRequired(tab, headers, values.length > 1);
    const lastRow = values.length === 1 && isBlankRow(values[0]!) ? 0 : values.length;
    return { name, headers, rows: toRows(headers, values.slice(1), 2), lastRow };
  }

  readRows(tab: string | TabSpec, from: number, to: number): Table {
    const head = this.readHeader(tab);
    const first = Math.max(2, Math.floor(from));
    const last = Math.min(head.lastRow, Math.floor(to));
    if (last < first) return head;
    const values = this.sheet(head.name)
      .getRange(first, 1, last - first + 1, Math.max(head.headers.length, 1))
      .getValues();
    return { ...head, rows: toRows(head.headers, values, first) };
  }

  readHeader(tab: string | TabSpec): Table {
    const name = nameOf(tab);
    const sheet = this.sheet(name);
    const lastColumn = Math.max(sheet.getLastColumn(), 1);
    const headers = sheet
      .getRange(1, 1, 1, lastColumn)
      .getValues()[0]!
      .map((h) => String(h).trim());
    const lastRow = sheet.getLastRow();
    checkRequired(tab, headers, lastRow > 1);
    return { name, headers, rows: [], lastRow };
  }

  update(table: Table, changes: readonly RowChange[]): void {
    if (changes.length === 0) return;
    const sheet = this.sheet(table.name);
    const byRow = new Map<number, RowValues>();
    for (const change of changes)
      byRow.set(change.rowNumber, { ...(byRow.get(change.rowNumber) ?? {}), ...change.values });
    const current = new Map(table.rows.map((r) => [r.rowNumber, r.values]));
    const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
    let start = 0;
    while (start < rowNumbers.length) {
      let end = start;
      while (end + 1 < rowNumbers.length && rowNumbers[end + 1] === rowNumbers[end]! + 1) end++;
      const block = rowNumbers.slice(start, end + 1);
      const touched = new Set<string>();
      for (const r of block) for (const h of Object.keys(byRow.get(r)!)) touched.add(h);
      const columns = [...touched].map((h) => this.column(table, h));
      const first = Math.min(...columns);
      const last = Math.max(...columns);
      const matrix = block.map((r) => {
        const merged = { ...(current.get(r) ?? {}), ...byRow.get(r)! };
        return table.headers.slice(first - 1, last).map((h) => toCell(merged[h]));
      });
      sheet.getRange(block[0]!, first, block.length, last - first + 1).setValues(matrix);
      start = end + 1;
    }
  }

  append(table: Table, rows: readonly RowValues[]): number[] {
    if (rows.length === 0) return [];
    const sheet = this.sheet(table.name);
    const after = Math.max(table.lastRow, this.appended.get(table.name) ?? 0, 1);
    for (const row of rows) for (const h of Object.keys(row)) this.column(table, h);
    const width = table.headers.length;
    // A sheet has a fixed number of rows; writing below them fails, so grow it first.
    const maxRows = sheet.getMaxRows();
    // Grow with 500 rows to spare, so most appends need no growth at all.
    if (after + rows.length > maxRows) sheet.insertRowsAfter(maxRows, after + rows.length - maxRows + 500);
    sheet
      .getRange(after + 1, 1, rows.length, width)
      .setValues(rows.map((r) => table.headers.map((h) => toCell(r[h]))));
    this.appended.set(table.name, after + rows.length);
    return rows.map((_, i) => after + 1 + i);
  }

  private column(table: Table, header: string): number {
    const index = table.headers.indexOf(header);
    if (index < 0) {
      throw new Error(
        `The "${table.name}" tab has no "${header}" column. Run Mentoring → Set up programme to repair it.`,
      );
    }
    return index + 1;
  }

  private sheet(name: string): Sheet {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new TabMissing(name);
    return sheet;
  }
}
