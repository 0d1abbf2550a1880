/** A1 notation: column letters and cell/range addresses, 1-based as in Apps Script. */

export interface GridArea {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function areaA1(area: GridArea): string {
  const start = cellA1(area.row, area.column);
  if (area.numRows === 1 && area.numColumns === 1) return start;
  return `${start}:${cellA1(area.row + area.numRows - 1, area.column + area.numColumns - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses 'B2', 'A1:C3', whole columns 'A:C' and whole rows '2:5' (open ends reach the sheet's
 * current size). Returns null when the text is not A1 notation; the caller throws Apps Script's error.
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): GridArea | null {
  const parts = text.trim().split(':');
  if (parts.length > 2 || parts[0] === undefined) return null;
  const first = CELL.exec(parts[0]);
  const second = parts.length === 2 ? CELL.exec(parts[1] ?? '') : first;
  if (!first || !second || (!first[1] && !first[2]) || (!second[1] && !second[2])) return null;
  const c1 = first[1] ? columnNumber(first[1]) : 1;
  const r1 = first[2] ? Number(first[2]) : 1;
  const c2 = second[1] ? columnNumber(second[1]) : maxColumns;
  const r2 = second[2] ? Number(second[2]) : maxRows;
  if (r1 < 1 || r2 < 1) return null;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}
