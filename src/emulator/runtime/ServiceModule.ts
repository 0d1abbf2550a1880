/**
 * One emulated Apps Script service (a folder under src/emulator/). The Emulator composes them:
 * their globals go into the script's context, their state into the workspace folder.
 */
export interface ServiceModule {
  /** The globals this service adds to the script's context, named as in Apps Script. */
  globals(): Record<string, unknown>;
  /** A JSON-safe snapshot, kept in the workspace's state.json under the module's key. */
  toState(): unknown;
  /** Restores a snapshot made by toState (the module's own key of state.json). */
  fromState(state: unknown): void;
  /** Writes files a person can open into the workspace folder (after executions, never during). */
  writeFiles?(dir: string): Promise<void>;
  /** Reads back what writeFiles wrote, where that file is the source of truth (workbook.xlsx). */
  readFiles?(dir: string): Promise<void>;
}
