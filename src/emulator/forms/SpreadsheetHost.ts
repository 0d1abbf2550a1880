/**
 * What the Forms service needs from the Spreadsheet module (src/emulator/spreadsheet/), written as a
 * structural interface so this folder does not depend on that module's internals. The real
 * `SpreadsheetModule` satisfies it; tests may pass a small fake.
 */

/** The script-visible Range methods the Forms service uses (they count as service calls). */
export interface ResponseRange {
  getValues(): unknown[][];
  setValues(values: unknown[][]): unknown;
}

/** The script-visible Sheet methods the Forms service uses. */
export interface ResponseSheet {
  getName(): string;
  getRange(row: number, column: number, numRows: number, numColumns: number): ResponseRange;
  appendRow(rowContents: unknown[]): unknown;
  getLastRow(): number;
  getLastColumn(): number;
  getSheetId?(): number;
  /** Host-side, uncounted: the stored tab (the real Sheet has it; a fake may not). */
  readonly data?: { readonly id: number; readonly name: string };
}

/** The script-visible Spreadsheet methods the Forms service uses. */
export interface ResponseSpreadsheet {
  getId(): string;
  getSheetByName(name: string): ResponseSheet | null;
  getSpreadsheetTimeZone?(): string;
}

/** Host-side API of the Spreadsheet module (no counting). */
export interface SpreadsheetHost {
  readonly active: ResponseSpreadsheet;
  byId(id: string): ResponseSpreadsheet | null | undefined;
  /** Creates "Form Responses N" as the first tab, with the header row written. */
  createResponseSheet(spreadsheetId: string, headers: string[]): ResponseSheet;
  /** Optional: a tab by its sheet id, so a renamed response tab is still found. */
  sheetById?(spreadsheetId: string, sheetId: number): ResponseSheet | null;
  /** Optional: appends a row without counting a call (strings parsed as typed); returns its row. */
  appendRowHost?(sheet: ResponseSheet, row: readonly unknown[], options?: { literal?: boolean }): number;
}
