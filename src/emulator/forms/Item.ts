import { ScriptException } from '../runtime/errors';
import { CheckboxItem } from './CheckboxItem';
import type { FormsStore } from './FormsStore';
import { ItemBase } from './ItemBase';
import { ListItem } from './ListItem';
import { MultipleChoiceItem } from './MultipleChoiceItem';
import type { FormData, ItemData, ItemKind } from './model';
import { ParagraphTextItem } from './ParagraphTextItem';
import { ScaleItem } from './ScaleItem';
import { SectionHeaderItem } from './SectionHeaderItem';
import { TextItem } from './TextItem';

/** A generic item, as Form.getItems() returns it; `as…Item()` gives the typed one. */
export class Item extends ItemBase {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'Item');
  }

  private as<T>(method: string, kind: ItemKind, make: () => T): T {
    this.call(method);
    // Apps Script's wording when the item is of another type [observed on Q&A sites; uncertain].
    if (this.data.type !== kind)
      throw new ScriptException(`Invalid conversion for item type: ${this.data.type}.`);
    return make();
  }

  asTextItem(): TextItem {
    return this.as('asTextItem', 'TEXT', () => new TextItem(this.store, this.form, this.data));
  }

  asParagraphTextItem(): ParagraphTextItem {
    return this.as(
      'asParagraphTextItem',
      'PARAGRAPH_TEXT',
      () => new ParagraphTextItem(this.store, this.form, this.data),
    );
  }

  asMultipleChoiceItem(): MultipleChoiceItem {
    return this.as(
      'asMultipleChoiceItem',
      'MULTIPLE_CHOICE',
      () => new MultipleChoiceItem(this.store, this.form, this.data),
    );
  }

  asCheckboxItem(): CheckboxItem {
    return this.as('asCheckboxItem', 'CHECKBOX', () => new CheckboxItem(this.store, this.form, this.data));
  }

  asListItem(): ListItem {
    return this.as('asListItem', 'LIST', () => new ListItem(this.store, this.form, this.data));
  }

  asScaleItem(): ScaleItem {
    return this.as('asScaleItem', 'SCALE', () => new ScaleItem(this.store, this.form, this.data));
  }

  asSectionHeaderItem(): SectionHeaderItem {
    return this.as(
      'asSectionHeaderItem',
      'SECTION_HEADER',
      () => new SectionHeaderItem(this.store, this.form, this.data),
    );
  }
}
