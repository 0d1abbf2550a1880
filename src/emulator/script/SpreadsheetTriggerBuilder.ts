import { NotImplemented, ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { Trigger } from './Trigger';
import type { StoredTrigger, TriggerRegistry } from './triggers';

type SourceKind = 'onFormSubmit' | 'onOpen' | 'onEdit';

/** forSpreadsheet(...) and forForm(...): pick the event, then create(). */
abstract class SourceTriggerBuilder {
  protected kind: SourceKind | null = null;

  constructor(
    protected readonly rt: Runtime,
    protected readonly registry: TriggerRegistry,
    protected readonly handler: string,
    protected readonly sourceId: string,
    private readonly cls: string,
    private readonly source: StoredTrigger['source'],
  ) {}

  protected on(kind: SourceKind): this {
    this.rt.call(`${this.cls}.${kind}`);
    this.kind = kind;
    return this;
  }

  onFormSubmit(): this {
    return this.on('onFormSubmit');
  }

  onOpen(): this {
    return this.on('onOpen');
  }

  create(): Trigger {
    this.rt.call(`${this.cls}.create`);
    // Wording [uncertain]: Google refuses a trigger with no event chosen.
    if (!this.kind)
      throw new ScriptException('Missing event type for trigger: call onFormSubmit() or another on...()');
    const record = this.registry.add({
      owner: this.rt.user,
      handler: this.handler,
      kind: this.kind,
      sourceId: this.sourceId,
      source: this.source,
      dueAt: 0,
      fired: false,
    });
    return new Trigger(this.rt, record);
  }
}

export class SpreadsheetTriggerBuilder extends SourceTriggerBuilder {
  constructor(rt: Runtime, registry: TriggerRegistry, handler: string, spreadsheetId: string) {
    super(rt, registry, handler, spreadsheetId, 'SpreadsheetTriggerBuilder', 'SPREADSHEETS');
  }

  onEdit(): this {
    return this.on('onEdit');
  }

  onChange(): never {
    this.rt.call('SpreadsheetTriggerBuilder.onChange');
    throw new NotImplemented('SpreadsheetTriggerBuilder.onChange');
  }
}

export class FormTriggerBuilder extends SourceTriggerBuilder {
  constructor(rt: Runtime, registry: TriggerRegistry, handler: string, formId: string) {
    super(rt, registry, handler, formId, 'FormTriggerBuilder', 'FORMS');
  }
}
