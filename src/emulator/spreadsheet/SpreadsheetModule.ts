import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { slug } from '../runtime/slug';
import { missingFile, unreadableWorkbook } from '../runtime/WorkspaceDamaged';
import { cellA1 } from './a1';
import { assertCellsFit, type CellValue, type CellWrite, cellFromScript } from './cellInput';
import { copyData } from './copyData';
import type { ValidationRule } from './DataValidation';
import { displayValue } from './displayValue';
import type { MenuRegistry, RegisteredMenu } from './Menu';
import { Range } from './Range';
import { appendRowTo, type Sheet } from './Sheet';
import type { SheetData } from './SheetData';
import { Spreadsheet } from './Spreadsheet';
import { SpreadsheetApp } from './SpreadsheetApp';
import { SpreadsheetData } from './SpreadsheetData';
import { parseSpreadsheetState, type SpreadsheetFileState, type SpreadsheetState } from './spreadsheetState';
import { extraValidationRuns, readWorkbook, writeWorkbook, xlsxSheetNames } from './workbookXlsx';

export interface SpreadsheetModuleOptions {
  name: string;
  timeZone: string;
  /** e.g. 'en_GB' (dates shown dd/MM/yyyy) or 'en_US' (M/d/yyyy). */
  locale: string;
  /** Name of the n-th form response tab; Google's English default is 'Form Responses n'. */
  responseSheetName?: (n: number) => string;
}

export const WORKBOOK_FILE = 'workbook.xlsx';
/** Where the spreadsheets a script creates are saved in the workspace, one xlsx each. */
export const EXPORTS_DIR = 'exports';

/** A spreadsheet the script created (SpreadsheetApp.create), and the xlsx it is saved to. */
interface CreatedFile {
  file: Spreadsheet;
  /** Relative to the workspace, e.g. 'exports/evaluation-data.xlsx'. */
  readonly xlsxFile: string;
}

/** One cell typed into by a person: what it showed before and shows after. */
export interface TypedEdit {
  readonly before: string;
  readonly after: string;
  /** False when the cell's list or checkbox rule does not hold the value (Sheets marks the cell). */
  readonly valid: boolean;
}

/**
 * The Spreadsheet service: one bound ("active") spreadsheet, the files the script creates, the
 * `SpreadsheetApp` global, and their persistence (workbook.xlsx, exports/*.xlsx + state.json). Methods below are HOST-SIDE: tests, the CLI and other
 * modules call them; they are not visible to the script and count no service calls.
 */
export class SpreadsheetModule implements ServiceModule {
  /** Host-side: the bound spreadsheet (what getActiveSpreadsheet returns). */
  active: Spreadsheet;
  private readonly registeredMenus = new Map<string, RegisteredMenu>();
  private readonly responseSheetName: (n: number) => string;
  private pendingState: SpreadsheetState | null = null;
  /** The files the script created, in creation order (the bound one stays `active`). */
  private created: CreatedFile[] = [];

  constructor(
    private readonly rt: Runtime,
    options: SpreadsheetModuleOptions,
  ) {
    const doc = new SpreadsheetData(SpreadsheetData.newId(), options.name, options.timeZone, options.locale);
    doc.addSheet('Sheet1');
    this.active = new Spreadsheet(rt, doc);
    this.responseSheetName = options.responseSheetName ?? ((n) => `Form Responses ${n}`);
  }

  globals(): Record<string, unknown> {
    const menus: MenuRegistry = { register: (menu) => this.registeredMenus.set(menu.menu, menu) };
    return { SpreadsheetApp: new SpreadsheetApp(this.rt, this, menus) };
  }

  /** Host-side: the spreadsheet with this id (the bound one or one the script created), or null. */
  byId(id: string): Spreadsheet | null {
    if (id === this.active.doc.id) return this.active;
    return this.created.find((c) => c.file.doc.id === id)?.file ?? null;
  }

  /**
   * For SpreadsheetApp.create: a new file with one empty tab, "Sheet1" (`rows` × `columns`), in
   * the bound spreadsheet's time zone and locale ([uncertain]: Google uses the account's defaults,
   * which the emulator does not model). The bound spreadsheet stays the active one.
   */
  create(name: string, rows: number, columns: number): Spreadsheet {
    const doc = new SpreadsheetData(
      SpreadsheetData.newId(),
      name,
      this.active.doc.timeZone,
      this.active.doc.locale,
    );
    const sheet = doc.addSheet('Sheet1');
    sheet.maxRows = rows;
    sheet.maxColumns = columns;
    const file = new Spreadsheet(this.rt, doc);
    const taken = new Set(this.created.map((c) => c.xlsxFile));
    const base = slug(name, 'spreadsheet', 80);
    let xlsxFile = `${EXPORTS_DIR}/${base}.xlsx`;
    for (let n = 2; taken.has(xlsxFile); n++) xlsxFile = `${EXPORTS_DIR}/${base}-${n}.xlsx`;
    this.created.push({ file, xlsxFile });
    return file;
  }

  /** Host-side: the files the script created, with where each is saved. */
  createdFiles(): Array<{ id: string; name: string; xlsxFile: string; file: Spreadsheet }> {
    return this.created.map((c) => ({
      id: c.file.doc.id,
      name: c.file.doc.name,
      xlsxFile: c.xlsxFile,
      file: c.file,
    }));
  }

  /** Host-side: a tab's data range of any file, as getValues returns it. */
  valuesOf(spreadsheetId: string, sheetName: string): unknown[][] {
    const file = this.byId(spreadsheetId);
    const data = file?.doc.sheetByName(sheetName);
    if (!data) throw new Error(`no tab named "${sheetName}" in spreadsheet ${spreadsheetId}`);
    return data.read(0, 0, Math.max(1, data.lastRow()), Math.max(1, data.lastColumn()));
  }

  /** Host-side: a tab of the bound spreadsheet by exact name; throws when missing. */
  sheet(name: string): Sheet {
    return this.active.sheetOf(this.tab(name));
  }

  private tab(name: string): SheetData {
    const data = this.active.doc.sheetByName(name);
    if (!data)
      throw new Error(
        `no tab named "${name}" (tabs: ${this.active.doc.sheets.map((s) => s.name).join(', ')})`,
      );
    return data;
  }

  /**
   * Host-side, for FormApp's setDestination: adds "Form Responses N" (first free N, pattern from the
   * options) as the FIRST tab, writes the header row and freezes it.
   */
  createResponseSheet(spreadsheetId: string, headers: string[]): Sheet {
    const file = this.byId(spreadsheetId);
    if (!file) throw new Error(`no spreadsheet with id ${spreadsheetId}`);
    const doc = file.doc;
    let n = 1;
    while (doc.nameTaken(this.responseSheetName(n))) n++;
    const data = doc.addSheet(this.responseSheetName(n), 0);
    data.maxColumns = Math.max(data.maxColumns, headers.length);
    for (const [c, h] of headers.entries()) data.values.set(0, c, String(h));
    data.frozenRows = 1;
    return file.sheetOf(data);
  }

  /** Host-side: a tab by its sheet id (tabs can be renamed), or null. */
  sheetById(spreadsheetId: string, sheetId: number): Sheet | null {
    const file = this.byId(spreadsheetId);
    const data = file?.doc.sheetById(sheetId);
    return file && data ? file.sheetOf(data) : null;
  }

  /**
   * Host-side append (FormApp writing a response row): returns the 1-based row written. Strings are
   * parsed like typed input unless `literal` (then stored as text; numbers, booleans, Dates as they are).
   */
  appendRowHost(sheet: Sheet, row: readonly unknown[], options: { literal?: boolean } = {}): number {
    return appendRowTo(this.docOf(sheet), sheet.data, row, options.literal ?? false);
  }

  private docOf(sheet: Sheet): SpreadsheetData {
    const doc = this.active.doc;
    if (!doc.sheets.includes(sheet.data))
      throw new Error(`tab "${sheet.data.name}" is not in the bound spreadsheet`);
    return doc;
  }

  /** Host-side: what addToUi registered, the latest per menu name, in first-registered order. */
  menus(): RegisteredMenu[] {
    return [...this.registeredMenus.values()];
  }

  /** Host-side: the tab's data range as getValues returns it ([['']] for an empty tab). */
  values(sheetName: string): unknown[][] {
    const data = this.tab(sheetName);
    return data.read(0, 0, Math.max(1, data.lastRow()), Math.max(1, data.lastColumn()));
  }

  /** Host-side: every formula in the bound spreadsheet, tab by tab, row by row. */
  formulaCells(): Array<{ sheet: string; a1: string; formula: string }> {
    const out: Array<{ sheet: string; a1: string; formula: string }> = [];
    for (const data of this.active.doc.sheets) {
      for (const [r, c, formula] of data.formulas.entries())
        out.push({ sheet: data.name, a1: cellA1(r + 1, c + 1), formula });
    }
    return out;
  }

  /**
   * Host-side coordinator edit: replaces the tab's values with what `edit` returns from the current
   * values(). Values are stored as given (a person's typed value, no parsing; a Date stays a date).
   * A cell whose value is unchanged keeps its formula; other cells lose theirs. Grows the sheet.
   */
  editSheet(name: string, edit: (rows: unknown[][]) => unknown[][]): void {
    const data = this.tab(name);
    const before = this.values(name);
    const after = edit(before.map((row) => [...row]));
    const rows = Math.max(before.length, after.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const old = before[r]?.[c] ?? '';
        const next = after[r]?.[c] ?? '';
        if (sameValue(old, next)) continue;
        data.formulas.set(r, c, undefined);
        data.values.set(r, c, hostCell(next));
      }
    }
    data.maxRows = Math.max(data.maxRows, after.length);
    data.maxColumns = Math.max(data.maxColumns, ...after.map((row) => row.length));
  }

  /**
   * Host-side: a person types `text` into one cell (1-based) and presses Enter. Sheets reads typed
   * input as setValue reads a string (cellFromScript): a leading apostrophe keeps the rest as text,
   * '=' makes a formula, a plain-text cell keeps text, anything else becomes a number, TRUE/FALSE or
   * a date in the spreadsheet's zone; '' clears the cell. A list or checkbox rule that rejects
   * invalid input refuses the value (nothing changes); one that allows it keeps it (`valid: false`).
   */
  typeInto(sheetName: string, row: number, column: number, text: string): TypedEdit {
    const data = this.tab(sheetName);
    if (row < 1 || column < 1 || row > data.maxRows || column > data.maxColumns)
      throw new Error(`cell ${cellA1(row, column)} is outside tab "${sheetName}"`);
    const [r, c] = [row - 1, column - 1];
    const doc = this.active.doc;
    const format = data.formats.get(r, c);
    const shown = (cell: CellWrite) =>
      cell.formula ?? displayValue(cell.value, format, doc.locale, doc.timeZone);
    assertCellsFit([[text]]);
    const before = shown({ value: data.values.get(r, c), formula: data.formulas.get(r, c) });
    const cell = cellFromScript(text, format, doc);
    const after = shown(cell);
    const rule = data.validations.get(r, c);
    const valid = !rule || cell.formula !== undefined || holds(rule, cell.value, after);
    if (rule && !valid && !rule.allowInvalid)
      throw new Error(
        `"${text}" is refused in ${cellA1(row, column)}: the cell takes only ${ruleText(rule)}`,
      );
    data.values.set(r, c, cell.value);
    data.formulas.set(r, c, cell.formula);
    return { before, after, valid };
  }

  /** Host-side: moves a column (1-based `from`) so it ends at 1-based position `to`, with its formats. */
  moveColumn(name: string, from: number, to: number): void {
    const data = this.tab(name);
    if (from < 1 || to < 1 || from > data.maxColumns || to > data.maxColumns)
      throw new Error('column out of range');
    data.moveColumn(from - 1, to - 1);
  }

  /** Host-side: deletes one row (1-based), as a person would from the row menu. */
  deleteRowHost(name: string, row: number): void {
    const data = this.tab(name);
    if (row < 1 || row > data.maxRows) throw new Error('row out of range');
    data.deleteRows(row - 1, 1);
  }

  /** Host-side: deletes a tab, as a person would. */
  deleteSheetHost(name: string): void {
    const doc = this.active.doc;
    const data = this.tab(name);
    if (doc.sheets.length === 1) throw new Error('a spreadsheet keeps at least one tab');
    doc.removeSheet(data);
  }

  toState(): SpreadsheetState {
    return {
      ...fileStateOf(this.active.doc),
      files: this.created.map((c) => ({ ...fileStateOf(c.file.doc), xlsxFile: c.xlsxFile })),
    };
  }

  /** Restores the files' identity and tab layout (contents come from their xlsx in readFiles). */
  fromState(state: unknown): void {
    const s = parseSpreadsheetState(state);
    this.active = new Spreadsheet(this.rt, docFromState(s));
    this.created = s.files.map((f) => ({
      file: new Spreadsheet(this.rt, docFromState(f)),
      xlsxFile: f.xlsxFile,
    }));
    this.pendingState = s;
  }

  /**
   * Host-side, for Emulator.fork: this module becomes a copy of `other` (every file with its tabs and
   * cells, and the menus), sharing nothing with it.
   */
  copyFrom(other: SpreadsheetModule): void {
    this.active = new Spreadsheet(this.rt, copyData(other.active.doc));
    this.created = other.created.map((c) => ({
      file: new Spreadsheet(this.rt, copyData(c.file.doc)),
      xlsxFile: c.xlsxFile,
    }));
    this.registeredMenus.clear();
    for (const [name, menu] of other.registeredMenus) this.registeredMenus.set(name, copyData(menu));
    this.pendingState = null;
  }

  /** Host-side: the cells `range` covers (a Range of a module this one was copied from), in this one's file. */
  sameRange(spreadsheetId: string, range: Range): Range {
    const file = this.byId(spreadsheetId);
    const data = file?.doc.sheetById(range.data.id);
    if (!file || !data) throw new Error(`no tab ${range.data.id} in spreadsheet ${spreadsheetId}`);
    return new Range(this.rt, file.doc, file.sheetOf(data), data, { ...range.area });
  }

  async writeFiles(dir: string): Promise<void> {
    await writeWorkbook(join(dir, WORKBOOK_FILE), this.active.doc);
    for (const c of this.created) {
      const file = join(dir, c.xlsxFile);
      mkdirSync(dirname(file), { recursive: true });
      await writeWorkbook(file, c.file.doc);
    }
  }

  /**
   * Each xlsx is the source of truth for its file's tabs and their contents (a person may edit it).
   * Only a saved workspace is read back, so every file must be there and readable: one taken as
   * blank would be saved blank over the coordinator's data (WorkspaceDamaged names it instead).
   */
  async readFiles(dir: string): Promise<void> {
    this.active = await this.readXlsx(
      join(dir, WORKBOOK_FILE),
      this.active,
      this.pendingState?.sheets ?? [],
      'every tab of the spreadsheet',
    );
    for (const c of this.created) {
      const stored = this.pendingState?.files.find((f) => f.id === c.file.doc.id)?.sheets ?? [];
      const holds = `the tabs of "${c.file.doc.name}", a spreadsheet the script made`;
      c.file = await this.readXlsx(join(dir, c.xlsxFile), c.file, stored, holds);
    }
  }

  private async readXlsx(
    file: string,
    current: Spreadsheet,
    states: SpreadsheetFileState['sheets'],
    holds: string,
  ): Promise<Spreadsheet> {
    if (!existsSync(file)) throw missingFile(file, holds);
    const doc = current.doc;
    let sheets: SheetData[];
    try {
      sheets = await readWorkbook(file, doc, states);
    } catch (e) {
      throw unreadableWorkbook(file, e);
    }
    if (sheets.length === 0) throw unreadableWorkbook(file, 'it has no tabs');
    doc.sheets = sheets;
    if (doc.activeSheetId !== null && !doc.sheetById(doc.activeSheetId)) doc.activeSheetId = null;
    return new Spreadsheet(this.rt, doc);
  }
}

function fileStateOf(doc: SpreadsheetData): SpreadsheetFileState {
  const xlsxNames = xlsxSheetNames(doc.sheets.map((s) => s.name));
  return {
    id: doc.id,
    name: doc.name,
    timeZone: doc.timeZone,
    locale: doc.locale,
    activeSheetId: doc.activeSheetId,
    sheets: doc.sheets.map((s, i) => ({
      id: s.id,
      name: s.name,
      xlsxName: xlsxNames[i] ?? s.name,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      extraValidations: extraValidationRuns(s),
    })),
  };
}

function docFromState(s: SpreadsheetFileState): SpreadsheetData {
  const doc = new SpreadsheetData(s.id, s.name, s.timeZone, s.locale);
  for (const t of s.sheets) {
    const data = doc.addSheet(t.name);
    data.id = t.id;
    data.maxRows = t.maxRows;
    data.maxColumns = t.maxColumns;
    data.frozenRows = t.frozenRows;
    data.frozenColumns = t.frozenColumns;
  }
  if (doc.sheets.length === 0) doc.addSheet('Sheet1');
  doc.activeSheetId = s.activeSheetId;
  return doc;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return Object.prototype.toString.call(a) === '[object Date]' &&
      Object.prototype.toString.call(b) === '[object Date]'
      ? (a as Date).getTime() === (b as Date).getTime()
      : false;
  }
  return a === b;
}

/** Whether a typed value meets a list or checkbox rule (a blank always does). */
function holds(rule: ValidationRule, value: CellValue | undefined, shown: string): boolean {
  if (value === undefined) return true;
  if (rule.criteria === 'CHECKBOX') return typeof value === 'boolean';
  return rule.values.includes(shown);
}

function ruleText(rule: ValidationRule): string {
  return rule.criteria === 'CHECKBOX' ? 'TRUE or FALSE' : `one of: ${rule.values.join(', ')}`;
}

function hostCell(v: unknown): CellValue | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
  return String(v);
}
