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

export type KillReason = 'time-limit' | 'daily-trigger-runtime' | 'injected';

/**
 * What a trigger execution fails with once its owner's daily trigger runtime is spent, at its start
 * or part-way (script/TriggerRuntimeQuota.ts) ([observed] failure summaries quoted in
 * webdigi/GmailScheduler#31 and btoews/OctoGAS#16: time-based runs that start and end in the same
 * minute with this message; ctrlq.org "Summary of failures for Google Apps Script").
 */
export const TOO_MUCH_COMPUTER_TIME = 'Service using too much computer time for one day';

const KILLED_MESSAGES: Record<KillReason, string> = {
  'time-limit': 'Exceeded maximum execution time',
  'daily-trigger-runtime': TOO_MUCH_COMPUTER_TIME,
  injected: 'Execution stopped (injected fault)',
};

/**
 * The execution was ended from outside, as Google ends one past 6 minutes (or a trigger's once its
 * owner's daily trigger runtime is spent). Once thrown, every later
 * service call of the same execution throws again, so a script that catches it still cannot act.
 */
export class ExecutionKilled extends Error {
  readonly code = 'EXECUTION_KILLED' as const;
  constructor(readonly reason: KillReason) {
    super(KILLED_MESSAGES[reason]);
    this.name = 'Error';
  }
}
