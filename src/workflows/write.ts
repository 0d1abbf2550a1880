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
