import type { Runtime } from '../runtime/Runtime';
import type { ValidationData, ValidationRule } from './model';

/**
 * What FormApp's two text validation builders share: the length and pattern rules and the help text.
 * Each require* call replaces the previous rule: a Forms question holds one validation rule. `cls`
 * is the Apps Script class the script holds, used to name the counted call.
 */
export abstract class ValidationBuilderBase<V> {
  protected rule: ValidationRule | null = null;
  protected helpText = '';

  constructor(
    protected readonly rt: Runtime,
    protected readonly cls: string,
  ) {}

  /** The built validation object (TextValidation or ParagraphTextValidation). */
  protected abstract built(data: ValidationData): V;

  protected set(method: string, rule: ValidationRule): this {
    this.rt.call(`${this.cls}.${method}`);
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
    this.rt.call(`${this.cls}.setHelpText`);
    this.helpText = String(text);
    return this;
  }

  build(): V {
    this.rt.call(`${this.cls}.build`);
    return this.built({ rule: this.rule, helpText: this.helpText });
  }
}
