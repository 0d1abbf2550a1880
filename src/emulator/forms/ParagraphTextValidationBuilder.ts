import type { Runtime } from '../runtime/Runtime';
import type { ValidationData } from './model';
import { ParagraphTextValidation } from './TextValidation';
import { ValidationBuilderBase } from './ValidationBuilderBase';

/** FormApp.createParagraphTextValidation(): length and pattern rules only; the last one set wins. */
export class ParagraphTextValidationBuilder extends ValidationBuilderBase<ParagraphTextValidation> {
  constructor(rt: Runtime) {
    super(rt, 'ParagraphTextValidationBuilder');
  }

  protected built(data: ValidationData): ParagraphTextValidation {
    return new ParagraphTextValidation(data);
  }
}
