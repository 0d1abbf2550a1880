import type { Ports } from '../ports';
import { LOG, logTab } from './tabs';

export type LogLevel = 'info' | 'warning' | 'error';

export interface LogEntry {
  readonly level: LogLevel;
  readonly action: string;
  readonly message: string;
}

/** Appends entries to the Log tab in one write (creating the tab if a coordinator deleted it). */
export function writeLog(ports: Pick<Ports, 'workbook' | 'clock'>, entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  ports.workbook.ensureTab(logTab);
  const table = ports.workbook.readHeader(logTab.name);
  const now = ports.clock.now();
  ports.workbook.append(
    table,
    entries.map((e) => ({
      [LOG.time]: now,
      [LOG.level]: e.level,
      [LOG.action]: e.action,
      [LOG.message]: e.message,
    })),
  );
}
