export { inExecution } from '../support/inExecution';

import { Runtime } from '../../../src/emulator/runtime/Runtime';
import type { ScriptApp } from '../../../src/emulator/script/ScriptApp';
import { ScriptModule } from '../../../src/emulator/script/ScriptModule';

export const START = Date.UTC(2025, 3, 1, 9, 0, 0); // Tue 1 Apr 2025, 10:00 in London (BST)

export function setup(now = START) {
  const rt = new Runtime(now);
  const script = new ScriptModule(rt);
  const app = script.globals().ScriptApp as ScriptApp;
  return { rt, script, ScriptApp: app };
}
