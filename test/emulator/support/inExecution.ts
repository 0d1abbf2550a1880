import type { Runtime } from '../../../src/emulator/runtime/Runtime';

/** Runs `fn` inside one execution (as the script would), returning its value. */
export function inExecution<T>(rt: Runtime, fn: () => T): T {
  rt.begin('test', 'menu');
  try {
    return fn();
  } finally {
    rt.end();
  }
}
