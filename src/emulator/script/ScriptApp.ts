import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { AuthMode, EventType, TriggerSource } from './enums';
import { Trigger } from './Trigger';
import { TriggerBuilder } from './TriggerBuilder';
import type { TriggerRegistry } from './triggers';

/** The ScriptApp global: installable triggers and the enums. */
export class ScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;

  constructor(
    private readonly rt: Runtime,
    private readonly registry: TriggerRegistry,
    private readonly timeZone: string,
  ) {}

  newTrigger(functionName: string): TriggerBuilder {
    this.rt.call('ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '') {
      throw new ScriptException('Invalid argument: functionName');
    }
    return new TriggerBuilder(this.rt, this.registry, functionName, this.timeZone);
  }

  /** Every trigger of this project for this user, fired one-shots included. */
  getProjectTriggers(): Trigger[] {
    this.rt.call('ScriptApp.getProjectTriggers');
    return this.registry.list.map((t) => new Trigger(this.rt, t));
  }

  /** Deleting a trigger that is already gone has no effect [uncertain]. */
  deleteTrigger(trigger: Trigger): void {
    this.rt.call('ScriptApp.deleteTrigger');
    if (!(trigger instanceof Trigger)) throw new ScriptException('Invalid argument: trigger');
    this.registry.remove(trigger.record.uid);
  }
}
