import type { Runtime } from '../runtime/Runtime';
import { resolveSendEmail } from './MailRequest';

/** What MailApp needs from its module: the account's quota and the outbox. */
export interface MailAccount {
  remaining(): number;
  sendFromScript(request: ReturnType<typeof resolveSendEmail>): void;
}

/** The script's `MailApp`. Quota, validation and recording live in MailModule. */
export class MailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  readonly #rt: Runtime;
  readonly #account: MailAccount;

  constructor(rt: Runtime, account: MailAccount) {
    this.#rt = rt;
    this.#account = account;
  }

  getRemainingDailyQuota(): number {
    this.#rt.call('MailApp.getRemainingDailyQuota');
    return this.#account.remaining();
  }

  sendEmail(...args: unknown[]): void {
    this.#rt.call('MailApp.sendEmail');
    this.#account.sendFromScript(resolveSendEmail(args));
  }
}
