import { format } from 'node:util';
import type { Runtime } from '../runtime/Runtime';

type Level = 'log' | 'info' | 'warn' | 'error';

/** The script's `console` (Cloud Logging in Apps Script): each line goes to the runtime's messages. */
export class ScriptConsole implements Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'> {
  readonly #rt: Runtime;
  readonly #timers = new Map<string, number>();

  constructor(rt: Runtime) {
    this.#rt = rt;
  }

  #write(level: Level, args: unknown[]): void {
    this.#rt.call(`console.${level}`);
    this.#rt.show('log', `console.${level}`, format(...args));
  }

  log(...args: unknown[]): void {
    this.#write('log', args);
  }

  info(...args: unknown[]): void {
    this.#write('info', args);
  }

  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }

  error(...args: unknown[]): void {
    this.#write('error', args);
  }

  time(label = 'default'): void {
    this.#rt.call('console.time');
    this.#timers.set(String(label), this.#rt.clock.now());
  }

  timeEnd(label = 'default'): void {
    this.#rt.call('console.timeEnd');
    const started = this.#timers.get(String(label));
    if (started === undefined) return;
    this.#timers.delete(String(label));
    this.#rt.show('log', 'console.timeEnd', `${label}: ${this.#rt.clock.now() - started}ms`);
  }
}
