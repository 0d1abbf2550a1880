import * as v from 'valibot';
import { count, positiveWhole as positive, wholeNumber as whole } from '../runtime/stateSchemas';

/** A rule the xlsx cannot hold inline (a list with commas or quotes, or over 255 characters). */
const storedRule = v.object({
  criteria: v.picklist(['VALUE_IN_LIST', 'CHECKBOX']),
  values: v.array(v.string()),
  showDropdown: v.boolean(),
  allowInvalid: v.boolean(),
  helpText: v.nullable(v.string()),
});

const sheetState = v.object({
  id: whole,
  name: v.string(),
  /** The tab's name inside workbook.xlsx (xlsx forbids some characters and names over 31 long). */
  xlsxName: v.string(),
  maxRows: positive,
  maxColumns: positive,
  frozenRows: count,
  frozenColumns: count,
  /** Vertical runs of cells (1-based) holding a rule the xlsx could not hold. */
  extraValidations: v.array(v.object({ row: whole, column: whole, numRows: whole, rule: storedRule })),
});

/** What state.json keeps for one spreadsheet file: what its xlsx cannot hold. */
const fileState = v.object({
  id: v.string(),
  name: v.string(),
  timeZone: v.string(),
  locale: v.string(),
  activeSheetId: v.nullable(whole),
  sheets: v.array(sheetState),
});

/**
 * What state.json keeps for the spreadsheets: the bound one (workbook.xlsx), and the files the
 * script made with SpreadsheetApp.create, each with its own xlsx (a path inside the workspace).
 */
const spreadsheetState = v.object({
  ...fileState.entries,
  files: v.optional(v.array(v.object({ ...fileState.entries, xlsxFile: v.string() })), []),
});

/** Checks state.json's spreadsheet part; throws on a damaged one. */
export function parseSpreadsheetState(state: unknown): SpreadsheetState {
  return v.parse(spreadsheetState, state);
}

export type SpreadsheetFileState = v.InferOutput<typeof fileState>;
export type SpreadsheetState = v.InferOutput<typeof spreadsheetState>;
export type SheetState = v.InferOutput<typeof sheetState>;
