import { pad, wallClockAt } from '../runtime/timeZone';
import type { FormsStore } from './FormsStore';
import { type ColumnKey, type FormData, type ItemData, isQuestion, type ResponseData } from './model';
import type { ResponseRange, ResponseSheet, ResponseSpreadsheet } from './SpreadsheetHost';

/** What a spreadsheet installable onFormSubmit trigger receives (the Emulator adds triggerUid). */
export interface FormSubmitEvent {
  authMode: 'FULL';
  namedValues: Record<string, string[]>;
  range: ResponseRange;
  source: ResponseSpreadsheet;
  values: string[];
}

export interface FormSubmission {
  spreadsheetId: string;
  event: FormSubmitEvent;
}

export const EMAIL_HEADER = 'Email Address';
const DEFAULT_TIME_ZONE = 'Europe/London';

function headerOf(form: FormData, key: ColumnKey): string {
  if (key === 'email') return EMAIL_HEADER;
  return form.items.find((i) => i.id === key)?.title ?? '';
}

/**
 * Links the form to a spreadsheet: a new "Form Responses N" tab, first in order, with Timestamp
 * then one column per question in form order (section headers get none). Earlier responses are
 * copied into the new tab, as the Forms UI does when it links a sheet [uncertain for the API]; the
 * old tab, if any, keeps its rows (fact sheet §1).
 */
export function link(store: FormsStore, form: FormData, spreadsheetId: string): void {
  const keys: ColumnKey[] = [];
  if (form.collectEmail) keys.push('email');
  for (const item of form.items) if (isQuestion(item)) keys.push(item.id);
  const columns = keys.map((key) => ({ key, header: headerOf(form, key) }));
  const headers = ['Timestamp', ...columns.map((c) => c.header)];
  const sheet = store.sheets.createResponseSheet(spreadsheetId, headers);
  // Read host-side where the Sheet allows: setDestination is one call on Google, so a run cut off
  // must not be able to stop between the tab appearing and the form knowing it.
  const sheetId = sheet.data?.id ?? sheet.getSheetId?.();
  form.destination = {
    spreadsheetId,
    sheetName: sheet.data?.name ?? sheet.getName(),
    columns,
    ...(sheetId === undefined ? {} : { sheetId }),
  };
  for (const response of form.responses) appendRow(store, form, response);
}

function linkedSheet(
  store: FormsStore,
  form: FormData,
): { ss: ResponseSpreadsheet; sheet: ResponseSheet } | null {
  const dest = form.destination;
  if (!dest) return null;
  const ss = store.sheets.byId(dest.spreadsheetId);
  const byId =
    dest.sheetId !== undefined ? store.sheets.sheetById?.(dest.spreadsheetId, dest.sheetId) : undefined;
  const sheet = byId ?? ss?.getSheetByName(dest.sheetName);
  // A coordinator may have deleted the tab; Google then recreates it [uncertain]; we stop writing.
  return ss && sheet ? { ss, sheet } : null;
}

/** A question added (or e-mail collection turned on) after linking gets a new column at the right. */
export function addColumn(store: FormsStore, form: FormData, key: ColumnKey): void {
  const dest = form.destination;
  if (!dest || dest.columns.some((c) => c.key === key)) return;
  const header = headerOf(form, key);
  dest.columns.push({ key, header });
  const target = linkedSheet(store, form);
  if (target) target.sheet.getRange(1, dest.columns.length + 1, 1, 1).setValues([[header]]);
}

/** Renaming a linked question renames its column header (fact sheet §1). */
export function renameColumn(store: FormsStore, form: FormData, item: ItemData): void {
  const index = form.destination?.columns.findIndex((c) => c.key === item.id) ?? -1;
  const column = form.destination?.columns[index];
  if (!column) return;
  column.header = item.title;
  const target = linkedSheet(store, form);
  if (target) target.sheet.getRange(1, index + 2, 1, 1).setValues([[item.title]]);
}

/** 'dd/MM/yyyy HH:mm:ss' in the zone, as an en_GB sheet displays a date-time. */
function formatEnGb(ms: number, timeZone: string): string {
  const w = wallClockAt(ms, timeZone);
  return `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The cell a response puts in the sheet, and the string the event carries for it. */
function cellOf(form: FormData, response: ResponseData, key: ColumnKey): { cell: unknown; text: string } {
  if (key === 'email') return { cell: response.email, text: response.email };
  const answer = response.answers.find((a) => a.itemId === key);
  if (!answer) return { cell: '', text: '' };
  // Checkbox answers go into one cell joined with ", " (fact sheet §1, separator [uncertain]).
  const text = Array.isArray(answer.value) ? answer.value.join(', ') : answer.value;
  const item = form.items.find((i) => i.id === key);
  if (item?.type === 'SCALE' && text !== '' && Number.isFinite(Number(text)))
    return { cell: Number(text), text };
  // A typed answer starting with '=' is kept as text, never run as a formula: written with a
  // leading apostrophe so the sheet stores the literal [uncertain: how Google escapes it].
  return { cell: text.startsWith('=') ? `'${text}` : text, text };
}

/** Appends the response's row to the linked tab and builds the spreadsheet onFormSubmit event. */
export function appendRow(store: FormsStore, form: FormData, response: ResponseData): FormSubmission | null {
  const dest = form.destination;
  const target = linkedSheet(store, form);
  if (!dest || !target) return null;
  const cells: unknown[] = [new Date(response.timestamp)];
  const timeZone = target.ss.getSpreadsheetTimeZone?.() ?? DEFAULT_TIME_ZONE;
  // The event's timestamp is the sheet's display string: en_GB 'dd/MM/yyyy HH:mm:ss' in the
  // spreadsheet's time zone (the format per locale is [uncertain], fact sheet §2).
  const values: string[] = [formatEnGb(response.timestamp, timeZone)];
  const namedValues: Record<string, string[]> = { Timestamp: [values[0] ?? ''] };
  for (const { key, header } of dest.columns) {
    const { cell, text } = cellOf(form, response, key);
    cells.push(cell);
    values.push(text);
    // Two columns with one header collect both values under that name [uncertain].
    namedValues[header] = [...(namedValues[header] ?? []), text];
  }
  let row: number;
  if (store.sheets.appendRowHost) {
    row = store.sheets.appendRowHost(target.sheet, cells);
  } else {
    target.sheet.appendRow(cells);
    row = target.sheet.getLastRow();
  }
  const range = target.sheet.getRange(row, 1, 1, cells.length);
  return {
    spreadsheetId: dest.spreadsheetId,
    event: { authMode: 'FULL', namedValues, range, source: target.ss, values },
  };
}
