/**
 * Simulated cost of one Apps Script service call, in milliseconds. These drive the emulator's clock
 * (and so the 6-minute limit) and the benchmark's time estimates. They are estimates of typical
 * latencies seen from Apps Script, not measurements from Google: round figures chosen on the slow
 * side, so a workflow that fits here should fit there. Most specific prefix wins.
 */
export const LATENCY_MS: ReadonlyArray<readonly [prefix: string, ms: number]> = [
  ['SpreadsheetApp.flush', 200],
  ['Range.getValues', 60],
  ['Range.getDisplayValues', 60],
  ['Range.setValues', 120],
  ['Range.setValue', 80],
  ['Range.', 30],
  ['Sheet.appendRow', 120],
  ['Sheet.', 30],
  ['Spreadsheet.insertSheet', 300],
  ['Spreadsheet.toast', 50],
  ['Spreadsheet.', 30],
  ['SpreadsheetApp.', 50],
  ['Ui.', 20],
  ['FormApp.create', 1500],
  ['Form.setDestination', 1500],
  ['Form.add', 250],
  ['Form.', 100],
  ['FormApp.', 100],
  ['MailApp.sendEmail', 400],
  ['MailApp.', 50],
  ['Calendar.Events.insert', 600],
  ['Calendar.Events.patch', 500],
  ['Calendar.Calendars.insert', 800],
  ['Calendar.', 300],
  ['PropertiesService.', 10],
  ['Properties.', 25],
  ['LockService.', 10],
  ['Lock.', 30],
  ['ScriptApp.newTrigger', 300],
  ['ScriptApp.', 100],
  ['HtmlService.', 50],
  ['HtmlOutput.', 5],
  ['Utilities.', 1],
  ['Session.', 5],
];

const DEFAULT_MS = 20;

export function latencyOf(call: string): number {
  let best: readonly [string, number] | undefined;
  for (const entry of LATENCY_MS) {
    if (call.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : DEFAULT_MS;
}

/**
 * What each cell read or written adds to a spreadsheet call: Google's time grows with the cells
 * ([official] AS/guides/support/best-practices asks for batching but gives no per-cell figure).
 * ESTIMATES, chosen on the slow side: 100,000 cells read ≈ 2 s, written ≈ 5 s. They make an action
 * that reads a whole long tab on every run visibly slow in the emulator and the load bench.
 */
export const CELL_READ_MS = 0.02;
export const CELL_WRITE_MS = 0.05;
