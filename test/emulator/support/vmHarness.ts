import vm from 'node:vm';
import type { ServiceModule } from '../../../src/emulator/runtime/ServiceModule';

/** Runs script code in a vm context holding the module's globals, as the script would see them. */
export function scriptRunner(module: Pick<ServiceModule, 'globals'>): (code: string) => unknown {
  const context = vm.createContext(module.globals());
  return (code: string): unknown => vm.runInContext(code, context);
}

/** The error `fn` throws; fails the test when it throws nothing. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}
