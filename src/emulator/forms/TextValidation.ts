import type { ValidationData, ValidationRule } from './model';

/** A built validation for a TextItem (opaque to the script, as in Apps Script). */
export class TextValidation {
  constructor(
    /** Host-side: the rule and help text. */
    readonly data: ValidationData,
  ) {}
}

/** A built validation for a ParagraphTextItem. */
export class ParagraphTextValidation {
  constructor(
    /** Host-side: the rule and help text. */
    readonly data: ValidationData,
  ) {}
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/.]+\.[^\s]+$/i;

/**
 * Host-side: true when an answer meets the rule, as the form UI checks before it lets a respondent
 * submit. The e-mail and URL checks are the emulator's approximations of Google's.
 */
export function passes(rule: ValidationRule, text: string): boolean {
  const n = Number(text);
  const numeric = text.trim() !== '' && Number.isFinite(n);
  switch (rule.rule) {
    case 'email':
      return EMAIL.test(text);
    case 'url':
      return URL_RE.test(text);
    case 'number':
      return numeric;
    case 'wholeNumber':
      return numeric && Number.isInteger(n);
    case 'numberBetween':
      return numeric && n >= rule.min && n <= rule.max;
    case 'lengthAtMost':
      return text.length <= rule.n;
    case 'lengthAtLeast':
      return text.length >= rule.n;
    case 'matches':
      return new RegExp(`^(?:${rule.pattern})$`).test(text);
    case 'doesNotMatch':
      return !new RegExp(`^(?:${rule.pattern})$`).test(text);
    case 'contains':
      return new RegExp(rule.pattern).test(text);
    case 'doesNotContain':
      return !new RegExp(rule.pattern).test(text);
  }
}
