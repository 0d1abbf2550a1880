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

  /** Every trigger of this project for this user (only theirs), fired one-shots included. */
  getProjectTriggers(): Trigger[] {
    this.rt.call('ScriptApp.getProjectTriggers');
    return this.registry.of(this.rt.user).map((t) => new Trigger(this.rt, t));
  }

  /** Deleting a trigger that is already gone has no effect [uncertain]. */
  deleteTrigger(trigger: Trigger): void {
    this.rt.call('ScriptApp.deleteTrigger');
    if (!(trigger instanceof Trigger)) throw new ScriptException('Invalid argument: trigger');
    // Only the owner can delete a trigger. [uncertain] Google's wording; a user never gets another's
    // Trigger object from getProjectTriggers, so this only guards a Trigger kept across users.
    if (trigger.record.owner !== this.rt.user)
      throw new ScriptException('Trigger does not belong to the current user.');
    this.registry.remove(trigger.record.uid);
  }
}
