import { ScriptException } from '../runtime/errors';
import { CELL_WRITE_MS } from '../runtime/latency';
import type { Runtime } from '../runtime/Runtime';
import { type GridArea, parseA1 } from './a1';
import { assertCellsFit, cellFromScript } from './cellInput';
import { checkArea, Range } from './Range';
import type { SheetData } from './SheetData';
import type { Spreadsheet } from './Spreadsheet';
import type { SpreadsheetData } from './SpreadsheetData';

/** [uncertain] wording when a deletion would leave no unfrozen row. */
const ALL_ROWS_MESSAGE = 'Sorry, it is not possible to delete all non-frozen rows.';

/** Script-visible Sheet (one tab). */
export class Sheet
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Sheet,
      | 'getName'
      | 'getSheetId'
      | 'getIndex'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'getFrozenRows'
      | 'getFrozenColumns'
      | 'isColumnHiddenByUser'
      | 'isSheetHidden'
    >
{
  constructor(
    private readonly rt: Runtime,
    private readonly doc: SpreadsheetData,
    private readonly parent: Spreadsheet,
    /** Host-side: the stored tab. */
    readonly data: SheetData,
  ) {}

  getName(): string {
    this.rt.call('Sheet.getName');
    return this.data.name;
  }

  /** Refuses a name another tab holds in any case, as insertSheet does; its own name in another case is fine. */
  setName(name: string): this {
    this.rt.call('Sheet.setName');
    const next = String(name);
    if (this.doc.nameTaken(next, this.data)) {
      throw new ScriptException(`A sheet with the name "${next}" already exists. Please enter another name.`);
    }
    this.data.name = next;
    return this;
  }

  getSheetId(): number {
    this.rt.call('Sheet.getSheetId');
    return this.data.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.rt.call('Sheet.getIndex');
    return this.doc.sheets.indexOf(this.data) + 1;
  }

  getParent(): Spreadsheet {
    this.rt.call('Sheet.getParent');
    return this.parent;
  }

  /** As Spreadsheet.setActiveSheet: a hidden tab is shown. [uncertain] */
  activate(): this {
    this.rt.call('Sheet.activate');
    this.data.hidden = false;
    this.doc.activeSheetId = this.data.id;
    return this;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    this.rt.call('Sheet.getRange');
    if (typeof rowOrA1 === 'string') return this.rangeFromA1(rowOrA1);
    if (typeof rowOrA1 !== 'number' || typeof column !== 'number') {
      throw new ScriptException(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    const area: GridArea = { row: rowOrA1, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 };
    checkArea(this.data, area);
    return new Range(this.rt, this.doc, this, this.data, area);
  }

  /** Host-side (no call counted): the range an A1 text names on this tab, with Apps Script's errors. */
  rangeFromA1(a1Notation: string): Range {
    const area = parseA1(String(a1Notation), this.data.maxRows, this.data.maxColumns);
    if (!area) throw new ScriptException('Range not found');
    checkArea(this.data, area);
    return new Range(this.rt, this.doc, this, this.data, area);
  }

  /** A1 to (last row, last column); A1 alone on an empty sheet. */
  getDataRange(): Range {
    this.rt.call('Sheet.getDataRange');
    const area = {
      row: 1,
      column: 1,
      numRows: Math.max(1, this.data.lastRow()),
      numColumns: Math.max(1, this.data.lastColumn()),
    };
    return new Range(this.rt, this.doc, this, this.data, area);
  }

  getLastRow(): number {
    this.rt.call('Sheet.getLastRow');
    return this.data.lastRow();
  }

  getLastColumn(): number {
    this.rt.call('Sheet.getLastColumn');
    return this.data.lastColumn();
  }

  getMaxRows(): number {
    this.rt.call('Sheet.getMaxRows');
    return this.data.maxRows;
  }

  getMaxColumns(): number {
    this.rt.call('Sheet.getMaxColumns');
    return this.data.maxColumns;
  }

  /** Writes after the last row with content, growing the sheet when needed (typed-input rules). */
  appendRow(rowContents: unknown[]): this {
    this.rt.call('Sheet.appendRow');
    if (!Array.isArray(rowContents)) {
      throw new ScriptException(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    assertCellsFit([rowContents]);
    this.rt.cells(rowContents.length, CELL_WRITE_MS);
    appendRowTo(this.doc, this.data, rowContents, false);
    return this;
  }

  setFrozenRows(rows: number): this {
    this.rt.call('Sheet.setFrozenRows');
    this.data.frozenRows = Math.max(0, Math.floor(rows));
    return this;
  }

  getFrozenRows(): number {
    this.rt.call('Sheet.getFrozenRows');
    return this.data.frozenRows;
  }

  setFrozenColumns(columns: number): this {
    this.rt.call('Sheet.setFrozenColumns');
    this.data.frozenColumns = Math.max(0, Math.floor(columns));
    return this;
  }

  getFrozenColumns(): number {
    this.rt.call('Sheet.getFrozenColumns');
    return this.data.frozenColumns;
  }

  deleteRow(rowPosition: number): this {
    this.rt.call('Sheet.deleteRow');
    this.removeRows(rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): this {
    this.rt.call('Sheet.deleteRows');
    this.removeRows(rowPosition, howMany);
    return this;
  }

  private removeRows(start: number, n: number): void {
    this.checkRows(start, n);
    if (this.data.maxRows - n <= this.data.frozenRows) throw new ScriptException(ALL_ROWS_MESSAGE);
    this.data.deleteRows(start - 1, n);
  }

  /** `n` whole rows from `start` (1-based) within the sheet, with Apps Script's message. */
  private checkRows(start: number, n: number): void {
    const whole = Number.isInteger(start) && Number.isInteger(n);
    if (!whole || start < 1 || n < 1 || start + n - 1 > this.data.maxRows) {
      throw new ScriptException('Those rows are out of bounds.');
    }
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.rt.call('Sheet.insertRowsAfter');
    this.addRows(afterPosition, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    this.rt.call('Sheet.insertRowAfter');
    this.addRows(afterPosition, 1);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.rt.call('Sheet.insertRowsBefore');
    this.addRows(beforePosition - 1, howMany);
    return this;
  }

  private addRows(after: number, n: number): void {
    if (!Number.isInteger(after) || after < 0 || after > this.data.maxRows || !Number.isInteger(n) || n < 1) {
      throw new ScriptException('Those rows are out of bounds.');
    }
    this.data.insertRows(after, n);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.rt.call('Sheet.insertColumnsAfter');
    if (afterPosition < 0 || afterPosition > this.data.maxColumns || howMany < 1) {
      throw new ScriptException('Those columns are out of bounds.');
    }
    this.data.insertColumns(afterPosition, howMany);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): this {
    this.rt.call('Sheet.deleteColumns');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.data.maxColumns) {
      throw new ScriptException('Those columns are out of bounds.');
    }
    this.data.deleteColumns(columnPosition - 1, howMany);
    return this;
  }

  /** Contents and formats (data validation stays: [uncertain]). */
  clear(): this {
    this.rt.call('Sheet.clear');
    this.data.clearAll();
    return this;
  }

  clearContents(): this {
    this.rt.call('Sheet.clearContents');
    this.data.clearContents();
    return this;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.rt.call('Sheet.hideColumns');
    this.markColumns(columnIndex, numColumns, true);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.rt.call('Sheet.showColumns');
    this.markColumns(columnIndex, numColumns, false);
  }

  private markColumns(columnIndex: number, numColumns: number, hidden: boolean): void {
    if (columnIndex < 1 || numColumns < 1 || columnIndex + numColumns - 1 > this.data.maxColumns) {
      throw new ScriptException('Those columns are out of bounds.');
    }
    for (let c = columnIndex - 1; c < columnIndex - 1 + numColumns; c++) this.data.hiddenColumns[c] = hidden;
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.rt.call('Sheet.isColumnHiddenByUser');
    return this.data.hiddenColumns[columnPosition - 1] === true;
  }

  /**
   * Hides the tab. Sheets keeps at least one tab visible: hiding the last one is refused
   * ([uncertain] wording, after the Sheets UI's "You can't remove all the sheets in a document.").
   */
  hideSheet(): this {
    this.rt.call('Sheet.hideSheet');
    if (!this.data.hidden && this.doc.sheets.filter((s) => !s.hidden).length === 1)
      throw new ScriptException("You can't hide all the sheets in a document.");
    this.data.hidden = true;
    return this;
  }

  showSheet(): this {
    this.rt.call('Sheet.showSheet');
    this.data.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.rt.call('Sheet.isSheetHidden');
    return this.data.hidden;
  }

  /** Recorded (and written to the xlsx as an approximate width). */
  setColumnWidth(columnPosition: number, width: number): this {
    this.rt.call('Sheet.setColumnWidth');
    this.data.columnWidths[columnPosition - 1] = width;
    return this;
  }

  /**
   * Fixes the height of rows (pixels) whatever their content: wrapped text no longer makes them grow
   * ([official] AS/reference/spreadsheet/sheet#setRowHeightsForced(Integer,Integer,Integer)).
   * Recorded, and written to the xlsx as the rows' height. A height below 1 is refused [uncertain].
   */
  setRowHeightsForced(startRow: number, numRows: number, height: number): this {
    this.rt.call('Sheet.setRowHeightsForced');
    this.checkRows(startRow, numRows);
    if (typeof height !== 'number' || !Number.isInteger(height) || height < 1) {
      throw new ScriptException('Invalid argument: height');
    }
    for (let r = startRow - 1; r < startRow - 1 + numRows; r++) this.data.rowHeights[r] = height;
    return this;
  }

  /** Recorded only: the emulator does not measure text. */
  autoResizeColumns(_startColumn: number, _numColumns: number): this {
    this.rt.call('Sheet.autoResizeColumns');
    return this;
  }
}

/**
 * Appends one row after the last row with content (host-side helper shared with FormApp's writes):
 * grows the sheet's row and column count when needed. Returns the 1-based row written.
 * `literal` stores strings as text (no typed-input parsing, no formulas).
 */
export function appendRowTo(
  doc: SpreadsheetData,
  data: SheetData,
  row: readonly unknown[],
  literal: boolean,
): number {
  const r = data.lastRow();
  if (r + 1 > data.maxRows) data.maxRows = r + 1;
  if (row.length > data.maxColumns) data.maxColumns = row.length;
  for (let c = 0; c < row.length; c++) {
    const input = row[c];
    const cell = literal
      ? cellFromScript(input, typeof input === 'string' ? '@' : undefined, doc)
      : cellFromScript(input, data.formats.get(r, c), doc);
    data.values.set(r, c, cell.value);
    data.formulas.set(r, c, cell.formula);
  }
  return r + 1;
}
