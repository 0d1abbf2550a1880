import type { Emulator, ExecutionResult } from '../emulator/Emulator';

/**
 * What a participant does with their email, for the demo and the tests: find the personal link
 * Cohort sent them, open it (the code is filled in), answer the rest and send.
 */

/** A link to a Google Form, as Cohort's emails carry them. */
export const FORM_LINK = /https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s]+/g;

/**
 * The last link to a Google Form in the newest email to `email` whose subject matches (and whose
 * text mentions `mentioning`: a mentor with two mentees has a check-in about each), or null.
 */
export function personalLinkFor(
  emulator: Emulator,
  email: string,
  subject: RegExp,
  mentioning = '',
): string | null {
  const mails = emulator.mail.sent.filter(
    (m) => m.to.includes(email.toLowerCase()) && subject.test(m.subject) && m.body.includes(mentioning),
  );
  const mail = mails[mails.length - 1];
  const links = mail?.body.match(FORM_LINK) ?? [];
  return links[links.length - 1] ?? null;
}

/**
 * Opens the link and sends the form with what it had filled in plus `answers` (by question title).
 * Returns the form-submit executions, or [] when the form is not linked.
 */
export function submitFromLink(
  emulator: Emulator,
  link: string,
  answers: Record<string, string | string[]>,
  options: { unchecked?: boolean } = {},
): ExecutionResult[] {
  const opened = emulator.forms.prefilled(link);
  if (!opened) throw new Error(`${link} is not a link to one of the workspace's forms`);
  const submission = emulator.forms.submit(opened.formId, { ...opened.answers, ...answers }, options);
  return submission ? emulator.deliverFormSubmit(submission) : [];
}

/**
 * The answers the personal link in `email`'s newest email whose subject matches (and whose text
 * mentions `mentioning`) fills in: their personal code. {} when they have none.
 */
export function linkAnswers(
  emulator: Emulator,
  email: string,
  subject: RegExp,
  mentioning = '',
): Record<string, string> {
  const link = personalLinkFor(emulator, email, subject, mentioning);
  return (link && emulator.forms.prefilled(link)?.answers) || {};
}

/** What a mentee's personal choices link fills in, from their "choose your mentors" email. */
export function choicesLinkAnswers(emulator: Emulator, email: string): Record<string, string> {
  return linkAnswers(emulator, email, /mentor/i);
}
