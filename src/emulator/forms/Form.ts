import { NotImplemented, ScriptException } from '../runtime/errors';
import { CheckboxItem } from './CheckboxItem';
import { DestinationType, EmailCollectionType } from './enums';
import { FormResponse } from './FormResponse';
import { type FormsStore, googleId } from './FormsStore';
import { Item } from './Item';
import type { ItemBase } from './ItemBase';
import { DraftItemResponse } from './ItemBase';
import { ListItem } from './ListItem';
import { MultipleChoiceItem } from './MultipleChoiceItem';
import { type FormData, type ItemData, type ItemKind, isQuestion, newItem } from './model';
import { ParagraphTextItem } from './ParagraphTextItem';
import { addColumn, link } from './responseSheet';
import { ScaleItem } from './ScaleItem';
import { SectionHeaderItem } from './SectionHeaderItem';
import { TextItem } from './TextItem';

type SimpleForm = GoogleAppsScript.Forms.Form;

/** [official] AS/reference/forms/form#getDestinationId(); message [observed] fact sheet §1. */
const NO_DESTINATION = 'The form currently has no response destination';

/** A Google Form: settings, items in order, a response store and an optional response tab. */
export class Form
  implements
    Pick<
      SimpleForm,
      | 'getId'
      | 'getTitle'
      | 'getDescription'
      | 'getConfirmationMessage'
      | 'collectsEmail'
      | 'canEditResponse'
      | 'hasLimitOneResponsePerUser'
      | 'hasRespondAgainLink'
      | 'isAcceptingResponses'
      | 'getPublishedUrl'
      | 'getEditUrl'
      | 'getDestinationId'
      | 'shortenFormUrl'
    >
{
  constructor(
    private readonly store: FormsStore,
    /** Host-side: the plain record behind this wrapper. */
    readonly data: FormData,
  ) {}

  private call(method: string): void {
    this.store.rt.call(`Form.${method}`);
  }

  getId(): string {
    this.call('getId');
    return this.data.id;
  }

  getTitle(): string {
    this.call('getTitle');
    return this.data.title;
  }

  setTitle(title: string): this {
    this.call('setTitle');
    this.data.title = String(title);
    return this;
  }

  getDescription(): string {
    this.call('getDescription');
    return this.data.description;
  }

  setDescription(description: string): this {
    this.call('setDescription');
    this.data.description = String(description);
    return this;
  }

  getConfirmationMessage(): string {
    this.call('getConfirmationMessage');
    return this.data.confirmationMessage;
  }

  setConfirmationMessage(message: string): this {
    this.call('setConfirmationMessage');
    this.data.confirmationMessage = String(message);
    return this;
  }

  collectsEmail(): boolean {
    this.call('collectsEmail');
    return this.data.collectEmail;
  }

  /** Turning collection on after linking adds an "Email Address" column at the right [uncertain]. */
  setCollectEmail(collect: boolean): this {
    this.call('setCollectEmail');
    this.data.collectEmail = Boolean(collect);
    if (this.data.collectEmail) addColumn(this.store, this.data, 'email');
    return this;
  }

  setEmailCollectionType(type: string): this {
    this.call('setEmailCollectionType');
    if (!Object.values(EmailCollectionType).includes(type as never))
      throw new ScriptException('Invalid argument: emailCollectionType');
    this.data.emailCollection = type as FormData['emailCollection'];
    this.data.collectEmail = type !== EmailCollectionType.DO_NOT_COLLECT;
    if (this.data.collectEmail) addColumn(this.store, this.data, 'email');
    return this;
  }

  getEmailCollectionType(): string {
    this.call('getEmailCollectionType');
    return this.data.emailCollection ?? (this.data.collectEmail ? 'RESPONDER_INPUT' : 'DO_NOT_COLLECT');
  }

  canEditResponse(): boolean {
    this.call('canEditResponse');
    return this.data.allowResponseEdits;
  }

  setAllowResponseEdits(enabled: boolean): this {
    this.call('setAllowResponseEdits');
    this.data.allowResponseEdits = Boolean(enabled);
    return this;
  }

  hasLimitOneResponsePerUser(): boolean {
    this.call('hasLimitOneResponsePerUser');
    return this.data.limitOneResponsePerUser;
  }

  setLimitOneResponsePerUser(enabled: boolean): this {
    this.call('setLimitOneResponsePerUser');
    this.data.limitOneResponsePerUser = Boolean(enabled);
    return this;
  }

  hasRespondAgainLink(): boolean {
    this.call('hasRespondAgainLink');
    return this.data.showLinkToRespondAgain;
  }

  setShowLinkToRespondAgain(enabled: boolean): this {
    this.call('setShowLinkToRespondAgain');
    this.data.showLinkToRespondAgain = Boolean(enabled);
    return this;
  }

  isAcceptingResponses(): boolean {
    this.call('isAcceptingResponses');
    // "If is_published is set to false, this field is forced to false" ([official] Forms API PublishState).
    return (this.data.legacy === true || this.data.published) && this.data.acceptingResponses;
  }

  setAcceptingResponses(enabled: boolean): this {
    this.call('setAcceptingResponses');
    this.data.acceptingResponses = Boolean(enabled);
    return this;
  }

  /** "Determines whether the form supports publishing" ([official] AS/reference/forms/form). */
  supportsAdvancedResponderPermissions(): boolean {
    this.call('supportsAdvancedResponderPermissions');
    return !this.data.legacy;
  }

  /** Throws "if called on unsupported forms" ([official] AS/reference/forms/form#isPublished()). */
  isPublished(): boolean {
    this.call('isPublished');
    this.assertPublishable('isPublished');
    return this.data.published;
  }

  /**
   * New forms start unpublished (see FormsStore.create). Publishing "also enables accepting
   * responses"; unpublishing "automatically stops it from accepting responses" ([official]
   * developers.google.com/workspace/forms/api/guides/publish-form).
   */
  setPublished(published: boolean): this {
    this.call('setPublished');
    this.assertPublishable('setPublished');
    this.data.published = Boolean(published);
    this.data.acceptingResponses = Boolean(published);
    return this;
  }

  private assertPublishable(method: string): void {
    // [official] "Throws an exception if called on unsupported forms"; the wording is not documented.
    if (this.data.legacy)
      throw new ScriptException(
        `Form.${method} is not supported for this form (it has no publish settings).`,
      );
  }

  getPublishedUrl(): string {
    this.call('getPublishedUrl');
    return publishedUrl(this.data);
  }

  getEditUrl(): string {
    this.call('getEditUrl');
    return `https://docs.google.com/forms/d/${this.data.id}/edit`;
  }

  /** "Throws an exception if the long URL does not belong to Google Forms" [official]; wording [uncertain]. */
  shortenFormUrl(url: string): string {
    this.call('shortenFormUrl');
    const text = String(url);
    if (!/^https:\/\/docs\.google\.com\/forms\//.test(text))
      throw new ScriptException('Invalid argument: url');
    return `https://forms.gle/${googleId(`short:${text}`, 17)}`;
  }

  // ---- items

  private add<T>(kind: ItemKind, method: string, wrap: (data: ItemData) => T): T {
    this.call(method);
    const data = newItem(this.store.nextItemId++, kind);
    this.data.items.push(data);
    if (isQuestion(data)) addColumn(this.store, this.data, data.id);
    return wrap(data);
  }

  addTextItem(): TextItem {
    return this.add('TEXT', 'addTextItem', (d) => new TextItem(this.store, this.data, d));
  }

  addParagraphTextItem(): ParagraphTextItem {
    return this.add(
      'PARAGRAPH_TEXT',
      'addParagraphTextItem',
      (d) => new ParagraphTextItem(this.store, this.data, d),
    );
  }

  addMultipleChoiceItem(): MultipleChoiceItem {
    return this.add(
      'MULTIPLE_CHOICE',
      'addMultipleChoiceItem',
      (d) => new MultipleChoiceItem(this.store, this.data, d),
    );
  }

  addCheckboxItem(): CheckboxItem {
    return this.add('CHECKBOX', 'addCheckboxItem', (d) => new CheckboxItem(this.store, this.data, d));
  }

  addListItem(): ListItem {
    return this.add('LIST', 'addListItem', (d) => new ListItem(this.store, this.data, d));
  }

  addScaleItem(): ScaleItem {
    return this.add('SCALE', 'addScaleItem', (d) => new ScaleItem(this.store, this.data, d));
  }

  addSectionHeaderItem(): SectionHeaderItem {
    return this.add(
      'SECTION_HEADER',
      'addSectionHeaderItem',
      (d) => new SectionHeaderItem(this.store, this.data, d),
    );
  }

  getItems(itemType?: string): Item[] {
    this.call('getItems');
    return this.data.items
      .filter((d) => itemType === undefined || d.type === String(itemType))
      .map((d) => new Item(this.store, this.data, d));
  }

  /** null when no item has this id [official]. */
  getItemById(id: number): Item | null {
    this.call('getItemById');
    const data = this.data.items.find((d) => d.id === Number(id));
    return data ? new Item(this.store, this.data, data) : null;
  }

  private indexOf(itemOrIndex: ItemBase | number, method: string): number {
    const index =
      typeof itemOrIndex === 'number'
        ? itemOrIndex
        : this.data.items.findIndex((d) => d.id === itemOrIndex?.data?.id);
    if (!Number.isInteger(index) || index < 0 || index >= this.data.items.length) {
      // Wording [uncertain].
      throw new ScriptException(`Invalid argument: ${method} — no item at index ${String(index)}`);
    }
    return index;
  }

  /** A deleted question's column stays in the response tab (fact sheet §1 [uncertain]). */
  deleteItem(itemOrIndex: ItemBase | number): void {
    this.call('deleteItem');
    this.data.items.splice(this.indexOf(itemOrIndex, 'deleteItem'), 1);
  }

  /** Moves an item; the response tab's columns keep their order, as Google's do [uncertain]. */
  moveItem(itemOrFrom: ItemBase | number, toIndex: number): Item {
    this.call('moveItem');
    const from = this.indexOf(itemOrFrom, 'moveItem');
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= this.data.items.length) {
      throw new ScriptException(`Invalid argument: moveItem — no item at index ${String(toIndex)}`);
    }
    const [data] = this.data.items.splice(from, 1);
    if (!data) throw new Error('unreachable: index checked');
    this.data.items.splice(toIndex, 0, data);
    return new Item(this.store, this.data, data);
  }

  // ---- destination and responses

  /** Links a new "Form Responses N" tab of that spreadsheet; an earlier tab keeps its rows. */
  setDestination(type: string, id: string): this {
    this.call('setDestination');
    if (String(type) !== DestinationType.SPREADSHEET) throw new ScriptException('Invalid argument: type');
    let ss: unknown = null;
    try {
      ss = this.store.sheets.byId(String(id));
    } catch {
      ss = null;
    }
    // Wording for an id that names no spreadsheet [uncertain].
    if (!ss) throw new ScriptException('Invalid argument: id');
    link(this.store, this.data, String(id));
    return this;
  }

  getDestinationId(): string {
    this.call('getDestinationId');
    if (!this.data.destination) throw new ScriptException(NO_DESTINATION);
    return this.data.destination.spreadsheetId;
  }

  /** With no destination this throws like getDestinationId [uncertain]. */
  getDestinationType(): string {
    this.call('getDestinationType');
    if (!this.data.destination) throw new ScriptException(NO_DESTINATION);
    return DestinationType.SPREADSHEET;
  }

  /** Unlinks; the tab keeps every earlier response. No destination: no effect [official]. */
  removeDestination(): this {
    this.call('removeDestination');
    this.data.destination = null;
    return this;
  }

  getResponses(timestamp?: Date): FormResponse[] {
    this.call('getResponses');
    const since = timestamp === undefined ? Number.NEGATIVE_INFINITY : new Date(timestamp).getTime();
    return this.data.responses
      .filter((r) => r.timestamp >= since)
      .map((r) => new FormResponse(this.store, this.data, r));
  }

  /** A response the script fills in: here only for toPrefilledUrl (submitting it is not emulated). */
  createResponse(): DraftResponse {
    this.call('createResponse');
    return new DraftResponse(this.store, this.data);
  }

  /**
   * Deletes one response from the form's own store; the copy already written to the response tab
   * stays [official] AS/reference/forms/form#deleteResponse(String). An id the form does not hold:
   * wording [uncertain].
   */
  deleteResponse(responseId: string): this {
    this.call('deleteResponse');
    const index = this.data.responses.findIndex((r) => r.id === String(responseId));
    if (index < 0) throw new ScriptException('Invalid argument: responseId');
    this.data.responses.splice(index, 1);
    return this;
  }

  deleteAllResponses(): this {
    this.call('deleteAllResponses');
    this.data.responses = [];
    return this;
  }
}

export function publishedUrl(form: FormData): string {
  return `https://docs.google.com/forms/d/e/${form.responderKey}/viewform`;
}

/**
 * The `entry.N` number of a question in a pre-filled link. Google's are not FormApp's item ids
 * [uncertain]; here a stable number derived from the item id, so links and tests are reproducible.
 */
export function entryId(itemId: number): number {
  return 1_000_000_000 + ((itemId * 7919) % 900_000_000);
}

/**
 * A response being filled in by the script. toPrefilledUrl "generates a URL for the form in which
 * the answers are pre-filled" ([official] AS/reference/forms/form-response#toPrefilledUrl());
 * format [observed]: …/viewform?usp=pp_url&entry.N=value (spaces as +).
 */
export class DraftResponse {
  private readonly answers: DraftItemResponse[] = [];

  constructor(
    private readonly store: FormsStore,
    private readonly form: FormData,
  ) {}

  withItemResponse(response: DraftItemResponse): this {
    this.store.rt.call('FormResponse.withItemResponse');
    if (!(response instanceof DraftItemResponse)) throw new ScriptException('Invalid argument: response');
    const at = this.answers.findIndex((a) => a.itemId === response.itemId);
    if (at >= 0) this.answers.splice(at, 1);
    this.answers.push(response);
    return this;
  }

  toPrefilledUrl(): string {
    this.store.rt.call('FormResponse.toPrefilledUrl');
    const params = new URLSearchParams({ usp: 'pp_url' });
    for (const a of this.answers) params.append(`entry.${entryId(a.itemId)}`, a.value);
    return `${publishedUrl(this.form)}?${params.toString()}`;
  }

  submit(): never {
    this.store.rt.call('FormResponse.submit');
    throw new NotImplemented('FormResponse.submit');
  }
}
