import { isDate } from '../../domain/dates';
import { textOf } from '../../domain/text';
import type { Ports, Table } from '../../ports';

/**
 * The response rows intake has not taken yet, read through a cursor: the last row taken and its
 * timestamp, in script properties. A new response costs what one row costs, however long the tab
 * grows. If the row under the cursor is not the one it names (the tab was sorted, rows were
 * deleted), the tab is read again from the top and everything is counted afresh.
 */
export interface ResponseBatch {
  /** The header and the rows of this batch. */
  readonly table: Table;
  /** Read from the top: counts start again from nothing (the first run, or the tab was re-ordered). */
  readonly fromTop: boolean;
  /** More rows wait than one run takes: a continuation takes them. */
  readonly more: boolean;
  /** Moves the cursor past this batch (call once its rows are written). */
  save(): void;
}

interface Cursor {
  readonly row: number;
  readonly stamp: string;
}

const stampOf = (v: unknown) => (isDate(v) ? v.toISOString() : textOf(v));

function readCursor(ports: Pick<Ports, 'store'>, key: string): Cursor | null {
  try {
    const c = JSON.parse(ports.store.get(key) ?? 'null') as Cursor | null;
    return c && Number.isInteger(c.row) && c.row >= 2 ? c : null;
  } catch {
    return null;
  }
}

export function newResponses(
  ports: Pick<Ports, 'workbook' | 'store'>,
  cursorKey: string,
  tab: string,
  limit: number,
): ResponseBatch {
  const cursor = readCursor(ports, cursorKey);
  const head = ports.workbook.readHeader(tab);
  let fromTop = cursor === null;
  let table: Table | null = null;
  if (cursor) {
    if (cursor.row <= head.lastRow) {
      const read = ports.workbook.readRows(tab, cursor.row, Math.min(head.lastRow, cursor.row + limit));
      const first = read.rows[0];
      if (first && first.rowNumber === cursor.row && stampOf(first.values.Timestamp) === cursor.stamp)
        table = { ...read, rows: read.rows.slice(1) };
    }
    fromTop = table === null;
  }
  if (!table) table = ports.workbook.readRows(tab, 2, Math.min(head.lastRow, 1 + limit));
  const last = table.rows[table.rows.length - 1];
  const readTo = fromTop
    ? Math.min(head.lastRow, 1 + limit)
    : Math.min(head.lastRow, (cursor?.row ?? 1) + limit);
  const batch = table;
  return {
    table: batch,
    fromTop,
    more: readTo < head.lastRow,
    save: () => {
      if (last)
        ports.store.set(
          cursorKey,
          JSON.stringify({ row: last.rowNumber, stamp: stampOf(last.values.Timestamp) }),
        );
      else if (fromTop && cursor) ports.store.delete(cursorKey);
    },
  };
}
