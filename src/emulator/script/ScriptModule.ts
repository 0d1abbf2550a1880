import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { ScriptApp } from './ScriptApp';
import { chooseOffsetMs, hasHour, nextDue, runOnDayOf, type Schedule } from './schedule';
import { type AccountKind, TriggerRuntimeQuota, type TriggerRuntimeState } from './TriggerRuntimeQuota';
import { type StoredTrigger, type TriggerRecord, TriggerRegistry } from './triggers';

export type { TriggerRecord } from './triggers';

/** The time-driven event object ([official] AS/guides/triggers/events; values in UTC). */
export interface ClockEvent {
  authMode: 'FULL';
  triggerUid: string;
  year: number;
  month: number;
  'day-of-month': number;
  /** 1 = Monday … 7 = Sunday [uncertain]. */
  'day-of-week': number;
  hour: number;
  minute: number;
  second: number;
  timezone: 'UTC';
  /** ISO 8601 week number [uncertain]. */
  'week-of-year': number;
}

interface ScriptState {
  nextSeq: number;
  triggers: StoredTrigger[];
  /** Absent in workspaces saved before it was modelled: the emulator's account kind, nothing used. */
  triggerRuntime?: TriggerRuntimeState;
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/**
 * Workspaces saved before daily runs were spread over the hour (their due time is exactly
 * hour:minute): the trigger gets its chosen time, on the same day.
 */
function spreadOverTheHour(t: StoredTrigger): StoredTrigger {
  const s = t.schedule as (Schedule & { offsetMs?: number }) | undefined;
  if (s?.kind !== 'days' || s.offsetMs !== undefined) return t;
  const schedule = { ...s, offsetMs: chooseOffsetMs(t.uid, s.minute === 0 ? null : s.minute) };
  return { ...t, schedule, ...(hasHour(schedule) ? { dueAt: runOnDayOf(schedule, t.dueAt) } : {}) };
}

const copy = (t: StoredTrigger): TriggerRecord => {
  const { schedule: _schedule, ...record } = structuredClone(t);
  return record;
};

/**
 * The Script service (globals → { ScriptApp }): installable triggers. The host-side methods below
 * are what the Emulator's scheduler uses to deliver events; they make no counted call.
 */
export class ScriptModule implements ServiceModule {
  private readonly registry = new TriggerRegistry();
  /** Host-side: the daily total runtime of trigger executions, per account. */
  readonly triggerRuntime: TriggerRuntimeQuota;

  constructor(
    private readonly rt: Runtime,
    options: { account?: AccountKind } = {},
  ) {
    this.triggerRuntime = new TriggerRuntimeQuota(options.account ?? 'consumer');
  }

  globals(): Record<string, unknown> {
    // atHour() hours are read in the script's time zone (the manifest's).
    return { ScriptApp: new ScriptApp(this.rt, this.registry, this.rt.scriptTimeZone) };
  }

  /** Host-side: copies of every installed trigger, in creation order. */
  triggers(): TriggerRecord[] {
    return this.registry.list.map(copy);
  }

  /** Host-side: the spreadsheet onFormSubmit triggers for this spreadsheet, in creation order. */
  formSubmitTriggers(spreadsheetId: string): TriggerRecord[] {
    return this.registry.list
      .filter((t) => t.kind === 'onFormSubmit' && t.source === 'SPREADSHEETS' && t.sourceId === spreadsheetId)
      .map(copy);
  }

  /** Host-side: the earliest clock trigger not yet fired that is due at or before `untilMs`. */
  nextClockTrigger(untilMs: number): TriggerRecord | undefined {
    return this.dueClockTriggers(untilMs).sort((a, b) => a.dueAt - b.dueAt)[0];
  }

  /** Host-side: the clock triggers not yet fired that are due at or before `untilMs`. */
  dueClockTriggers(untilMs: number): TriggerRecord[] {
    return this.registry.list.filter((t) => t.kind === 'clock' && !t.fired && t.dueAt <= untilMs).map(copy);
  }

  /**
   * Host-side: records that the trigger ran now. A one-shot is marked fired (listed, never due
   * again); a recurring one moves to its next due time after now.
   */
  markFired(uid: string): void {
    const t = this.registry.find(uid);
    if (t?.kind !== 'clock') throw new Error(`no clock trigger ${uid}`);
    if (!t.schedule || t.schedule.kind === 'once') t.fired = true;
    else t.dueAt = nextDue(t.schedule, t.dueAt, this.rt.clock.now());
  }

  /** Host-side: the event object a time-driven trigger receives, for the current simulated time. */
  clockEvent(trigger: Pick<TriggerRecord, 'uid'>): ClockEvent {
    const d = new Date(this.rt.clock.now());
    return {
      authMode: 'FULL',
      triggerUid: trigger.uid,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      'day-of-month': d.getUTCDate(),
      'day-of-week': d.getUTCDay() || 7,
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      timezone: 'UTC',
      'week-of-year': isoWeek(d),
    };
  }

  toState(): ScriptState {
    return {
      nextSeq: this.registry.nextSeq,
      triggers: structuredClone(this.registry.list),
      triggerRuntime: this.triggerRuntime.toState(),
    };
  }

  fromState(state: unknown): void {
    const s = state as Partial<ScriptState> | null;
    if (!s || !Array.isArray(s.triggers)) throw new Error('script state: expected { triggers: [...] }');
    // Workspaces saved before triggers had owners: they were all the first coordinator's.
    const triggers = structuredClone(s.triggers).map((t) =>
      spreadOverTheHour({
        ...t,
        owner: t.owner ?? this.rt.defaultUser,
      }),
    );
    this.registry.list.splice(0, this.registry.list.length, ...triggers);
    this.registry.nextSeq = s.nextSeq ?? this.registry.list.length + 1;
    if (s.triggerRuntime) this.triggerRuntime.fromState(s.triggerRuntime);
  }
}
