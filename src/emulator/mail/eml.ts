import MailComposer from 'nodemailer/lib/mail-composer';
import { slug } from '../runtime/slug';
import type { SentMail } from './SentMail';

/** `welcome-to-the-scheme` from "Welcome to the scheme!": ASCII, lower case, at most 60 characters. */
export function slugOf(subject: string): string {
  return slug(subject, 'no-subject', 60);
}

/** `outbox/0042-welcome-to-the-scheme.eml`'s file name for a message. */
export function emlFileName(mail: Pick<SentMail, 'id' | 'subject'>): string {
  return `${String(mail.id).padStart(4, '0')}-${slugOf(mail.subject)}.eml`;
}

/**
 * The message as RFC 5322 text, the way a mail client would receive it: UTF-8 headers encoded,
 * text and HTML as alternatives, a calendar message with its text/calendar part (METHOD set).
 * Bcc is kept, as in the sender's own copy. Message-ID and boundaries are derived from the id so
 * a message always builds to the same bytes.
 */
export async function buildEml(mail: SentMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.fromName ? { name: mail.fromName, address: mail.from } : mail.from,
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    bcc: mail.bcc.length > 0 ? mail.bcc : undefined,
    replyTo: mail.replyTo,
    subject: mail.subject,
    date: new Date(mail.at),
    messageId: `<cohort-${mail.id}-${mail.at}@emulator.invalid>`,
    text: mail.body,
    html: mail.htmlBody,
    icalEvent: mail.calendar
      ? { method: mail.calendar.method, filename: 'invite.ics', content: mail.calendar.ics }
      : undefined,
    headers: { 'X-Cohort-Sent-Via': mail.via },
    baseBoundary: `cohort${mail.id}`,
    newline: 'win',
  });
  const node = composer.compile();
  node.keepBcc = true;
  return node.build();
}
