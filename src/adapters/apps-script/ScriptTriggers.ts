import type { Store, Triggers } from '../../ports';

const SCHEDULE_PREFIX = 'schedule:';

/**
 * The Triggers port on ScriptApp. One-shot clock triggers stay listed after they fire, and count
 * toward the 20-trigger limit, so a schedule first deletes the handler's earlier ones.
 */
export class ScriptTriggers implements Triggers {
  constructor(
    private readonly spreadsheetId: string,
    private readonly store: Store,
  ) {}

  ensureFormSubmit(handler: string): 'created' | 'existing' | 'repaired' {
    const mine = ScriptApp.getProjectTriggers().filter(
      (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
    );
    if (mine.length === 1) return 'existing';
    if (mine.length > 1) {
      // Two triggers mean every application is processed twice: keep one.
      for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
      return 'repaired';
    }
    ScriptApp.newTrigger(handler).forSpreadsheet(this.spreadsheetId).onFormSubmit().create();
    return 'created';
  }

  ensureDaily(handler: string, hour: number, timeZone: string): 'created' | 'existing' | 'repaired' {
    const mine = ScriptApp.getProjectTriggers().filter(
      (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
    );
    if (mine.length === 1) return 'existing';
    if (mine.length > 1) {
      // Two daily triggers mean two runs a day: harmless (each email goes once) but wasteful.
      for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
      return 'repaired';
    }
    ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
    return 'created';
  }

  scheduleOnce(handler: string, afterMs: number): void {
    // Google runs clock triggers about a minute apart at best; asking for less changes nothing.
    const ms = Math.max(afterMs, 60_000);
    this.clearSchedules(handler);
    ScriptApp.newTrigger(handler).timeBased().after(ms).create();
    this.store.set(SCHEDULE_PREFIX + handler, new Date(Date.now() + ms).toISOString());
  }

  scheduleAt(handler: string, at: Date): void {
    this.clearSchedules(handler);
    ScriptApp.newTrigger(handler).timeBased().at(at).create();
    this.store.set(SCHEDULE_PREFIX + handler, at.toISOString());
  }

  clearSchedules(handler: string): void {
    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK)
        ScriptApp.deleteTrigger(t);
    }
    if (this.store.get(SCHEDULE_PREFIX + handler) !== null) this.store.delete(SCHEDULE_PREFIX + handler);
  }

  scheduledAt(handler: string): Date | null {
    const at = this.store.get(SCHEDULE_PREFIX + handler);
    return at ? new Date(at) : null;
  }
}
