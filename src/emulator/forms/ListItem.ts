import { ChoiceItem } from './ChoiceItem';
import type { FormsStore } from './FormsStore';
import type { FormData, ItemData } from './model';

/** One choice from a drop-down list (no "Other" option). */
export class ListItem extends ChoiceItem {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'ListItem');
  }
}
