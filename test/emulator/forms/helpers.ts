export { inExecution } from '../support/inExecution';

import { FormModule } from '../../../src/emulator/forms/FormModule';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { FakeSpreadsheets } from './fakeSpreadsheets';

export const START = Date.UTC(2025, 3, 1, 9, 0, 0); // 1 Apr 2025 10:00 BST

/** A runtime, the Forms module on fake spreadsheets, and the FormApp global the script would see. */
export function setup() {
  const rt = new Runtime(START);
  const sheets = new FakeSpreadsheets();
  const forms = new FormModule(rt, sheets);
  const FormApp = forms.globals().FormApp as ScriptFormApp;
  return { rt, sheets, forms, FormApp };
}

/** The FormApp global, typed for tests as a script sees it. */
export type ScriptFormApp = import('../../../src/emulator/forms/FormApp').FormApp;
