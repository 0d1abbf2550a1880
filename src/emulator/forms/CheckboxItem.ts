import { OtherOptionItem } from './ChoiceItem';
import type { FormsStore } from './FormsStore';
import type { FormData, ItemData } from './model';

/** Any number of choices; the answer is a String[] and one cell "A, B" in the response tab. */
export class CheckboxItem extends OtherOptionItem {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'CheckboxItem');
  }
}
