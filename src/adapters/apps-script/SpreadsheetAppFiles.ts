import type { Cell, SheetContent, SpreadsheetFiles } from '../../ports';
import { toCell } from './SheetWorkbook';

/**
 * Google's words for an id that names no spreadsheet this account can open (deleted, never shared).
 * Any other failure (Google busy) is not taken for "gone": that would make a second file.
 */
function isNotThere(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /Unexpected error while getting the method or property openById|do not have permission to access the requested document|Requested entity was not found/i.test(
    message,
  );
}

/** The SpreadsheetFiles port on SpreadsheetApp.create/openById (the `spreadsheets` scope). */
export class SpreadsheetAppFiles implements SpreadsheetFiles {
  create(name: string): { id: string; url: string } {
    const file = SpreadsheetApp.create(name);
    return { id: file.getId(), url: file.getUrl() };
  }

  exists(id: string): boolean {
    try {
      SpreadsheetApp.openById(id);
      return true;
    } catch (e) {
      if (isNotThere(e)) return false;
      throw new Error(
        `Google Sheets did not answer ("${e instanceof Error ? e.message : String(e)}"). Nothing was changed; try again in a few minutes.`,
      );
    }
  }

  /** One tab at a time: cleared, grown to fit, written in one setValues; then the others removed. */
  write(id: string, tabs: readonly SheetContent[]): string {
    const file = SpreadsheetApp.openById(id);
    tabs.forEach((tab, index) => {
      const sheet = file.getSheetByName(tab.name) ?? file.insertSheet(tab.name, index);
      sheet.clearContents();
      const width = Math.max(1, ...tab.rows.map((r) => r.length));
      const height = Math.max(1, tab.rows.length);
      if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
      if (width > sheet.getMaxColumns())
        sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      const values = (tab.rows.length ? tab.rows : [[]]).map((r) =>
        Array.from({ length: width }, (_, c) => toCell(r[c] as Cell | undefined)),
      );
      sheet.getRange(1, 1, height, width).setValues(values);
      sheet.getRange(1, 1, 1, width).setFontWeight('bold');
      sheet.setFrozenRows(1);
    });
    const wanted = new Set(tabs.map((t) => t.name));
    for (const sheet of file.getSheets()) if (!wanted.has(sheet.getName())) file.deleteSheet(sheet);
    return file.getUrl();
  }
}
