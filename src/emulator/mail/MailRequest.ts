import { signatureMismatch } from '../base/signature';
import { NotImplemented, ScriptException } from '../runtime/errors';

/** A sendEmail call, once its overload is resolved (recipient lists still comma-separated). */
export interface MailRequest {
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  noReply: boolean;
}

const METHOD = 'MailApp.sendEmail';

function optionalString(options: Record<string, unknown>, key: string, args: unknown[]): string | undefined {
  const value = options[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw signatureMismatch(METHOD, args);
}

function hasEntries(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

/** Reads the advanced parameters (the 4th argument, or the whole message object). */
function readOptions(
  options: Record<string, unknown>,
  args: unknown[],
): Omit<MailRequest, 'to' | 'subject' | 'body'> {
  if (hasEntries(options.attachments)) throw new NotImplemented('MailApp.sendEmail(attachments)');
  if (hasEntries(options.inlineImages)) throw new NotImplemented('MailApp.sendEmail(inlineImages)');
  return {
    cc: optionalString(options, 'cc', args),
    bcc: optionalString(options, 'bcc', args),
    replyTo: optionalString(options, 'replyTo', args),
    htmlBody: optionalString(options, 'htmlBody', args),
    name: optionalString(options, 'name', args),
    noReply: options.noReply === true,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Resolves the four overloads of MailApp.sendEmail (fact sheet §5):
 * (message), (recipient, subject, body), (recipient, subject, body, options), (to, replyTo, subject, body).
 */
export function resolveSendEmail(args: unknown[]): MailRequest {
  if (args.length === 1 && isObject(args[0])) {
    const message = args[0];
    const subject = optionalString(message, 'subject', args);
    // [uncertain] Reported as MailApp's wording when the message object has no subject; an empty
    // string is accepted (Gmail shows "(no subject)").
    if (subject === undefined) throw new ScriptException('Failed to send email: no subject');
    return {
      to: optionalString(message, 'to', args) ?? '',
      subject,
      body: optionalString(message, 'body', args) ?? '',
      ...readOptions(message, args),
    };
  }
  const [a, b, c, d] = args;
  if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string')
    throw signatureMismatch(METHOD, args);
  if (args.length === 3) return { to: a, subject: b, body: c, noReply: false };
  if (args.length === 4 && typeof d === 'string')
    return { to: a, replyTo: b, subject: c, body: d, noReply: false };
  if (args.length === 4 && isObject(d)) return { to: a, subject: b, body: c, ...readOptions(d, args) };
  throw signatureMismatch(METHOD, args);
}
