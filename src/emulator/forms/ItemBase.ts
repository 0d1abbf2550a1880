import { ScriptException } from '../runtime/errors';
import type { FormsStore } from './FormsStore';
import type { FormData, ItemData, ValidationData } from './model';
import { renameColumn } from './responseSheet';

/**
 * What every Forms item class shares (getId, title, help text, type). `cls` is the Apps Script class
 * the script holds (TextItem, Item, ...), used to name the counted call.
 */
export abstract class ItemBase
  implements Pick<GoogleAppsScript.Forms.Item, 'getId' | 'getIndex' | 'getTitle' | 'getHelpText'>
{
  constructor(
    protected readonly store: FormsStore,
    protected readonly form: FormData,
    /** Host-side: the plain record behind this wrapper. */
    readonly data: ItemData,
    protected readonly cls: string,
  ) {}

  protected call(method: string): void {
    this.store.rt.call(`${this.cls}.${method}`);
  }

  getId(): number {
    this.call('getId');
    return this.data.id;
  }

  getIndex(): number {
    this.call('getIndex');
    return this.form.items.indexOf(this.data);
  }

  getTitle(): string {
    this.call('getTitle');
    return this.data.title;
  }

  /** Renaming a question linked to a response tab renames its column header too. */
  setTitle(title: string): this {
    this.call('setTitle');
    this.data.title = String(title);
    renameColumn(this.store, this.form, this.data);
    return this;
  }

  getHelpText(): string {
    this.call('getHelpText');
    return this.data.helpText;
  }

  setHelpText(text: string): this {
    this.call('setHelpText');
    this.data.helpText = String(text);
    return this;
  }

  getType(): string {
    this.call('getType');
    return this.data.type;
  }
}

/** A question item: it can be required. */
export abstract class QuestionItem
  extends ItemBase
  implements Pick<GoogleAppsScript.Forms.TextItem, 'isRequired'>
{
  isRequired(): boolean {
    this.call('isRequired');
    return this.data.required;
  }

  setRequired(enabled: boolean): this {
    this.call('setRequired');
    this.data.required = Boolean(enabled);
    return this;
  }
}

/** A text question (TextItem, ParagraphTextItem): it takes one validation of its own class. */
export abstract class TextQuestionItem<V extends { readonly data: ValidationData }> extends QuestionItem {
  readonly #validationClass: new (
    data: ValidationData,
  ) => V;

  constructor(
    store: FormsStore,
    form: FormData,
    data: ItemData,
    cls: string,
    validationClass: new (data: ValidationData) => V,
  ) {
    super(store, form, data, cls);
    this.#validationClass = validationClass;
  }

  setValidation(validation: V): this {
    this.call('setValidation');
    // Wording [uncertain]: Apps Script rejects an argument of the wrong class.
    if (!(validation instanceof this.#validationClass))
      throw new ScriptException('Invalid argument: validation');
    this.data.validation = validation.data;
    return this;
  }

  clearValidation(): this {
    this.call('clearValidation');
    this.data.validation = null;
    return this;
  }

  /** An answer to this question, for a pre-filled link ([official] AS/reference/forms/text-item#createResponse(String)). */
  createResponse(response: string): DraftItemResponse {
    this.call('createResponse');
    return new DraftItemResponse(this.data.id, String(response));
  }
}

/** An answer made by the script (not submitted): what FormResponse.withItemResponse takes. */
export class DraftItemResponse {
  constructor(
    readonly itemId: number,
    readonly value: string,
  ) {}
}
