import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { isTimeZone } from '../runtime/timeZone';
import type { Range } from './Range';
import { Sheet } from './Sheet';
import type { SheetData } from './SheetData';
import type { SpreadsheetData } from './SpreadsheetData';
import { shiftDates } from './wallDate';

/** Script-visible Spreadsheet (the file). One object per file, one Sheet object per tab. */
export class Spreadsheet
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Spreadsheet,
      | 'getId'
      | 'getName'
      | 'getUrl'
      | 'getSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'getNumSheets'
      | 'moveActiveSheet'
    >
{
  private readonly wrappers = new WeakMap<SheetData, Sheet>();

  constructor(
    private readonly rt: Runtime,
    /** Host-side: the stored file. */
    readonly doc: SpreadsheetData,
  ) {}

  /** Host-side: the Sheet object for a stored tab (no call counted). */
  sheetOf(data: SheetData): Sheet {
    let sheet = this.wrappers.get(data);
    if (!sheet) {
      sheet = new Sheet(this.rt, this.doc, this, data);
      this.wrappers.set(data, sheet);
    }
    return sheet;
  }

  getId(): string {
    this.rt.call('Spreadsheet.getId');
    return this.doc.id;
  }

  getName(): string {
    this.rt.call('Spreadsheet.getName');
    return this.doc.name;
  }

  getUrl(): string {
    this.rt.call('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.doc.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.rt.call('Spreadsheet.getSpreadsheetTimeZone');
    return this.doc.timeZone;
  }

  /**
   * The spreadsheet's own zone (File → Settings), which can differ from the script's ([official]
   * AS/reference/base/session#getScriptTimeZone(): "a frequent source of scripting bugs"). Sheets
   * keeps the wall-clock time a cell shows, so every date cell now names another instant.
   */
  setSpreadsheetTimeZone(timezone: string): void {
    this.rt.call('Spreadsheet.setSpreadsheetTimeZone');
    const zone = String(timezone);
    if (!isTimeZone(zone)) throw new ScriptException(`Invalid argument: timezone`);
    shiftDates(this.doc, zone);
  }

  getSpreadsheetLocale(): string {
    this.rt.call('Spreadsheet.getSpreadsheetLocale');
    return this.doc.locale;
  }

  /**
   * Exact name match; null when there is no such tab. Unlike insertSheet, case counts: public Apps
   * Script projects note that getSheetByName is case-sensitive and look again ignoring case
   * ([observed]; Google's reference does not say).
   */
  getSheetByName(name: string): Sheet | null {
    this.rt.call('Spreadsheet.getSheetByName');
    const data = this.doc.sheetByName(String(name));
    return data ? this.sheetOf(data) : null;
  }

  getSheetById(id: number): Sheet | null {
    this.rt.call('Spreadsheet.getSheetById');
    const data = this.doc.sheetById(Number(id));
    return data ? this.sheetOf(data) : null;
  }

  getSheets(): Sheet[] {
    this.rt.call('Spreadsheet.getSheets');
    return this.doc.sheets.map((s) => this.sheetOf(s));
  }

  getNumSheets(): number {
    this.rt.call('Spreadsheet.getNumSheets');
    return this.doc.sheets.length;
  }

  /**
   * insertSheet(), insertSheet(name), insertSheet(name, index) with a 0-based index. Activates it.
   * A name taken in any case is refused (SpreadsheetData.nameTaken) in Google's words ([observed]:
   * an Apps Script log copied into a public project, 'Exception: A sheet with the name
   * "new2-May20" already exists. Please enter another name.', and the Sheets API's 400 for addSheet
   * quoted the same way); that the message quotes the name asked for, not the existing tab's, when
   * the two differ in case is [uncertain].
   */
  insertSheet(sheetName?: string, sheetIndex?: number): Sheet {
    this.rt.call('Spreadsheet.insertSheet');
    const name = sheetName === undefined ? this.doc.defaultSheetName() : String(sheetName);
    if (this.doc.nameTaken(name)) {
      throw new ScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const data = this.doc.addSheet(name, sheetIndex);
    this.doc.activeSheetId = data.id;
    return this.sheetOf(data);
  }

  /**
   * Removes a tab. The last one cannot go: "You can't remove all the sheets in a document." ([observed]
   * in Apps Script: a public project's comment "Avoid Exception: You can't remove all the sheets in a
   * document."; the Sheets API answers a deleteSheet request with the same words).
   */
  deleteSheet(sheet: Sheet): void {
    this.rt.call('Spreadsheet.deleteSheet');
    const data = this.ownSheet(sheet, 'deleteSheet');
    if (this.doc.sheets.length === 1)
      throw new ScriptException("You can't remove all the sheets in a document.");
    this.doc.removeSheet(data);
  }

  getActiveSheet(): Sheet {
    this.rt.call('Spreadsheet.getActiveSheet');
    return this.sheetOf(this.doc.activeSheet());
  }

  /**
   * setActiveSheet(sheet[, restoreSelection]): the tab moveActiveSheet and getActiveSheet then act on.
   * A hidden tab is shown: the Sheets UI shows the tab it puts in front. [uncertain] (no source
   * says either way; the strict choice: a script that moves hidden tabs must hide them again.)
   */
  setActiveSheet(sheet: Sheet, restoreSelection?: boolean): Sheet {
    this.rt.call('Spreadsheet.setActiveSheet');
    void restoreSelection;
    const data = this.ownSheet(sheet, 'setActiveSheet');
    data.hidden = false;
    this.doc.activeSheetId = data.id;
    return sheet;
  }

  /**
   * Moves the active tab so that it is the `pos`-th (1-based: getIndex() is then `pos`, as scripts
   * rely on with `moveActiveSheet(ss.getNumSheets())` for "to the end"). [official]
   * AS/reference/spreadsheet/spreadsheet#moveActiveSheet(Integer): "Throws an exception if the
   * position is negative or greater than the number of sheets." 0 is refused too (positions are
   * 1-based: the strict reading); a fraction is refused rather than rounded. Wording [uncertain]:
   * Apps Script's pattern for a bad argument ("Invalid argument: url").
   */
  moveActiveSheet(pos: number): void {
    this.rt.call('Spreadsheet.moveActiveSheet');
    if (typeof pos !== 'number' || !Number.isInteger(pos)) {
      throw new ScriptException(
        "The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.moveActiveSheet.",
      );
    }
    if (pos < 1 || pos > this.doc.sheets.length) throw new ScriptException('Invalid argument: pos');
    this.doc.moveSheet(this.doc.activeSheet(), pos - 1);
  }

  /** The stored tab of a Sheet of this file (a deleted tab's Sheet no longer is one). */
  private ownSheet(sheet: Sheet, method: string): SheetData {
    if (!(sheet instanceof Sheet) || !this.doc.sheets.includes(sheet.data)) {
      throw new ScriptException(
        `The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.${method}.`,
      );
    }
    return sheet.data;
  }

  /** Range in A1 notation on the active tab, or 'Tab name!A1:B2'. */
  getRange(a1Notation: string): Range {
    this.rt.call('Spreadsheet.getRange');
    const text = String(a1Notation);
    const bang = text.lastIndexOf('!');
    let data = this.doc.activeSheet();
    if (bang >= 0) {
      const name = text
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      const found = this.doc.sheetByName(name);
      if (!found) throw new ScriptException('Range not found');
      data = found;
    }
    return this.sheetOf(data).rangeFromA1(bang >= 0 ? text.slice(bang + 1) : text);
  }

  /** Recorded as a toast (shown even from a trigger: Sheets just has no one to show it to). */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.rt.call('Spreadsheet.toast');
    void timeoutSeconds;
    this.rt.show('toast', title === undefined || title === null ? '' : String(title), String(msg));
  }
}
