import type { FormsStore } from './FormsStore';
import { ItemBase } from './ItemBase';
import type { FormData, ItemData } from './model';

/** A heading with help text; it asks nothing, so it has no column in the response tab. */
export class SectionHeaderItem extends ItemBase {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'SectionHeaderItem');
  }
}
