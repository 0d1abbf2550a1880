import { OtherOptionItem } from './ChoiceItem';
import type { FormsStore } from './FormsStore';
import type { FormData, ItemData } from './model';

/** One choice from radio buttons, optionally with "Other:". The answer is a String. */
export class MultipleChoiceItem extends OtherOptionItem {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'MultipleChoiceItem');
  }
}
