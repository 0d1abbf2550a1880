import { ScriptException } from '../runtime/errors';
import type { FormsStore } from './FormsStore';
import { QuestionItem } from './ItemBase';
import type { FormData, ItemData } from './model';
import { TextValidation } from './TextValidation';

/** A single line of text. */
export class TextItem extends QuestionItem {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'TextItem');
  }

  setValidation(validation: TextValidation): this {
    this.call('setValidation');
    // Wording [uncertain]: Apps Script rejects an argument of the wrong class.
    if (!(validation instanceof TextValidation)) throw new ScriptException('Invalid argument: validation');
    this.data.validation = validation.data;
    return this;
  }

  clearValidation(): this {
    this.call('clearValidation');
    this.data.validation = null;
    return this;
  }
}
