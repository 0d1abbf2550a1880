import type { Runtime } from '../runtime/Runtime';
import { EventType } from './enums';
import type { StoredTrigger } from './triggers';

const EVENT_TYPES: Record<StoredTrigger['kind'], string> = {
  onFormSubmit: EventType.ON_FORM_SUBMIT,
  onOpen: EventType.ON_OPEN,
  onEdit: EventType.ON_EDIT,
  clock: EventType.CLOCK,
};

/** An installed trigger, as ScriptApp.getProjectTriggers() and create() return it. */
export class Trigger implements Pick<GoogleAppsScript.Script.Trigger, 'getUniqueId' | 'getHandlerFunction'> {
  constructor(
    private readonly rt: Runtime,
    /** Host-side: the record behind this wrapper. */
    readonly record: StoredTrigger,
  ) {}

  /** Equals the `triggerUid` of the events it delivers. */
  getUniqueId(): string {
    this.rt.call('Trigger.getUniqueId');
    return this.record.uid;
  }

  getHandlerFunction(): string {
    this.rt.call('Trigger.getHandlerFunction');
    return this.record.handler;
  }

  getEventType(): string {
    this.rt.call('Trigger.getEventType');
    return EVENT_TYPES[this.record.kind];
  }

  getTriggerSource(): string {
    this.rt.call('Trigger.getTriggerSource');
    return this.record.source;
  }

  /** The spreadsheet or form id; null for a clock trigger [uncertain]. */
  getTriggerSourceId(): string | null {
    this.rt.call('Trigger.getTriggerSourceId');
    return this.record.sourceId ?? null;
  }
}
