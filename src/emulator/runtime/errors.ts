/**
 * Errors the emulated services throw. Messages use Apps Script's own wording
 * (see docs/google-behaviour.md) so the code under test meets the failures it will meet in Google.
 */

/** What Apps Script throws from a service: `Exception: <message>` in the logs. */
export class ScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** A method the emulator does not implement: never a plausible fake result. */
export class NotImplemented extends Error {
  readonly code = 'NOT_IMPLEMENTED' as const;
  constructor(readonly method: string) {
    super(`The emulator does not implement ${method}`);
    this.name = 'NotImplemented';
  }
}

export type KillReason = 'time-limit' | 'injected';

/**
 * The execution was ended from outside, as Google ends one past 6 minutes. Once thrown, every later
 * service call of the same execution throws again, so a script that catches it still cannot act.
 */
export class ExecutionKilled extends Error {
  readonly code = 'EXECUTION_KILLED' as const;
  constructor(readonly reason: KillReason) {
    super(reason === 'time-limit' ? 'Exceeded maximum execution time' : 'Execution stopped (injected fault)');
    this.name = 'Error';
  }
}
