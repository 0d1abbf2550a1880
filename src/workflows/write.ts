import type { Ports, RowChange, RowValues, Table } from '../ports';

/**
 * Writes changes to a tab as one block: rows between the changed ones are rewritten with what
 * they hold, so the number of spreadsheet calls does not grow with the number of rows changed.
 */
export function updateAsOneBlock(
  ports: Pick<Ports, 'workbook'>,
  table: Table,
  changes: ReadonlyMap<number, RowValues>,
): void {
  if (changes.size === 0) return;
  const rows = [...changes.keys()];
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const all: RowChange[] = table.rows
    .filter((r) => r.rowNumber >= first && r.rowNumber <= last)
    .map((r) => ({ rowNumber: r.rowNumber, values: changes.get(r.rowNumber) ?? {} }));
  ports.workbook.update(table, all);
}

/** A row of a keyed tab while responses are read into it: where it is (null: new) and what it holds. */
export interface KeyedRow {
  rowNumber: number | null;
  values: RowValues;
  changed: boolean;
}

/** Writes the changed rows of a keyed tab: those already there as one block, the new ones appended. */
export function writeKeyedRows(ports: Pick<Ports, 'workbook'>, table: Table, rows: Iterable<KeyedRow>): void {
  const changes = new Map<number, RowValues>();
  const appends: RowValues[] = [];
  for (const r of rows) {
    if (!r.changed) continue;
    if (r.rowNumber === null) appends.push(r.values);
    else changes.set(r.rowNumber, r.values);
  }
  updateAsOneBlock(ports, table, changes);
  ports.workbook.append(table, appends);
}
