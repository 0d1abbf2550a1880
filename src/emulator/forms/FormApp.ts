import { DestinationType, EmailCollectionType, ItemType } from './enums';
import { Form } from './Form';
import type { FormsStore } from './FormsStore';
import { ParagraphTextValidationBuilder } from './ParagraphTextValidationBuilder';
import { TextValidationBuilder } from './TextValidationBuilder';

/** The FormApp global: create and open forms, validation builders, enums. */
export class FormApp {
  readonly DestinationType = DestinationType;
  readonly EmailCollectionType = EmailCollectionType;
  readonly ItemType = ItemType;

  constructor(private readonly store: FormsStore) {}

  create(title: string): Form {
    this.store.rt.call('FormApp.create');
    return new Form(this.store, this.store.create(String(title)));
  }

  openById(id: string): Form {
    this.store.rt.call('FormApp.openById');
    return new Form(this.store, this.store.get(String(id)));
  }

  /** The script is bound to a spreadsheet, not a form: there is no active form. */
  getActiveForm(): null {
    this.store.rt.call('FormApp.getActiveForm');
    return null;
  }

  createTextValidation(): TextValidationBuilder {
    this.store.rt.call('FormApp.createTextValidation');
    return new TextValidationBuilder(this.store.rt);
  }

  createParagraphTextValidation(): ParagraphTextValidationBuilder {
    this.store.rt.call('FormApp.createParagraphTextValidation');
    return new ParagraphTextValidationBuilder(this.store.rt);
  }
}
