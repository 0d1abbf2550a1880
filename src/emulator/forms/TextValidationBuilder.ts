import type { Runtime } from '../runtime/Runtime';
import type { ValidationData } from './model';
import { TextValidation } from './TextValidation';
import { ValidationBuilderBase } from './ValidationBuilderBase';

/** FormApp.createTextValidation(): the length and pattern rules, plus e-mail, URL and number rules. */
export class TextValidationBuilder extends ValidationBuilderBase<TextValidation> {
  constructor(rt: Runtime) {
    super(rt, 'TextValidationBuilder');
  }

  protected built(data: ValidationData): TextValidation {
    return new TextValidation(data);
  }

  requireTextIsEmail(): this {
    return this.set('requireTextIsEmail', { rule: 'email' });
  }

  requireTextIsUrl(): this {
    return this.set('requireTextIsUrl', { rule: 'url' });
  }

  requireNumber(): this {
    return this.set('requireNumber', { rule: 'number' });
  }

  requireWholeNumber(): this {
    return this.set('requireWholeNumber', { rule: 'wholeNumber' });
  }

  requireNumberBetween(start: number, end: number): this {
    return this.set('requireNumberBetween', { rule: 'numberBetween', min: Number(start), max: Number(end) });
  }
}
