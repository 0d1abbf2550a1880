import type { CellValue, CellWrite } from './cellInput';
import type { ValidationRule } from './DataValidation';
import { Layer } from './Layer';

export type VerticalAlignment = 'top' | 'middle' | 'bottom';

/** Size of a new tab in Google Sheets. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/**
 * The stored state of one tab (host-side, no call counting). Layers are 0-based; the script-facing
 * classes (Sheet, Range) translate from Apps Script's 1-based positions.
 */
export class SheetData {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly formats = new Layer<string>();
  readonly validations = new Layer<ValidationRule>();
  readonly fontWeights = new Layer<'bold'>();
  readonly backgrounds = new Layer<string>();
  readonly wraps = new Layer<boolean>();
  readonly verticalAlignments = new Layer<VerticalAlignment>();
  /** A cell's note (Insert → Note: the text shown on hover), written to the xlsx as a comment. */
  readonly notes = new Layer<string>();
  /** Per column (0-based): recorded only, shown in the xlsx. */
  hiddenColumns: boolean[] = [];
  columnWidths: Array<number | undefined> = [];
  /** Hidden from the tab bar (View → Hidden sheets); shown in the xlsx as a hidden worksheet. */
  hidden = false;
  /** Per row (0-based): heights set with setRowHeightsForced (pixels), shown in the xlsx. */
  rowHeights: Array<number | undefined> = [];

  constructor(
    public id: number,
    public name: string,
  ) {}

  private layers(): Array<Layer<unknown>> {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.validations,
      this.fontWeights,
      this.backgrounds,
      this.wraps,
      this.verticalAlignments,
      this.notes,
    ];
  }

  /** Last row / column with a value or a formula (formatting alone does not count). */
  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow());
  }

  lastColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn());
  }

  /**
   * What getValues returns for a rectangle (0-based start): '' for blanks and formulas, Dates
   * copied (through `date`, so that a script gets its own realm's Dates).
   */
  read(
    r0: number,
    c0: number,
    numRows: number,
    numColumns: number,
    date: (ms: number) => Date = (ms) => new Date(ms),
  ): unknown[][] {
    const out: unknown[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const src = this.values.rows[r0 + i];
      const row: unknown[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) {
        const v = src?.[c0 + j];
        row[j] = v === undefined ? '' : v instanceof Date ? date(v.getTime()) : v;
      }
      out[i] = row;
    }
    return out;
  }

  /** Writes a rectangle of script values (setValues), converting each with `convert`. */
  write(
    r0: number,
    c0: number,
    rows: readonly (readonly unknown[])[],
    convert: (input: unknown, format: string | undefined) => CellWrite,
  ): void {
    for (let i = 0; i < rows.length; i++) {
      const src = rows[i] ?? [];
      const formats = this.formats.rows[r0 + i];
      for (let j = 0; j < src.length; j++) {
        const cell = convert(src[j], formats?.[c0 + j]);
        this.values.set(r0 + i, c0 + j, cell.value);
        if (cell.formula !== undefined || this.formulas.rows[r0 + i] !== undefined) {
          this.formulas.set(r0 + i, c0 + j, cell.formula);
        }
      }
    }
  }

  deleteRows(r0: number, n: number): void {
    for (const layer of this.layers()) layer.deleteRows(r0, n);
    this.rowHeights.splice(r0, n);
    this.maxRows -= n;
  }

  insertRows(r0: number, n: number): void {
    for (const layer of this.layers()) layer.insertRows(r0, n);
    if (r0 < this.rowHeights.length)
      this.rowHeights.splice(r0, 0, ...new Array<undefined>(n).fill(undefined));
    this.maxRows += n;
  }

  insertColumns(c0: number, n: number): void {
    for (const layer of this.layers()) layer.insertColumns(c0, n);
    this.hiddenColumns.splice(c0, 0, ...new Array<boolean>(n).fill(false));
    this.columnWidths.splice(c0, 0, ...new Array<undefined>(n).fill(undefined));
    this.maxColumns += n;
  }

  deleteColumns(c0: number, n: number): void {
    for (const layer of this.layers()) layer.deleteColumns(c0, n);
    this.hiddenColumns.splice(c0, n);
    this.columnWidths.splice(c0, n);
    this.maxColumns -= n;
  }

  moveColumn(from: number, to: number): void {
    for (const layer of this.layers()) layer.moveColumn(from, to);
    for (const props of [this.hiddenColumns, this.columnWidths] as unknown[][]) {
      while (props.length <= Math.max(from, to)) props.push(undefined);
      const [p] = props.splice(from, 1);
      props.splice(to, 0, p);
    }
  }

  clearContents(): void {
    this.values.clear();
    this.formulas.clear();
  }

  /** Sheet.clear(): contents and formats (data validation stays, as in Sheets). */
  clearAll(): void {
    this.clearContents();
    this.formats.clear();
    this.fontWeights.clear();
    this.backgrounds.clear();
    this.wraps.clear();
    this.verticalAlignments.clear();
  }
}
