import type { FormsStore } from './FormsStore';
import { TextQuestionItem } from './ItemBase';
import type { FormData, ItemData } from './model';
import { ParagraphTextValidation } from './TextValidation';

/** A block of text. */
export class ParagraphTextItem extends TextQuestionItem<ParagraphTextValidation> {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'ParagraphTextItem', ParagraphTextValidation);
  }
}
