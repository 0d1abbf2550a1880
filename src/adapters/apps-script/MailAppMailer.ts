import type { Mailer, OutgoingEmail } from '../../ports';

/** The Mailer port on MailApp (send-only scope). */
export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(email: OutgoingEmail): void {
    // An empty reply-to or name is left out: Google refuses an empty address.
    MailApp.sendEmail({
      to: email.to,
      subject: email.subject,
      body: email.text,
      htmlBody: email.html,
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      ...(email.senderName ? { name: email.senderName } : {}),
    });
  }
}
