import { ScriptException } from '../runtime/errors';

/** How Apps Script names an argument's type in a signature error: `String`, `number`, `Object`… */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'Function';
    default:
      return Object.prototype.toString.call(value) === '[object Date]' ? 'Date' : 'Object';
  }
}

/**
 * The error Apps Script throws when no overload accepts the arguments, e.g.
 * `The parameters (String,number) don't match the method signature for MailApp.sendEmail.`
 */
export function signatureMismatch(method: string, args: readonly unknown[]): ScriptException {
  return new ScriptException(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** True for a Date from either realm (the script's context or the host). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Milliseconds since the epoch of a Date from either realm, without trusting its own methods. */
export function timeOf(date: Date): number {
  return Date.prototype.getTime.call(date);
}
