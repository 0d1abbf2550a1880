import type { Emulator } from '../emulator/Emulator';
import { ATTENTION } from '../workflows/keepInTouch/tabs';
import { APPLICANT, CHOICE, MATCH, OUTBOX, PROGRAMME, SETTING, TAB, TEMPLATE } from '../workflows/tabs';
import { CliError } from './workspace';

/** The column whose value names a row, per tab a coordinator edits (found by header, wherever it is). */
export const ROW_ID_COLUMN: Readonly<Record<string, string>> = {
  [TAB.applicants]: APPLICANT.id,
  [TAB.matches]: MATCH.menteeId,
  [TAB.choices]: CHOICE.menteeId,
  [TAB.programme]: PROGRAMME.key,
  [TAB.settings]: SETTING.key,
  [TAB.templates]: TEMPLATE.key,
  [TAB.outbox]: OUTBOX.key,
  [TAB.attention]: ATTENTION.key,
};

/** One edit, as the CLI reports it: "Applicants ME-004 Status: Applied → Selected". */
export interface CellEdit {
  readonly tab: string;
  readonly rowId: string;
  readonly column: string;
  readonly before: string;
  readonly after: string;
  /** False when the column's choices do not include the value (Sheets keeps it, marked). */
  readonly valid: boolean;
}

const MAX_LISTED = 12;

/** "a, b, c" or "a, b, … and 40 more": a list short enough to read in a message. */
function listed(names: readonly string[]): string {
  if (names.length <= MAX_LISTED) return names.join(', ');
  return `${names.slice(0, MAX_LISTED).join(', ')} … and ${names.length - MAX_LISTED} more`;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The one name in `names` a person meant: exact, else the only one equal ignoring case and spaces. */
function pick(names: readonly string[], wanted: string): number {
  const exact = names.indexOf(wanted);
  if (exact >= 0) return exact;
  const loose = names.flatMap((n, i) => (same(n, wanted) ? [i] : []));
  return loose.length === 1 ? loose[0]! : -1;
}

function tabName(emulator: Emulator, wanted: string): string {
  const editable = emulator.spreadsheets.active.doc.sheets
    .map((s) => s.name)
    .filter((name) => name in ROW_ID_COLUMN);
  const i = pick(editable, wanted);
  if (i < 0)
    throw new CliError(
      `There is no tab "${wanted}" whose rows have an ID. Tabs you can edit: ${editable.join(', ')}.`,
      2,
      'not-found',
    );
  return editable[i]!;
}

/** 1-based sheet row of the row named `rowId`, or of sheet row N for "#N". */
function rowNumber(tab: string, values: readonly unknown[][], idColumn: number, rowId: string): number {
  const hash = /^#(\d+)$/.exec(rowId.trim());
  if (hash) {
    const n = Number(hash[1]);
    if (n >= 2 && n <= values.length) return n;
    throw new CliError(`${tab} has no row ${n}: its rows are 2 to ${values.length}.`, 2, 'not-found');
  }
  const ids = values.slice(1).map((r) => String(r[idColumn] ?? ''));
  const header = String(values[0]?.[idColumn]);
  let matches = ids.flatMap((id, i) => (id === rowId ? [i + 2] : []));
  if (matches.length === 0) matches = ids.flatMap((id, i) => (id !== '' && same(id, rowId) ? [i + 2] : []));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new CliError(
      `${matches.length} rows of ${tab} have ${header} ${rowId} (rows ${matches.join(', ')}): name the row by its number, e.g. "#${matches[0]}".`,
      2,
    );
  const known = ids.filter((id) => id !== '');
  throw new CliError(
    known.length === 0
      ? `${tab} has no rows yet.`
      : `No row of ${tab} has ${header} "${rowId}". ${header}s: ${listed(known)}.`,
    2,
    'not-found',
  );
}

/**
 * Types `text` into one cell as the coordinator would in Sheets: the row found by its ID column
 * (ROW_ID_COLUMN; or "#N" for sheet row N), the column by its header. Sheets reads the text as
 * typed input (a number, TRUE/FALSE, a date in the spreadsheet's zone, or text in a text column).
 */
export function typeCell(
  emulator: Emulator,
  tab: string,
  rowId: string,
  column: string,
  text: string,
): CellEdit {
  const name = tabName(emulator, tab);
  const values = emulator.spreadsheets.values(name);
  const headers = (values[0] ?? []).map(String);
  const idColumn = headers.indexOf(ROW_ID_COLUMN[name]!);
  if (idColumn < 0)
    throw new CliError(
      `${name} has no "${ROW_ID_COLUMN[name]}" column to find rows by: check its header row.`,
    );
  const c = pick(headers, column);
  if (c < 0 || headers[c] === '')
    throw new CliError(
      `${name} has no column "${column}". Columns: ${headers.filter((h) => h !== '').join(', ')}.`,
      2,
      'not-found',
    );
  const row = rowNumber(name, values, idColumn, rowId);
  let typed: ReturnType<Emulator['spreadsheets']['typeInto']>;
  try {
    typed = emulator.spreadsheets.typeInto(name, row, c + 1, text);
  } catch (e) {
    throw new CliError(`${name} ${rowId} ${headers[c]}: ${(e as Error).message}`, 2, 'refused');
  }
  return { tab: name, rowId: String(values[row - 1]?.[idColumn] || rowId), column: headers[c]!, ...typed };
}

/** "Applicants ME-004 Status: Applied → Selected" (a blank cell shows as "(blank)"). */
export function describeEdit(edit: CellEdit): string {
  const shown = (s: string) => (s === '' ? '(blank)' : s);
  const line = `${edit.tab} ${edit.rowId} ${edit.column}: ${shown(edit.before)} → ${shown(edit.after)}`;
  return edit.valid ? line : `${line} (not one of the column's choices: Sheets keeps it and marks the cell)`;
}

/** The rows of a tab (below its header) as records by header, as a person reads them. */
export function rowsOf(emulator: Emulator, tab: string): Array<Record<string, unknown>> {
  const [header = [], ...rows] = emulator.spreadsheets.values(tab);
  return rows.map((r) => Object.fromEntries(header.map((h, c) => [String(h), r[c]])));
}
