import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { DataValidationBuilder } from './DataValidationBuilder';
import type { MenuRegistry } from './Menu';
import type { Sheet } from './Sheet';
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from './SheetData';
import type { Spreadsheet } from './Spreadsheet';
import { Ui } from './Ui';

/** What SpreadsheetApp needs from the module: the bound file, any file by id, new files. */
export interface SpreadsheetDirectory {
  readonly active: Spreadsheet;
  byId(id: string): Spreadsheet | null;
  create(name: string, rows: number, columns: number): Spreadsheet;
}

/** Either lets a script open and create spreadsheets other than the one it is bound to. */
const OTHER_FILES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
] as const;

/** The script's `SpreadsheetApp` global, bound to one spreadsheet. */
export class SpreadsheetApp {
  /** Only the criteria the emulator implements. */
  readonly DataValidationCriteria = Object.freeze({
    VALUE_IN_LIST: 'VALUE_IN_LIST',
    CHECKBOX: 'CHECKBOX',
  } as const);

  constructor(
    private readonly rt: Runtime,
    private readonly files: SpreadsheetDirectory,
    private readonly menus: MenuRegistry,
  ) {}

  getActiveSpreadsheet(): Spreadsheet {
    this.rt.call('SpreadsheetApp.getActiveSpreadsheet');
    return this.files.active;
  }

  getActive(): Spreadsheet {
    this.rt.call('SpreadsheetApp.getActive');
    return this.files.active;
  }

  getActiveSheet(): Sheet {
    this.rt.call('SpreadsheetApp.getActiveSheet');
    return this.files.active.sheetOf(this.files.active.doc.activeSheet());
  }

  /**
   * Opens the bound file or one the script created. `spreadsheets.currentonly` is not enough, even
   * for the bound file's own id: openById needs the full scope (see Runtime.assertScope).
   */
  openById(id: string): Spreadsheet {
    this.rt.call('SpreadsheetApp.openById');
    this.rt.assertScope('SpreadsheetApp.openById', OTHER_FILES);
    const file = this.files.byId(String(id));
    // [uncertain] Apps Script's wording for an unknown or inaccessible id varies; this one is common.
    if (!file)
      throw new ScriptException(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return file;
  }

  /**
   * A new spreadsheet in the account's Drive: one tab, "Sheet1", 1000 rows × 26 columns by default.
   * Needs the `spreadsheets` (or `drive`) scope; the bound spreadsheet stays the active one.
   */
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    this.rt.call('SpreadsheetApp.create');
    this.rt.assertScope('SpreadsheetApp.create', OTHER_FILES);
    const size = (n: number | undefined, fallback: number, what: string) => {
      if (n === undefined) return fallback;
      if (!Number.isInteger(n) || n < 1) throw new ScriptException(`Invalid argument: ${what}`);
      return n;
    };
    return this.files.create(
      String(name),
      size(rows, DEFAULT_ROWS, 'rows'),
      size(columns, DEFAULT_COLUMNS, 'columns'),
    );
  }

  /** Throws "Cannot call SpreadsheetApp.getUi() from this context." in a trigger or the editor. */
  getUi(): Ui {
    this.rt.call('SpreadsheetApp.getUi');
    this.rt.assertUiAllowed();
    return new Ui(this.rt, this.menus);
  }

  /** Writes are applied at once in the emulator; flush only costs time. */
  flush(): void {
    this.rt.call('SpreadsheetApp.flush');
  }

  newDataValidation(): DataValidationBuilder {
    this.rt.call('SpreadsheetApp.newDataValidation');
    return new DataValidationBuilder(this.rt);
  }
}
