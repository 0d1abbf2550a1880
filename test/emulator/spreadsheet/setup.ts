import { Runtime } from '../../../src/emulator/runtime/Runtime';
import type { SpreadsheetApp } from '../../../src/emulator/spreadsheet/SpreadsheetApp';
import {
  SpreadsheetModule,
  type SpreadsheetModuleOptions,
} from '../../../src/emulator/spreadsheet/SpreadsheetModule';

export const START = Date.UTC(2025, 3, 1);

/** A module, its runtime (an execution begun from a menu) and the script's SpreadsheetApp global. */
export function setup(options: Partial<SpreadsheetModuleOptions> = {}, kind: 'menu' | 'trigger' = 'menu') {
  const rt = new Runtime(START);
  const module = new SpreadsheetModule(rt, {
    name: 'Peer mentoring',
    timeZone: 'Europe/London',
    locale: 'en_GB',
    ...options,
  });
  const app = module.globals().SpreadsheetApp as SpreadsheetApp;
  rt.begin('t', kind);
  return { rt, module, app, ss: app.getActiveSpreadsheet() };
}
