import { NotImplemented, ScriptException } from '../runtime/errors';
import { CELL_READ_MS, CELL_WRITE_MS } from '../runtime/latency';
import type { Runtime } from '../runtime/Runtime';
import { wallClockAt } from '../runtime/timeZone';
import { areaA1, type GridArea } from './a1';
import { assertCellsFit, cellFromScript } from './cellInput';
import { DataValidation } from './DataValidation';
import { defaultDatePattern, displayValue } from './displayValue';
import type { Sheet } from './Sheet';
import type { SheetData } from './SheetData';
import type { SpreadsheetData } from './SpreadsheetData';

/** What getNumberFormat returns for a cell with no format ('General'), as seen from Apps Script. */
export const GENERAL_FORMAT = '0.###############';

/** Checks a rectangle against the sheet, with Apps Script's messages. */
export function checkArea(data: SheetData, area: GridArea): void {
  if (!Number.isInteger(area.row) || area.row < 1)
    throw new ScriptException('The starting row of the range is too small.');
  if (!Number.isInteger(area.column) || area.column < 1) {
    throw new ScriptException('The starting column of the range is too small.');
  }
  if (area.numRows < 1) throw new ScriptException('The number of rows in the range must be at least 1.');
  if (area.numColumns < 1)
    throw new ScriptException('The number of columns in the range must be at least 1.');
  if (area.row + area.numRows - 1 > data.maxRows || area.column + area.numColumns - 1 > data.maxColumns) {
    throw new ScriptException('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/**
 * A grid for a setter of many cells (setNumberFormats, setNotes) must be the range's size: Google's
 * words, as for setValues. A missing grid or row counts as one of length 0.
 */
function assertGridSize(grid: unknown, numRows: number, numColumns: number): void {
  const rows = Array.isArray(grid) ? grid : [];
  if (!Array.isArray(grid) || rows.length !== numRows) {
    throw new ScriptException(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
    );
  }
  for (const row of rows) {
    const length = Array.isArray(row) ? row.length : 0;
    if (!Array.isArray(row) || length !== numColumns) {
      throw new ScriptException(
        `The number of columns in the data does not match the number of columns in the range. The data has ${length} but the range has ${numColumns}.`,
      );
    }
  }
}

function signatureError(method: string): ScriptException {
  return new ScriptException(
    `The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}

/** Script-visible Range: a rectangle of one sheet, 1-based. */
export class Range
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Range,
      | 'getValues'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'getFormulas'
      | 'getFormula'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getA1Notation'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'isBlank'
      | 'getBackground'
    >
{
  constructor(
    private readonly rt: Runtime,
    private readonly doc: SpreadsheetData,
    private readonly sheet: Sheet,
    /** Host-side: the stored tab. */
    readonly data: SheetData,
    /** Host-side: the cells it covers (1-based). */
    readonly area: GridArea,
  ) {}

  private get r0(): number {
    return this.area.row - 1;
  }

  private get c0(): number {
    return this.area.column - 1;
  }

  private forEachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.area.numRows; i++) {
      for (let j = 0; j < this.area.numColumns; j++) fn(this.r0 + i, this.c0 + j, i, j);
    }
  }

  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.area.numRows; i++) {
      const row: T[] = new Array(this.area.numColumns);
      for (let j = 0; j < this.area.numColumns; j++) row[j] = fn(this.r0 + i, this.c0 + j);
      out.push(row);
    }
    return out;
  }

  private write(r: number, c: number, input: unknown): void {
    const cell = cellFromScript(input, this.data.formats.get(r, c), this.doc);
    this.data.values.set(r, c, cell.value);
    this.data.formulas.set(r, c, cell.formula);
  }

  getValues(): unknown[][] {
    this.rt.call('Range.getValues');
    const { numRows, numColumns } = this.area;
    this.rt.cells(numRows * numColumns, CELL_READ_MS);
    return this.data.read(this.r0, this.c0, numRows, numColumns, (ms) => this.rt.date(ms));
  }

  getValue(): unknown {
    this.rt.call('Range.getValue');
    return this.data.read(this.r0, this.c0, 1, 1, (ms) => this.rt.date(ms))[0]?.[0];
  }

  getDisplayValues(): string[][] {
    this.rt.call('Range.getDisplayValues');
    const { locale, timeZone } = this.doc;
    return this.grid((r, c) =>
      displayValue(this.data.values.get(r, c), this.data.formats.get(r, c), locale, timeZone),
    );
  }

  getDisplayValue(): string {
    this.rt.call('Range.getDisplayValue');
    const { locale, timeZone } = this.doc;
    return displayValue(
      this.data.values.get(this.r0, this.c0),
      this.data.formats.get(this.r0, this.c0),
      locale,
      timeZone,
    );
  }

  setValues(values: unknown[][]): this {
    this.rt.call('Range.setValues');
    if (!Array.isArray(values)) throw signatureError('setValues');
    const { numRows, numColumns } = this.area;
    if (values.length !== numRows) {
      throw new ScriptException(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row)) throw signatureError('setValues');
      if (row.length !== numColumns) {
        throw new ScriptException(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
        );
      }
    }
    assertCellsFit(values);
    this.rt.cells(numRows * numColumns, CELL_WRITE_MS);
    this.data.write(this.r0, this.c0, values, (input, format) => cellFromScript(input, format, this.doc));
    return this;
  }

  /** Sets every cell of the range to the value (typed-input rules as setValues). */
  setValue(value: unknown): this {
    this.rt.call('Range.setValue');
    assertCellsFit([[value]]);
    this.rt.cells(this.area.numRows * this.area.numColumns, CELL_WRITE_MS);
    this.forEachCell((r, c) => this.write(r, c, value));
    return this;
  }

  getFormulas(): string[][] {
    this.rt.call('Range.getFormulas');
    return this.grid((r, c) => this.data.formulas.get(r, c) ?? '');
  }

  getFormula(): string {
    this.rt.call('Range.getFormula');
    return this.data.formulas.get(this.r0, this.c0) ?? '';
  }

  setFormula(formula: string): this {
    this.rt.call('Range.setFormula');
    const f = String(formula);
    const text = f.startsWith('=') ? f : `=${f}`;
    this.forEachCell((r, c) => {
      this.data.values.set(r, c, undefined);
      this.data.formulas.set(r, c, text);
    });
    return this;
  }

  isBlank(): boolean {
    this.rt.call('Range.isBlank');
    let blank = true;
    this.forEachCell((r, c) => {
      if (this.data.values.get(r, c) !== undefined || this.data.formulas.get(r, c) !== undefined)
        blank = false;
    });
    return blank;
  }

  getRow(): number {
    this.rt.call('Range.getRow');
    return this.area.row;
  }

  getColumn(): number {
    this.rt.call('Range.getColumn');
    return this.area.column;
  }

  getNumRows(): number {
    this.rt.call('Range.getNumRows');
    return this.area.numRows;
  }

  getNumColumns(): number {
    this.rt.call('Range.getNumColumns');
    return this.area.numColumns;
  }

  /** The range's end row (not the sheet's last row with content). */
  getLastRow(): number {
    this.rt.call('Range.getLastRow');
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    this.rt.call('Range.getLastColumn');
    return this.area.column + this.area.numColumns - 1;
  }

  getA1Notation(): string {
    this.rt.call('Range.getA1Notation');
    return areaA1(this.area);
  }

  getSheet(): Sheet {
    this.rt.call('Range.getSheet');
    return this.sheet;
  }

  getCell(row: number, column: number): Range {
    this.rt.call('Range.getCell');
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns) {
      throw new ScriptException('Cell reference out of range');
    }
    return this.sub({
      row: this.area.row + row - 1,
      column: this.area.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    this.rt.call('Range.offset');
    return this.sub({
      row: this.area.row + rowOffset,
      column: this.area.column + columnOffset,
      numRows: numRows ?? this.area.numRows,
      numColumns: numColumns ?? this.area.numColumns,
    });
  }

  private sub(area: GridArea): Range {
    checkArea(this.data, area);
    return new Range(this.rt, this.doc, this.sheet, this.data, area);
  }

  setNumberFormat(numberFormat: string): this {
    this.rt.call('Range.setNumberFormat');
    this.data.formats.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, String(numberFormat));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.rt.call('Range.setNumberFormats');
    assertGridSize(numberFormats, this.area.numRows, this.area.numColumns);
    this.forEachCell((r, c, i, j) => this.data.formats.set(r, c, String(numberFormats[i]?.[j])));
    return this;
  }

  private formatOf(r: number, c: number): string {
    const explicit = this.data.formats.get(r, c);
    if (explicit) return explicit;
    const v = this.data.values.get(r, c);
    if (v instanceof Date)
      return defaultDatePattern(this.doc.locale, wallClockAt(v.getTime(), this.doc.timeZone));
    return GENERAL_FORMAT;
  }

  getNumberFormat(): string {
    this.rt.call('Range.getNumberFormat');
    return this.formatOf(this.r0, this.c0);
  }

  getNumberFormats(): string[][] {
    this.rt.call('Range.getNumberFormats');
    return this.grid((r, c) => this.formatOf(r, c));
  }

  /**
   * Sets (or with null, removes) the rule on every cell. Script writes are not checked against
   * rules: [uncertain] Apps Script is reported to let setValue bypass validation.
   */
  setDataValidation(rule: DataValidation | null): this {
    this.rt.call('Range.setDataValidation');
    if (rule !== null && !(rule instanceof DataValidation)) throw signatureError('setDataValidation');
    this.data.validations.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, rule?.rule);
    return this;
  }

  getDataValidation(): DataValidation | null {
    this.rt.call('Range.getDataValidation');
    const rule = this.data.validations.get(this.r0, this.c0);
    return rule ? new DataValidation(this.rt, rule) : null;
  }

  getDataValidations(): Array<Array<DataValidation | null>> {
    this.rt.call('Range.getDataValidations');
    return this.grid((r, c) => {
      const rule = this.data.validations.get(r, c);
      return rule ? new DataValidation(this.rt, rule) : null;
    });
  }

  clearDataValidations(): this {
    this.rt.call('Range.clearDataValidations');
    this.data.validations.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, undefined);
    return this;
  }

  clearContent(): this {
    this.rt.call('Range.clearContent');
    this.data.values.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, undefined);
    this.data.formulas.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, undefined);
    return this;
  }

  /** Contents and formats; validation stays ([uncertain], as Sheet.clear). */
  clear(): this {
    this.rt.call('Range.clear');
    const { numRows, numColumns } = this.area;
    for (const layer of [this.data.values, this.data.formulas, this.data.formats, this.data.fontWeights]) {
      layer.fill(this.r0, this.c0, numRows, numColumns, undefined);
    }
    this.data.backgrounds.fill(this.r0, this.c0, numRows, numColumns, undefined);
    this.data.wraps.fill(this.r0, this.c0, numRows, numColumns, undefined);
    this.data.verticalAlignments.fill(this.r0, this.c0, numRows, numColumns, undefined);
    return this;
  }

  /**
   * Notes: the text a cell shows on hover ([official] AS/reference/spreadsheet/range#setNote(String),
   * #setNotes(Object), #getNote(), #getNotes()). '' or null clears one; setNotes needs a grid the size
   * of the range, refused in setValues' words [uncertain: the wording]. Range.clear() leaves them, as `clearNote()` is its own method
   * [uncertain]. Kept, and written to the xlsx as comments.
   */
  getNote(): string {
    this.rt.call('Range.getNote');
    return this.data.notes.get(this.r0, this.c0) ?? '';
  }

  getNotes(): string[][] {
    this.rt.call('Range.getNotes');
    const { numRows, numColumns } = this.area;
    return Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (_, j) => this.data.notes.get(this.r0 + i, this.c0 + j) ?? ''),
    );
  }

  setNote(note: string | null): this {
    this.rt.call('Range.setNote');
    const text = note === null || note === undefined ? '' : String(note);
    this.data.notes.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, text || undefined);
    return this;
  }

  setNotes(notes: Array<Array<string | null>>): this {
    this.rt.call('Range.setNotes');
    assertGridSize(notes, this.area.numRows, this.area.numColumns);
    this.forEachCell((r, c, i, j) => {
      const note = notes[i]?.[j];
      this.data.notes.set(
        r,
        c,
        note === null || note === undefined || note === '' ? undefined : String(note),
      );
    });
    return this;
  }

  /** 'bold' or 'normal' (null resets). Kept, and written to the xlsx. */
  setFontWeight(fontWeight: string | null): this {
    this.rt.call('Range.setFontWeight');
    const v = fontWeight === 'bold' ? 'bold' : undefined;
    this.data.fontWeights.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, v);
    return this;
  }

  getFontWeight(): string {
    this.rt.call('Range.getFontWeight');
    return this.data.fontWeights.get(this.r0, this.c0) ?? 'normal';
  }

  /** A CSS colour ('#e8eaed', 'white') or null to reset. Kept, and written to the xlsx (hex colours). */
  setBackground(color: string | null): this {
    this.rt.call('Range.setBackground');
    const value = color === null || color === undefined ? undefined : String(color).trim().toLowerCase();
    this.data.backgrounds.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, value);
    return this;
  }

  /**
   * The top-left cell's background as '#rrggbb'; '#ffffff' when none is set ([observed] public
   * scripts test an uncoloured cell with `getBackground() == '#ffffff'`). A colour set by name
   * would need CSS's table of names: not emulated.
   */
  getBackground(): string {
    this.rt.call('Range.getBackground');
    const color = this.data.backgrounds.get(this.r0, this.c0);
    if (color === undefined) return '#ffffff';
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(color)?.[1];
    if (!hex) throw new NotImplemented('Range.getBackground for a colour set by name');
    return hex.length === 3 ? `#${[...hex].map((d) => d + d).join('')}` : `#${hex}`;
  }

  /**
   * 'top', 'middle' or 'bottom' (Sheets' default), or null to reset ([official]
   * AS/reference/spreadsheet/range#setVerticalAlignment(String)). Another word is refused
   * [uncertain: Google's reaction to it is not documented]. Kept, and written to the xlsx.
   */
  setVerticalAlignment(alignment: string | null): this {
    this.rt.call('Range.setVerticalAlignment');
    const value = alignment === null ? undefined : String(alignment).toLowerCase();
    if (value !== undefined && value !== 'top' && value !== 'middle' && value !== 'bottom')
      throw new ScriptException('Invalid argument: alignment');
    const stored = value === 'bottom' ? undefined : value;
    this.data.verticalAlignments.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, stored);
    return this;
  }

  /** Kept, and written to the xlsx. */
  setWrap(isWrapEnabled: boolean): this {
    this.rt.call('Range.setWrap');
    this.data.wraps.fill(this.r0, this.c0, this.area.numRows, this.area.numColumns, Boolean(isWrapEnabled));
    return this;
  }
}
