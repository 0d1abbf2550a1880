import { NotImplemented, ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { ClockTriggerBuilder } from './ClockTriggerBuilder';
import { FormTriggerBuilder, SpreadsheetTriggerBuilder } from './SpreadsheetTriggerBuilder';
import type { TriggerRegistry } from './triggers';

/** A spreadsheet or form id, or the object itself (its getId() is a counted call, as in Google). */
function idOf(source: unknown, what: string): string {
  if (typeof source === 'string' && source !== '') return source;
  const getId = (source as { getId?: unknown } | null)?.getId;
  if (typeof getId === 'function') return String(getId.call(source));
  throw new ScriptException(`Invalid argument: ${what}`);
}

/** ScriptApp.newTrigger(functionName): choose the source, then the event. */
export class TriggerBuilder {
  constructor(
    private readonly rt: Runtime,
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
    private readonly scriptTimeZone: string,
  ) {}

  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilder {
    this.rt.call('TriggerBuilder.forSpreadsheet');
    return new SpreadsheetTriggerBuilder(this.rt, this.registry, this.handler, idOf(sheet, 'sheet'));
  }

  forForm(form: unknown): FormTriggerBuilder {
    this.rt.call('TriggerBuilder.forForm');
    return new FormTriggerBuilder(this.rt, this.registry, this.handler, idOf(form, 'form'));
  }

  timeBased(): ClockTriggerBuilder {
    this.rt.call('TriggerBuilder.timeBased');
    return new ClockTriggerBuilder(this.rt, this.registry, this.handler, this.scriptTimeZone);
  }

  forDocument(): never {
    this.rt.call('TriggerBuilder.forDocument');
    throw new NotImplemented('TriggerBuilder.forDocument');
  }

  forUserCalendar(): never {
    this.rt.call('TriggerBuilder.forUserCalendar');
    throw new NotImplemented('TriggerBuilder.forUserCalendar');
  }
}
