import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { buildEml, emlFileName } from './eml';
import { MailApp } from './MailApp';
import { MailQuota, type MailQuotaState } from './MailQuota';
import type { MailRequest } from './MailRequest';
import { addressOf, MAX_RECIPIENTS_PER_MESSAGE, parseRecipients } from './recipients';
import type { MailFailure, MailMessage, SentMail } from './SentMail';

export interface MailOptions {
  /** Recipients per day: 100 (personal account) or 1,500 (Workspace). */
  dailyQuota: number;
}

interface MailState extends MailQuotaState {
  sent: SentMail[];
  /** Each other account's window (the quota is per user: a trigger spends its owner's). */
  others?: Record<string, Pick<MailQuotaState, 'windowStart' | 'used'>>;
}

export const OUTBOX_DIR = 'outbox';

/** Gmail accounts cannot use noReply ("only for Google Workspace accounts, not Gmail users"). */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * MailApp and the account's outbox. Every message that leaves (from the script, or from Google on
 * behalf of another service) is kept in `sent` and written to `outbox/NNNN-subject.eml`.
 */
export class MailModule implements ServiceModule {
  /** Host-side: every message sent so far, oldest first. */
  sent: SentMail[] = [];
  /**
   * Host-side fault injection: when a hook returns a message, that sendEmail throws it as a
   * ScriptException and nothing is sent or counted.
   */
  readonly failures: MailFailure[] = [];
  readonly #rt: Runtime;
  #dailyQuota: number;
  /**
   * One quota per account: mail goes from, and counts against, the account the execution runs as
   * ([official] AS/guides/triggers/installable: a trigger's emails use its owner's account and quota).
   */
  readonly #quotas = new Map<string, MailQuota>();
  readonly #mailApp: MailApp;

  constructor(rt: Runtime, options: MailOptions) {
    this.#rt = rt;
    this.#dailyQuota = options.dailyQuota;
    this.#mailApp = new MailApp(rt, {
      remaining: () => this.remaining(),
      sendFromScript: (request) => this.#sendFromScript(request),
    });
  }

  globals(): Record<string, unknown> {
    return { MailApp: this.#mailApp };
  }

  #quota(user = this.#rt.user): MailQuota {
    let quota = this.#quotas.get(user);
    if (!quota) {
      quota = new MailQuota({ dailyQuota: this.#dailyQuota, windowStart: null, used: 0 });
      this.#quotas.set(user, quota);
    }
    return quota;
  }

  /**
   * Host-side: recipients an account (by default the one running now, else the first coordinator)
   * may still send to in its current window (no call counted).
   */
  remaining(user?: string): number {
    return this.#quota(user).remaining(this.#rt.clock.now());
  }

  /** Host-side: 100 (personal) or 1,500 (Workspace), for every account; usage so far is kept. */
  setDailyQuota(n: number): void {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`daily quota must be a whole number ≥ 0, got ${n}`);
    this.#dailyQuota = n;
    for (const quota of this.#quotas.values()) quota.state.dailyQuota = n;
  }

  /**
   * Host-side: records a message Google sends for another service (Calendar invitations). No
   * MailApp quota is used and no script call is counted.
   */
  deliver(message: MailMessage): SentMail {
    return this.#record(message);
  }

  #record(message: MailMessage): SentMail {
    const last = this.sent[this.sent.length - 1];
    const mail: SentMail = { ...message, id: (last?.id ?? 0) + 1, at: this.#rt.clock.now() };
    this.sent.push(mail);
    return mail;
  }

  #sendFromScript(request: MailRequest): void {
    const to = parseRecipients(request.to);
    const cc = parseRecipients(request.cc);
    const bcc = parseRecipients(request.bcc);
    const replyTo = request.replyTo?.trim() || undefined;
    if (replyTo !== undefined && !addressOf(replyTo)) throw new ScriptException(`Invalid email: ${replyTo}`);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new ScriptException('Failed to send email: no recipient');
    // Wording observed from Apps Script (its Japanese form is "上限を超えています: メッセージあたりの受信者数").
    if (count > MAX_RECIPIENTS_PER_MESSAGE) {
      throw new ScriptException('Limit Exceeded: Email Recipients Per Message.');
    }
    for (const failure of this.failures) {
      const error = failure({ to, subject: request.subject });
      if (error !== undefined) throw new ScriptException(error);
    }
    const now = this.#rt.clock.now();
    const quota = this.#quota();
    quota.assertAvailable(now, count);
    quota.consume(now, count);
    const sender = this.#rt.user;
    const domain = sender.split('@')[1] ?? '';
    // DECISION: Google's no-reply sender is shown as noreply@<the account's domain>.
    const noReply = request.noReply && !CONSUMER_DOMAINS.has(domain.toLowerCase());
    this.#record({
      via: 'MailApp',
      from: noReply ? `noreply@${domain}` : sender,
      ...(request.name !== undefined ? { fromName: request.name } : {}),
      to,
      cc,
      bcc,
      ...(replyTo !== undefined ? { replyTo } : {}),
      subject: request.subject,
      body: request.body,
      ...(request.htmlBody !== undefined ? { htmlBody: request.htmlBody } : {}),
    });
  }

  toState(): MailState {
    const first = this.#quota(this.#rt.defaultUser).state;
    const others: NonNullable<MailState['others']> = {};
    for (const [user, quota] of this.#quotas)
      if (user !== this.#rt.defaultUser)
        others[user] = { windowStart: quota.state.windowStart, used: quota.state.used };
    return { ...first, dailyQuota: this.#dailyQuota, sent: this.sent, others };
  }

  fromState(state: unknown): void {
    const s = state as Partial<MailState>;
    if (typeof s.dailyQuota === 'number') this.#dailyQuota = s.dailyQuota;
    this.#quotas.clear();
    const window = (w: Partial<MailQuotaState> | undefined): MailQuotaState => ({
      dailyQuota: this.#dailyQuota,
      windowStart: typeof w?.windowStart === 'number' ? w.windowStart : null,
      used: typeof w?.used === 'number' ? w.used : 0,
    });
    this.#quotas.set(this.#rt.defaultUser, new MailQuota(window(s)));
    for (const [user, w] of Object.entries(s.others ?? {})) this.#quotas.set(user, new MailQuota(window(w)));
    this.sent = Array.isArray(s.sent) ? s.sent : [];
  }

  /** Writes `outbox/NNNN-<subject>.eml` for each message not yet on disk (the outbox may hold thousands). */
  async writeFiles(dir: string): Promise<void> {
    const outbox = join(dir, OUTBOX_DIR);
    mkdirSync(outbox, { recursive: true });
    const present = new Set(existsSync(outbox) ? readdirSync(outbox) : []);
    for (const mail of this.sent) {
      const name = emlFileName(mail);
      if (present.has(name)) continue;
      writeFileSync(join(outbox, name), await buildEml(mail));
    }
  }
}
