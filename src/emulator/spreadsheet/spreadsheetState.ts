import { z } from 'zod';

/** A rule the xlsx cannot hold inline (a list with commas or quotes, or over 255 characters). */
const storedRule = z.object({
  criteria: z.enum(['VALUE_IN_LIST', 'CHECKBOX']),
  values: z.array(z.string()),
  showDropdown: z.boolean(),
  allowInvalid: z.boolean(),
  helpText: z.string().nullable(),
});

const sheetState = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The tab's name inside workbook.xlsx (xlsx forbids some characters and names over 31 long). */
  xlsxName: z.string(),
  maxRows: z.number().int().positive(),
  maxColumns: z.number().int().positive(),
  frozenRows: z.number().int().nonnegative(),
  frozenColumns: z.number().int().nonnegative(),
  /** Vertical runs of cells (1-based) holding a rule the xlsx could not hold. */
  extraValidations: z.array(
    z.object({
      row: z.number().int(),
      column: z.number().int(),
      numRows: z.number().int(),
      rule: storedRule,
    }),
  ),
});

/** What state.json keeps for one spreadsheet file: what its xlsx cannot hold. */
const fileState = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  activeSheetId: z.number().int().nullable(),
  sheets: z.array(sheetState),
});

/**
 * What state.json keeps for the spreadsheets: the bound one (workbook.xlsx), and the files the
 * script made with SpreadsheetApp.create, each with its own xlsx (a path inside the workspace).
 */
export const spreadsheetState = fileState.extend({
  files: z.array(fileState.extend({ xlsxFile: z.string() })).default([]),
});

export type SpreadsheetFileState = z.infer<typeof fileState>;
export type SpreadsheetState = z.infer<typeof spreadsheetState>;
export type SheetState = z.infer<typeof sheetState>;
