import type { Runtime } from '../runtime/Runtime';
import type { ValidationRule } from './model';
import { ParagraphTextValidation } from './TextValidation';

/** FormApp.createParagraphTextValidation(): length and pattern rules only; the last one set wins. */
export class ParagraphTextValidationBuilder {
  private rule: ValidationRule | null = null;
  private helpText = '';

  constructor(private readonly rt: Runtime) {}

  private set(method: string, rule: ValidationRule): this {
    this.rt.call(`ParagraphTextValidationBuilder.${method}`);
    this.rule = rule;
    return this;
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
    this.rt.call('ParagraphTextValidationBuilder.setHelpText');
    this.helpText = String(text);
    return this;
  }

  build(): ParagraphTextValidation {
    this.rt.call('ParagraphTextValidationBuilder.build');
    return new ParagraphTextValidation({ rule: this.rule, helpText: this.helpText });
  }
}
