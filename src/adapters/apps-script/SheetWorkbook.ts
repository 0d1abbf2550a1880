import { fitCell, neutraliseFormula } from '../../domain/text';
import {
  type Cell,
  type ColumnSpec,
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

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Pixels per column kind, so dates and sentences are readable without resizing. */
const COLUMN_WIDTH: Readonly<Record<ColumnSpec['kind'], number>> = {
  text: 180,
  date: 140,
  number: 90,
  boolean: 90,
};

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

  constructor(private readonly spreadsheet: Spreadsheet) {}

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
      const sheet = this.spreadsheet.insertSheet(spec.name);
      this.writeHeaderAndFormats(
        sheet,
        spec,
        spec.columns.map((c) => c.header),
        1,
      );
      if (spec.seed && spec.seed.length > 0) {
        const headers = spec.columns.map((c) => c.header);
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
    this.writeHeaderAndFormats(
      existing,
      { ...spec, columns: missing },
      [...headers, ...missing.map((c) => c.header)],
      headers.length + 1,
    );
    return 'repaired';
  }

  /** Formats the columns of `spec.columns`, then writes the header cells from `firstColumn` on. */
  private writeHeaderAndFormats(
    sheet: Sheet,
    spec: TabSpec,
    allHeaders: string[],
    firstColumn: number,
  ): void {
    const newHeaders = allHeaders.slice(firstColumn - 1);
    const rows = Math.max(sheet.getMaxRows() - 1, 1);
    spec.columns.forEach((column, i) => {
      sheet.setColumnWidth(firstColumn + i, COLUMN_WIDTH[column.kind]);
      const range = sheet.getRange(2, firstColumn + i, rows, 1);
      if (column.kind === 'text') range.setNumberFormat('@');
      if (column.kind === 'date') range.setNumberFormat('yyyy-mm-dd hh:mm');
      if (column.choices) {
        const rule = SpreadsheetApp.newDataValidation()
          .requireValueInList([...column.choices], true)
          .setAllowInvalid(true)
          .build();
        range.setDataValidation(rule);
      }
    });
    // The header goes last: it is what tells the next run the columns are there, so a run cut off
    // before it is repaired whole (formats too) instead of leaving text columns that read dates.
    sheet.setFrozenRows(1);
    sheet.getRange(1, firstColumn, 1, newHeaders.length).setValues([newHeaders]).setFontWeight('bold');
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
