import type { Emulator } from '../emulator/Emulator';

/**
 * A coordinator's hand edits of the workbook, for the demo and the tests: by header name, as a
 * person finds the columns. Nothing here counts as a script's service call.
 */

/** Rewrites the rows of `tab` for which `change` returns new values (by header); returns how many. */
export function editRows(
  emulator: Emulator,
  tab: string,
  change: (row: Record<string, unknown>) => Record<string, unknown> | null,
): number {
  let n = 0;
  emulator.spreadsheets.editSheet(tab, (values) => {
    const header = (values[0] ?? []).map(String);
    return values.map((r, i) => {
      if (i === 0) return r;
      const set = change(Object.fromEntries(header.map((h, c) => [h, r[c]])));
      if (!set) return r;
      n++;
      return header.map((h, c) => (h in set ? set[h] : r[c]));
    });
  });
  return n;
}

/** Sets the Status of the applicants `decide` returns one for. */
export function setStatuses(
  emulator: Emulator,
  decide: (row: Record<string, unknown>) => string | null,
): number {
  return editRows(emulator, 'Applicants', (row) => {
    const status = row.Role ? decide(row) : null;
    return status === null ? null : { Status: status };
  });
}

/** Types values into the Settings tab's Value column, by setting key. */
export function setSettings(emulator: Emulator, values: Record<string, unknown>): number {
  return editRows(emulator, 'Settings', (row) =>
    String(row.Key) in values ? { Value: values[String(row.Key)] } : null,
  );
}
