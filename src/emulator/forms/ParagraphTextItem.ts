import { ScriptException } from '../runtime/errors';
import type { FormsStore } from './FormsStore';
import { QuestionItem } from './ItemBase';
import type { FormData, ItemData } from './model';
import { ParagraphTextValidation } from './TextValidation';

/** A block of text. */
export class ParagraphTextItem extends QuestionItem {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'ParagraphTextItem');
  }

  setValidation(validation: ParagraphTextValidation): this {
    this.call('setValidation');
    // Wording [uncertain].
    if (!(validation instanceof ParagraphTextValidation))
      throw new ScriptException('Invalid argument: validation');
    this.data.validation = validation.data;
    return this;
  }

  clearValidation(): this {
    this.call('clearValidation');
    this.data.validation = null;
    return this;
  }
}
