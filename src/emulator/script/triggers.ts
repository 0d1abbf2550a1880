import { ScriptException } from '../runtime/errors';
import type { Schedule } from './schedule';

/** Host-side view of one installed trigger (see ScriptModule.triggers()). */
export interface TriggerRecord {
  uid: string;
  handler: string;
  kind: 'onFormSubmit' | 'onOpen' | 'onEdit' | 'clock';
  /** Spreadsheet or form id; absent for clock triggers. */
  sourceId?: string;
  source: 'SPREADSHEETS' | 'FORMS' | 'CLOCK';
  /** Clock triggers: when it next runs (ms). Others: 0. */
  dueAt: number;
  /** Recurring clock triggers: the period. */
  everyMs?: number;
  /** One-shot clock trigger that has run: listed, never due again. */
  fired: boolean;
  /**
   * The account that created it: it runs as them, and only they see it in getProjectTriggers
   * ([official] AS/guides/triggers/installable: "always run under the account of the person who
   * created them"; AS/reference/script/script-app#getProjectTriggers(): "for the current user").
   */
  owner: string;
}

export interface StoredTrigger extends TriggerRecord {
  schedule?: Schedule;
}

export const TRIGGER_LIMIT = 20;
/** [official limit, AS/guides/services/quotas; message observed] fact sheet §7. */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** The project's installable triggers, of every user; each user sees and counts only their own. */
export class TriggerRegistry {
  readonly list: StoredTrigger[] = [];
  nextSeq = 1;

  /** The triggers `user` owns (what their getProjectTriggers lists). */
  of(user: string): StoredTrigger[] {
    return this.list.filter((t) => t.owner === user);
  }

  add(trigger: Omit<StoredTrigger, 'uid'>): StoredTrigger {
    // 20 per user per script. One-shot triggers that already ran stay listed and still count,
    // until deleted [uncertain].
    if (this.of(trigger.owner).length >= TRIGGER_LIMIT) throw new ScriptException(TOO_MANY_TRIGGERS);
    const uid = this.nextUid();
    this.nextSeq++;
    const stored: StoredTrigger = { uid, ...trigger };
    this.list.push(stored);
    return stored;
  }

  /** The id the next trigger added gets: numeric like Google's (e.g. 4034124084959907503), sequential so runs are reproducible. */
  nextUid(): string {
    return `40341240849599${String(this.nextSeq).padStart(5, '0')}`;
  }

  find(uid: string): StoredTrigger | undefined {
    return this.list.find((t) => t.uid === uid);
  }

  remove(uid: string): void {
    const i = this.list.findIndex((t) => t.uid === uid);
    if (i >= 0) this.list.splice(i, 1);
  }
}
