import type { ColumnKind, ColumnSpec } from '../../ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * How Cohort's tabs look and print. Sheets has no page-setup API (research notes §10), so a tab
 * prints well only by what it shows: widths that fit what a column holds, long text wrapped in rows
 * that do not grow, Cohort's bookkeeping hidden, a frozen header (Sheets repeats frozen rows on
 * every printed page).
 */

/**
 * Every date-time Cohort writes shows like this, as the Submission history text writes times
 * ('03/04/2025 11:00', src/domain/intake/history.ts). Sheets shows the instant in the
 * spreadsheet's own zone; set-up says so when that zone is not the programme's.
 */
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** The header row's shade (Google's light grey): set on every tab Cohort lays out. */
export const HEADER_BACKGROUND = '#e8eaed';

/** What getBackground gives a cell with none ([observed] public scripts compare with '#ffffff'). */
export const NO_BACKGROUND = '#ffffff';

/** Three lines of 10-point text: rows with wrapped text stay this tall whatever they hold. */
export const WRAPPED_ROW_HEIGHT = 60;

/** Pixels per column kind when the spec gives no width: dates ("03/04/2025 11:00"), numbers, yes/no. */
const WIDTH_BY_KIND: Readonly<Record<ColumnKind, number>> = {
  text: 160,
  date: 115,
  number: 80,
  boolean: 70,
};

export interface PlacedColumn {
  readonly spec: ColumnSpec;
  /** 1-based position on the sheet. */
  readonly position: number;
}

/** Header cells bold on a shade, frozen so they stay on screen and repeat on every printed page. */
export function styleHeader(sheet: Sheet, firstColumn: number, numColumns: number): void {
  sheet.getRange(1, firstColumn, 1, numColumns).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
}

/**
 * Lays out columns on the rows below the header: width, date format, wrap, hidden. `fresh` columns
 * (just made) also get their text format, so typed values are not parsed, and their dropdown.
 */
export function layOutColumns(sheet: Sheet, columns: readonly PlacedColumn[], fresh: boolean): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  for (const { spec, position } of columns) {
    sheet.setColumnWidth(position, spec.width ?? WIDTH_BY_KIND[spec.kind ?? 'text']);
    const range = sheet.getRange(2, position, rows, 1);
    if (fresh && (spec.kind ?? 'text') === 'text') range.setNumberFormat('@');
    if (spec.kind === 'date') range.setNumberFormat(DATE_TIME_FORMAT);
    if (spec.wrap) range.setWrap(true);
    if (spec.hidden) sheet.hideColumns(position);
    if (fresh && spec.choices) {
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList([...spec.choices], true)
        .setAllowInvalid(true)
        .build();
      range.setDataValidation(rule);
    }
  }
  // Wrapped text would make Sheets grow each row to fit it all (an email body: a screenful). In a
  // row of fixed height, text reads from the top: Sheets' default (bottom) would show a long
  // statement's last lines, not its first.
  if (columns.some((c) => c.spec.wrap)) {
    sheet.setRowHeightsForced(2, rows, WRAPPED_ROW_HEIGHT);
    const positions = columns.map((c) => c.position);
    const first = Math.min(...positions);
    sheet.getRange(2, first, rows, Math.max(...positions) - first + 1).setVerticalAlignment('top');
  }
}
