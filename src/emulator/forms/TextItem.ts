import type { FormsStore } from './FormsStore';
import { TextQuestionItem } from './ItemBase';
import type { FormData, ItemData } from './model';
import { TextValidation } from './TextValidation';

/** A single line of text. */
export class TextItem extends TextQuestionItem<TextValidation> {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'TextItem', TextValidation);
  }
}
