import type { Runtime } from '../runtime/Runtime';
import type { ValidationRule } from './model';
import { TextValidation } from './TextValidation';

/**
 * FormApp.createTextValidation(). Each require* call replaces the previous rule: a Forms question
 * holds one validation rule.
 */
export class TextValidationBuilder {
  protected rule: ValidationRule | null = null;
  protected helpText = '';

  constructor(
    protected readonly rt: Runtime,
    protected readonly cls = 'TextValidationBuilder',
  ) {}

  protected set(method: string, rule: ValidationRule): this {
    this.rt.call(`${this.cls}.${method}`);
    this.rule = rule;
    return this;
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

  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this.set('requireTextLengthLessThanOrEqualTo', { rule: 'lengthAtMost', n: Number(n) });
  }

  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this.set('requireTextLengthGreaterThanOrEqualTo', { rule: 'lengthAtLeast', n: Number(n) });
  }

  requireTextMatchesPattern(pattern: string): this {
    return this.set('requireTextMatchesPattern', { rule: 'matches', pattern: String(pattern) });
  }

  requireTextDoesNotMatchPattern(pattern: string): this {
    return this.set('requireTextDoesNotMatchPattern', { rule: 'doesNotMatch', pattern: String(pattern) });
  }

  requireTextContainsPattern(pattern: string): this {
    return this.set('requireTextContainsPattern', { rule: 'contains', pattern: String(pattern) });
  }

  requireTextDoesNotContainPattern(pattern: string): this {
    return this.set('requireTextDoesNotContainPattern', { rule: 'doesNotContain', pattern: String(pattern) });
  }

  setHelpText(text: string): this {
    this.rt.call(`${this.cls}.setHelpText`);
    this.helpText = String(text);
    return this;
  }

  build(): TextValidation {
    this.rt.call(`${this.cls}.build`);
    return new TextValidation({ rule: this.rule, helpText: this.helpText });
  }
}
