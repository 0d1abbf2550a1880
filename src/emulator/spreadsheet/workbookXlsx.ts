import { renameSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { wallClockAt } from '../runtime/timeZone';
import { cellA1, parseA1 } from './a1';
import type { CellWrite } from './cellInput';
import type { ValidationRule } from './DataValidation';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetData } from './SheetData';
import type { SpreadsheetData } from './SpreadsheetData';
import type { SheetState } from './spreadsheetState';
import { fromWallDate, wallDate } from './wallDate';

/**
 * workbook.xlsx: every tab in order, a file a person can open (and edit) in LibreOffice or Excel.
 * It holds cell values (dates as dates in the spreadsheet's time zone), formulas, number formats,
 * bold, backgrounds (hex colours), wrap, frozen rows/columns, hidden tabs, hidden columns and widths,
 * forced row heights, and list/checkbox validations whose list fits inline. What it cannot hold lives
 * in state.json. Each tab also gets print settings (see printSetup), which Google Sheets has no API for.
 */

/** Excel-style patterns written for dates without an explicit format (not read back as formats). */
const AUTO_DATE_FORMATS = new Set(['dd/mm/yyyy', 'dd/mm/yyyy hh:mm:ss', 'm/d/yyyy', 'm/d/yyyy h:mm:ss']);
const PX_PER_CHAR = 7;
/** A new Google Sheet's default font. */
const SHEETS_FONT = 'Arial';
const SHEETS_FONT_SIZE = 10;
/** Row heights: Sheets counts pixels, xlsx points (96 px = 72 pt). */
const PT_PER_PX = 0.75;

interface ValidationModel {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

function validationsOf(ws: ExcelJS.Worksheet): ValidationModel {
  return (ws as unknown as { dataValidations: ValidationModel }).dataValidations;
}

/** xlsx tab names: no []:*?/\, at most 31 characters, unique (case-insensitive). */
export function xlsxSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base =
      name
        .replace(/[[\]:*?/\\]/g, '_')
        .replace(/^'|'$/g, '_')
        .slice(0, 31) || 'Sheet';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)}~${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A checkbox is written as the list TRUE,FALSE; other lists only when Excel can hold them inline. */
export function fitsInline(rule: ValidationRule): boolean {
  if (rule.criteria === 'CHECKBOX') return true;
  return (
    rule.values.every((v) => !v.includes(',') && !v.includes('"')) && rule.values.join(',').length <= 255
  );
}

function toXlsxValidation(rule: ValidationRule): ExcelJS.DataValidation {
  const list = rule.criteria === 'CHECKBOX' ? 'TRUE,FALSE' : rule.values.join(',');
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${list}"`],
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { prompt: rule.helpText, showInputMessage: true } : {}),
  };
}

function fromXlsxValidation(v: ExcelJS.DataValidation): ValidationRule | null {
  const formula = v.formulae?.[0];
  if (v.type !== 'list' || typeof formula !== 'string' || !/^".*"$/s.test(formula)) return null;
  const values = formula.slice(1, -1).split(',');
  const checkbox = values.length === 2 && values[0] === 'TRUE' && values[1] === 'FALSE';
  return Object.freeze({
    criteria: checkbox ? 'CHECKBOX' : 'VALUE_IN_LIST',
    values: checkbox ? [] : values,
    showDropdown: true,
    allowInvalid: !(v.showErrorMessage && (v.errorStyle ?? 'stop') === 'stop'),
    helpText: v.prompt ?? null,
  });
}

export async function writeWorkbook(file: string, doc: SpreadsheetData): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cohort emulator';
  const names = xlsxSheetNames(doc.sheets.map((s) => s.name));
  for (const [i, sheet] of doc.sheets.entries()) writeSheet(wb, names[i] ?? sheet.name, sheet, doc);
  const tmp = `${file}.tmp`;
  await wb.xlsx.writeFile(tmp);
  renameSync(tmp, file);
}

function writeSheet(wb: ExcelJS.Workbook, name: string, sheet: SheetData, doc: SpreadsheetData): void {
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  const ws = wb.addWorksheet(name, {
    views: frozen ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }] : [],
    state: sheet.hidden ? 'hidden' : 'visible',
  });
  const columns = Math.max(sheet.hiddenColumns.length, sheet.columnWidths.length);
  for (let c = 0; c < columns; c++) {
    const width = sheet.columnWidths[c];
    if (width !== undefined) ws.getColumn(c + 1).width = width / PX_PER_CHAR;
    if (sheet.hiddenColumns[c]) ws.getColumn(c + 1).hidden = true;
  }
  for (const [r, c, v] of sheet.values.entries()) {
    const cell = ws.getCell(r + 1, c + 1);
    if (v instanceof Date) {
      cell.value = wallDate(v.getTime(), doc.timeZone);
      const wall = wallClockAt(v.getTime(), doc.timeZone);
      const midnight = wall.hour === 0 && wall.minute === 0 && wall.second === 0;
      const us = doc.locale === 'en_US';
      cell.numFmt = midnight
        ? us
          ? 'm/d/yyyy'
          : 'dd/mm/yyyy'
        : us
          ? 'm/d/yyyy h:mm:ss'
          : 'dd/mm/yyyy hh:mm:ss';
    } else {
      cell.value = v;
    }
  }
  for (const [r, c, f] of sheet.formulas.entries()) ws.getCell(r + 1, c + 1).value = { formula: f.slice(1) };
  for (const [r, c, f] of sheet.formats.entries()) ws.getCell(r + 1, c + 1).numFmt = f;
  for (const [r, c] of sheet.fontWeights.entries()) ws.getCell(r + 1, c + 1).font = { bold: true };
  for (const [r, c, color] of sheet.backgrounds.entries()) {
    const argb = argbOf(color);
    if (argb) ws.getCell(r + 1, c + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
  for (const [r, c, wrap] of sheet.wraps.entries())
    if (wrap) ws.getCell(r + 1, c + 1).alignment = { wrapText: true };
  for (const [r, c, vertical] of sheet.verticalAlignments.entries()) {
    const cell = ws.getCell(r + 1, c + 1);
    cell.alignment = { ...cell.alignment, vertical };
  }
  for (const [r, c, note] of sheet.notes.entries()) ws.getCell(r + 1, c + 1).note = note;
  for (const [r, height] of sheet.rowHeights.entries())
    if (height !== undefined) ws.getRow(r + 1).height = height * PT_PER_PX;
  // Sheets' own default font, so that widths and row heights set in pixels fit the text as in Sheets.
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      cell.font = { name: SHEETS_FONT, size: SHEETS_FONT_SIZE, ...(cell.font?.bold ? { bold: true } : {}) };
    });
  });
  printSetup(ws, sheet);
  const dv = validationsOf(ws);
  const xlsxRules = new Map<ValidationRule, ExcelJS.DataValidation>();
  for (const [r, c, rule] of sheet.validations.entries()) {
    if (!fitsInline(rule)) continue;
    let x = xlsxRules.get(rule);
    if (!x) {
      x = toXlsxValidation(rule);
      xlsxRules.set(rule, x);
    }
    dv.model[cellA1(r + 1, c + 1)] = x;
  }
}

/** '#e8eaed' → 'FFE8EAED'; a colour given by name is not written. */
function argbOf(color: string): string | null {
  const hex =
    /^#([0-9a-f]{6})$/i.exec(color)?.[1] ?? /^#([0-9a-f]{3})$/i.exec(color)?.[1]?.replace(/./g, '$&$&');
  return hex ? `FF${hex.toUpperCase()}` : null;
}

/**
 * How the tab prints from LibreOffice or Excel. Google Sheets has no page-setup API (research notes
 * §10: none in SpreadsheetApp nor the Sheets API), so this is the workspace's own: landscape A4, as
 * many columns as there are fitted to one page wide (pages run down, never across), the frozen header
 * rows repeated on every page, gridlines, the tab's name and "Page n of N" in the footer. The print
 * area is the cells with content: the formats Cohort puts on 1,000 empty rows print nothing.
 * Hidden columns (Cohort's own) are left out by the application itself.
 */
function printSetup(ws: ExcelJS.Worksheet, sheet: SheetData): void {
  const rows = sheet.lastRow();
  const columns = sheet.lastColumn();
  Object.assign(ws.pageSetup, {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as needed
    showGridLines: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(rows > 0 && columns > 0 ? { printArea: `A1:${cellA1(rows, columns)}` } : {}),
    ...(sheet.frozenRows > 0 ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
  });
  ws.headerFooter.oddFooter = '&L&A&RPage &P of &N';
}

/** Rules the xlsx could not hold, as vertical runs (for state.json). */
export function extraValidationRuns(sheet: SheetData): SheetState['extraValidations'] {
  const runs: SheetState['extraValidations'] = [];
  const open = new Map<number, SheetState['extraValidations'][number]>();
  for (const [r, c, rule] of sheet.validations.entries()) {
    if (fitsInline(rule)) continue;
    const run = open.get(c);
    if (run && run.row + run.numRows === r + 1 && sameRule(run.rule, rule)) {
      run.numRows++;
      continue;
    }
    const next = { row: r + 1, column: c + 1, numRows: 1, rule: { ...rule, values: [...rule.values] } };
    runs.push(next);
    open.set(c, next);
  }
  return runs;
}

function sameRule(a: ValidationRule, b: ValidationRule): boolean {
  return (
    a.criteria === b.criteria &&
    a.showDropdown === b.showDropdown &&
    a.allowInvalid === b.allowInvalid &&
    a.helpText === b.helpText &&
    a.values.length === b.values.length &&
    a.values.every((v, i) => v === b.values[i])
  );
}

export function applyExtraValidations(sheet: SheetData, runs: SheetState['extraValidations']): void {
  for (const run of runs) {
    const rule: ValidationRule = Object.freeze({ ...run.rule, values: Object.freeze([...run.rule.values]) });
    sheet.validations.fill(run.row - 1, run.column - 1, run.numRows, 1, rule);
  }
}

/** Reads a cell as the spreadsheet would hold it. Strings are never re-parsed: the file is typed. */
function readCell(cell: ExcelJS.Cell, timeZone: string): CellWrite {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return {};
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return { value: v };
  if (v instanceof Date) return { value: new Date(fromWallDate(v, timeZone)) };
  if ('formula' in v || 'sharedFormula' in v) {
    // LibreOffice has no boolean cells: it saves TRUE and FALSE as the formulas TRUE() and FALSE()
    // (observed with LibreOffice 7.4). Read them as the values Sheets would hold.
    const literal = /^(TRUE|FALSE)\(\)$/i.exec(cell.formula ?? '');
    if (literal) return { value: literal[1]!.toUpperCase() === 'TRUE' };
    return cell.formula ? { formula: `=${cell.formula}` } : {};
  }
  if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
  if ('hyperlink' in v) return { value: String(v.text) };
  if ('error' in v) return { value: String(v.error) };
  return { value: String(v) };
}

/**
 * Reads the tabs of workbook.xlsx into new SheetData, taking from state.json (matched by xlsx tab
 * name) what the file cannot hold: sheet id, full name, grid size, rules not held inline.
 */
export async function readWorkbook(
  file: string,
  doc: SpreadsheetData,
  states: readonly SheetState[],
): Promise<SheetData[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: SheetData[] = [];
  for (const ws of wb.worksheets) {
    const state = states.find((s) => s.xlsxName === ws.name);
    const taken = new Set(sheets.map((s) => s.id));
    let id = state && !taken.has(state.id) ? state.id : undefined;
    if (id === undefined) {
      id = sheets.length === 0 && !states.some((s) => s.id === 0) ? 0 : doc.newSheetId();
      while (taken.has(id)) id = doc.newSheetId();
    }
    const sheet = new SheetData(id, state?.name ?? ws.name);
    readSheet(ws, sheet, doc.timeZone);
    sheet.maxRows = Math.max(state?.maxRows ?? DEFAULT_ROWS, sheet.lastRow(), sheet.formats.lastRow());
    sheet.maxColumns = Math.max(
      state?.maxColumns ?? DEFAULT_COLUMNS,
      sheet.lastColumn(),
      sheet.formats.lastColumn(),
    );
    if (state) applyExtraValidations(sheet, state.extraValidations);
    sheets.push(sheet);
  }
  return sheets;
}

function readSheet(ws: ExcelJS.Worksheet, sheet: SheetData, timeZone: string): void {
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
  const view = ws.views?.[0];
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const content = readCell(cell, timeZone);
      sheet.values.set(r, c, content.value);
      sheet.formulas.set(r, c, content.formula);
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General' && !AUTO_DATE_FORMATS.has(fmt)) sheet.formats.set(r, c, fmt);
      if (cell.font?.bold) sheet.fontWeights.set(r, c, 'bold');
      const fill = cell.fill;
      const argb = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
      if (argb && /^[0-9A-F]{8}$/i.test(argb)) sheet.backgrounds.set(r, c, `#${argb.slice(2).toLowerCase()}`);
      if (cell.alignment?.wrapText) sheet.wraps.set(r, c, true);
      const vertical = cell.alignment?.vertical;
      if (vertical === 'top' || vertical === 'middle') sheet.verticalAlignments.set(r, c, vertical);
      const note = noteText(cell.note);
      if (note) sheet.notes.set(r, c, note);
    });
    if (row.height) sheet.rowHeights[rowNumber - 1] = Math.round(row.height / PT_PER_PX);
  });
  const columnCount = Math.max(ws.columnCount, ws.columns?.length ?? 0);
  for (let c = 1; c <= columnCount; c++) {
    const col = ws.getColumn(c);
    if (col.hidden) sheet.hiddenColumns[c - 1] = true;
    if (col.width !== undefined) sheet.columnWidths[c - 1] = Math.round(col.width * PX_PER_CHAR);
  }
  const rules = new Map<ExcelJS.DataValidation, ValidationRule | null>();
  for (const [address, v] of Object.entries(validationsOf(ws).model)) {
    if (!v) continue;
    if (!rules.has(v)) rules.set(v, fromXlsxValidation(v));
    const rule = rules.get(v);
    const area = parseA1(address, 1, 1);
    if (rule && area) sheet.validations.set(area.row - 1, area.column - 1, rule);
  }
}

/** A cell's comment as exceljs reads it back: plain text, or rich text in runs. */
function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: Array<{ text?: unknown }> } | undefined)?.texts;
  return Array.isArray(texts) ? texts.map((t) => String(t.text ?? '')).join('') : '';
}
