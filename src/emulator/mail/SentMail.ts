/** A message as it leaves the account, before the mail module numbers and dates it (MailModule.deliver). */
export interface MailMessage {
  via: 'MailApp' | 'Calendar';
  from: string;
  fromName?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** A Calendar invitation or cancellation: the iCalendar text and its METHOD. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}

/** One message that left the account: sent by the script (MailApp) or by Google for a service (Calendar). */
export interface SentMail extends MailMessage {
  /** 1, 2, 3… in send order; names the .eml file. */
  id: number;
  /** Simulated send time (ms since epoch); the Date header. */
  at: number;
}

/** What a fault-injection hook sees of a message about to be sent. */
export interface OutgoingSummary {
  to: string[];
  subject: string;
}

/** Host-side fault injection: return an error message to make this send fail. */
export type MailFailure = (message: OutgoingSummary) => string | undefined;
