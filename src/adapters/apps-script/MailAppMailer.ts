import type { Mailer, OutgoingEmail } from '../../ports';

/** The Mailer port on MailApp (send-only scope). */
export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(email: OutgoingEmail): void {
    MailApp.sendEmail({
      to: email.to,
      subject: email.subject,
      body: email.text,
      htmlBody: email.html,
      replyTo: email.replyTo,
      name: email.senderName,
    });
  }
}
