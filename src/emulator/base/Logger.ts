import type { Runtime } from '../runtime/Runtime';

/** How Logger shows a value: text as is, arrays and objects as JSON. */
export function logText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.prototype.toString.call(value) !== '[object Date]'
  ) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** Apps Script's Logger: `log(format, ...values)` with `%s` placeholders, `getLog()`, `clear()`. */
export class Logger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  readonly #rt: Runtime;
  #lines: string[] = [];

  constructor(rt: Runtime) {
    this.#rt = rt;
    rt.onExecutionEnd(() => {
      this.#lines = [];
    });
  }

  log(format?: unknown, ...values: unknown[]): this {
    this.#rt.call('Logger.log');
    let text = logText(format);
    if (typeof format === 'string' && values.length > 0) {
      let next = 0;
      text = format.replace(/%s/g, (placeholder) =>
        next < values.length ? logText(values[next++]) : placeholder,
      );
    }
    this.#lines.push(text);
    this.#rt.show('log', 'Logger', text);
    return this;
  }

  getLog(): string {
    this.#rt.call('Logger.getLog');
    return this.#lines.map((line) => `${line}\n`).join('');
  }

  clear(): void {
    this.#rt.call('Logger.clear');
    this.#lines = [];
  }
}
