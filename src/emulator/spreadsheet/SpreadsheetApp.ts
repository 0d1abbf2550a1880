import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { DataValidationBuilder } from './DataValidationBuilder';
import type { MenuRegistry } from './Menu';
import type { Sheet } from './Sheet';
import type { Spreadsheet } from './Spreadsheet';
import { Ui } from './Ui';

/** What SpreadsheetApp needs from the module: the bound file and any file by id. */
export interface SpreadsheetDirectory {
  readonly active: Spreadsheet;
  byId(id: string): Spreadsheet | null;
}

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

  openById(id: string): Spreadsheet {
    this.rt.call('SpreadsheetApp.openById');
    const file = this.files.byId(String(id));
    // [uncertain] Apps Script's wording for an unknown or inaccessible id varies; this one is common.
    if (!file)
      throw new ScriptException(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return file;
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
