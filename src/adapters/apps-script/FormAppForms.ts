import type { FormSpec, ItemSpec } from '../../domain/forms/spec';
import { normaliseEmail } from '../../domain/text';
import type { FormRef, Forms, ResponseOwner, ResponseSearch, SearchMark } from '../../ports';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

interface Question {
  setTitle(title: string): unknown;
  setRequired(required: boolean): unknown;
  setHelpText(text: string): unknown;
}

/** What every question has: its title, whether it must be answered, and any help under it. */
function asked<T extends Question>(item: T, spec: ItemSpec): T {
  item.setTitle(spec.title);
  item.setRequired(spec.required);
  if (spec.helpText) item.setHelpText(spec.helpText);
  return item;
}

/** Adds one item from its spec at the end of the form. */
function addItem(form: Form, spec: ItemSpec): void {
  switch (spec.type) {
    case 'text': {
      const item = asked(form.addTextItem(), spec);
      if (spec.validation === 'email')
        item.setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
      return;
    }
    case 'paragraph': {
      asked(form.addParagraphTextItem(), spec);
      return;
    }
    case 'multipleChoice': {
      const item = asked(form.addMultipleChoiceItem(), spec).setChoiceValues(spec.choices ?? []);
      if (spec.otherOption) item.showOtherOption(true);
      return;
    }
    case 'checkbox': {
      const item = asked(form.addCheckboxItem(), spec).setChoiceValues(spec.choices ?? []);
      if (spec.otherOption) item.showOtherOption(true);
      return;
    }
    case 'list': {
      asked(form.addListItem(), spec).setChoiceValues(spec.choices ?? []);
      return;
    }
    case 'scale': {
      const item = asked(form.addScaleItem(), spec);
      if (spec.bounds) item.setBounds(spec.bounds.low, spec.bounds.high);
      if (spec.labels) item.setLabels(spec.labels.low, spec.labels.high);
      return;
    }
    case 'section': {
      form
        .addSectionHeaderItem()
        .setTitle(spec.title)
        .setHelpText(spec.helpText ?? '');
      return;
    }
  }
}

/** Brings an existing item's choices up to date (the choices form's mentors change). */
function refreshChoices(item: Item, spec: ItemSpec): void {
  if (!spec.choices) return;
  const type = item.getType();
  const current =
    type === FormApp.ItemType.LIST
      ? item.asListItem().getChoices()
      : type === FormApp.ItemType.MULTIPLE_CHOICE
        ? item.asMultipleChoiceItem().getChoices()
        : type === FormApp.ItemType.CHECKBOX
          ? item.asCheckboxItem().getChoices()
          : null;
  if (!current) return;
  const same =
    current.length === spec.choices.length && current.every((c, i) => c.getValue() === spec.choices![i]);
  if (same) return;
  if (type === FormApp.ItemType.LIST) item.asListItem().setChoiceValues(spec.choices);
  else if (type === FormApp.ItemType.MULTIPLE_CHOICE)
    item.asMultipleChoiceItem().setChoiceValues(spec.choices);
  else item.asCheckboxItem().setChoiceValues(spec.choices);
}

/** Google's words for a form that is gone or not shared with this account (one text for both). */
export function isFormNotFound(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /No item with the given ID could be found|do not have permission to access it/i.test(message);
}

/**
 * Forms made by a script start unpublished (Google, from 30 June 2026) and take no responses until
 * published. isPublished/setPublished throw on forms without publish settings, so ask first
 * ([official] AS/reference/forms/form#setPublished(Boolean)).
 */
function publish(form: Form): void {
  const publishable = form as Form & {
    supportsAdvancedResponderPermissions?: () => boolean;
    isPublished?: () => boolean;
    setPublished?: (published: boolean) => Form;
  };
  if (publishable.supportsAdvancedResponderPermissions?.() && !publishable.isPublished?.())
    publishable.setPublished?.(true);
  if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);
}

/**
 * Section headers (the mentors' profiles) stand where the spec puts them, and one the spec no
 * longer has (a mentor who withdrew) is taken off. Questions are never deleted: their answers and
 * response columns must stay.
 */
function arrangeSections(form: Form, spec: FormSpec): void {
  const wanted = new Set(spec.items.filter((i) => i.type === 'section').map((i) => i.title));
  // One read of the items; from then on the order is followed locally (each Forms call costs time).
  const order: string[] = [];
  for (const item of form.getItems()) {
    const title = item.getTitle();
    if (item.getType() === FormApp.ItemType.SECTION_HEADER && !wanted.has(title)) form.deleteItem(item);
    else order.push(title);
  }
  spec.items.forEach((item, index) => {
    if (item.type !== 'section' || order[index] === item.title) return;
    const at = order.indexOf(item.title);
    if (at < 0 || index >= order.length) return;
    form.moveItem(at, index);
    order.splice(index, 0, ...order.splice(at, 1));
  });
}

/**
 * The Forms port on FormApp. Forms are built from the declarative spec; an existing form is updated
 * in place (new questions added, choices refreshed), never recreated, so its link and responses stay.
 */
export class FormAppForms implements Forms {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /**
   * False only when Google says the form is not there for this account ("No item with the given ID
   * could be found, or you do not have permission to access it."). Any other failure (Google busy:
   * "Service Forms failed while accessing document…", "We're sorry, a server error occurred") is
   * thrown: taking it for a deleted form would make a second form and split the applicants.
   */
  exists(id: string): boolean {
    try {
      FormApp.openById(id);
      return true;
    } catch (e) {
      if (isFormNotFound(e)) return false;
      throw new Error(
        `Google Forms did not answer ("${e instanceof Error ? e.message : String(e)}"). Nothing was changed; try again in a few minutes.`,
      );
    }
  }

  searchResponses(
    formId: string,
    owner: ResponseOwner,
    from: SearchMark | null,
    stop: () => boolean,
  ): ResponseSearch {
    const responses = FormApp.openById(formId).getResponses();
    const theirs = this.ownedBy(owner);
    let start = 0;
    let restarted = false;
    if (from && from.next > 0) {
      const still = from.next <= responses.length && responses[from.next - 1]!.getId() === from.seen;
      if (still) start = from.next;
      else restarted = true;
    }
    const ids: string[] = [];
    let next = start;
    for (; next < responses.length && !stop(); next++) {
      const response = responses[next]!;
      if (theirs(response)) ids.push(response.getId());
    }
    const seen = next === 0 ? '' : next === start ? from!.seen : responses[next - 1]!.getId();
    return { ids, mark: { next, seen }, size: responses.length, done: next === responses.length, restarted };
  }

  deleteResponses(formId: string, ids: readonly string[]): number {
    const form = FormApp.openById(formId);
    for (const id of ids) form.deleteResponse(id);
    return ids.length;
  }

  /**
   * Whether a response is this person's: the respondent's email when the form collected it, else any
   * answer equal to it (our forms ask for the address as a question, whose title the coordinator may
   * reword, so no title is relied on); or, when `owner.code` is given, the answer to the
   * personal-code question starting with one of its prefixes (a check-in carries no address).
   */
  private ownedBy(owner: ResponseOwner): (response: GoogleAppsScript.Forms.FormResponse) => boolean {
    const wanted = normaliseEmail(owner.email);
    const same = (value: unknown) =>
      wanted !== '' && typeof value === 'string' && normaliseEmail(value) === wanted;
    const { code } = owner;
    const theirs = (a: ItemResponse) => {
      const value = a.getResponse();
      if (same(value)) return true;
      if (!code || typeof value !== 'string') return false;
      // The question's title only for an answer that looks like their code: two calls fewer for the rest.
      const text = value.trim();
      return code.prefixes.some((prefix) => text.startsWith(prefix)) && a.getItem().getTitle() === code.title;
    };
    return (r) => same(r.getRespondentEmail()) || r.getItemResponses().some(theirs);
  }

  stopResponses(formId: string): void {
    const form = this.openIfThere(formId);
    if (form?.isAcceptingResponses()) form.setAcceptingResponses(false);
  }

  deleteAllResponses(formId: string): number {
    const form = this.openIfThere(formId);
    if (!form) return 0;
    const count = form.getResponses().length;
    if (count > 0) form.deleteAllResponses();
    return count;
  }

  /** The form, or null when Google says it is not there for this account (any other failure throws). */
  private openIfThere(formId: string): Form | null {
    try {
      return FormApp.openById(formId);
    } catch (e) {
      if (isFormNotFound(e)) return null;
      throw e;
    }
  }

  prefilledUrl(formId: string, itemTitle: string, value: string): string {
    const form = FormApp.openById(formId);
    const item = form.getItems().find((i) => i.getTitle() === itemTitle);
    if (!item)
      throw new Error(`The form "${form.getTitle()}" has no question "${itemTitle}": run Set up programme.`);
    return form.createResponse().withItemResponse(item.asTextItem().createResponse(value)).toPrefilledUrl();
  }

  setVerifiedEmail(formId: string, verified: boolean): 'verified' | 'typed' | 'off' {
    const form = FormApp.openById(formId);
    // setEmailCollectionType is newer than setCollectEmail and missing from some forms: fall back.
    const typed = form as Form & { setEmailCollectionType?: (type: unknown) => Form };
    const types = (FormApp as unknown as { EmailCollectionType?: Record<string, unknown> })
      .EmailCollectionType;
    if (typed.setEmailCollectionType && types) {
      try {
        typed.setEmailCollectionType(verified ? types.VERIFIED : types.DO_NOT_COLLECT);
        return verified ? 'verified' : 'off';
      } catch {
        // fall through
      }
    }
    form.setCollectEmail(verified);
    return verified ? 'typed' : 'off';
  }

  ensureForm(
    spec: FormSpec,
    existing: FormRef | null,
    remember: (ref: FormRef) => void,
  ): FormRef & { created: boolean } {
    const created = !existing || !this.exists(existing.id);
    const form = created ? FormApp.create(spec.title) : FormApp.openById(existing!.id);
    // Remembered at once: a run cut off from here on finishes this form instead of making another.
    if (created) remember({ id: form.getId(), publishedUrl: '', editUrl: '', responseTab: '' });
    // FormApp.create names only the Drive file: the form itself stays untitled until set.
    if (form.getTitle() !== spec.title) form.setTitle(spec.title);
    if (created || !existing?.responseTab) {
      form
        .setDescription(spec.description)
        .setConfirmationMessage(spec.confirmationMessage)
        .setCollectEmail(false)
        .setAllowResponseEdits(false)
        .setShowLinkToRespondAgain(false);
    }
    // An item is added, then titled: a run cut off in between leaves an untitled question, which
    // applicants would see as a blank one (found by the fault trials). None of ours is untitled.
    for (const item of form.getItems()) if (item.getTitle() === '') form.deleteItem(item);
    const titles = new Map(form.getItems().map((item) => [item.getTitle(), item]));
    for (const item of spec.items) {
      const current = titles.get(item.title);
      if (!current) addItem(form, item);
      else if (item.type === 'section') {
        // A mentor's profile changes with their application: kept in step, in place.
        if (current.getHelpText() !== (item.helpText ?? '')) current.setHelpText(item.helpText ?? '');
      } else refreshChoices(current, item);
    }
    if (spec.items.some((i) => i.type === 'section') || spec.key === 'choices') arrangeSections(form, spec);
    publish(form);
    const responseTab = this.linkedTab(form, existing, spec);
    const ref = {
      id: form.getId(),
      publishedUrl: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      responseTab,
    };
    remember(ref);
    return { ...ref, created };
  }

  /** Links the form to this spreadsheet if it is not, and names the response tab Google made. */
  private linkedTab(form: Form, existing: FormRef | null, spec: FormSpec): string {
    let destination = '';
    try {
      destination = form.getDestinationId();
    } catch {
      // "The form currently has no response destination": link it below.
    }
    if (destination === this.spreadsheet.getId()) {
      if (existing?.responseTab && this.spreadsheet.getSheetByName(existing.responseTab))
        return existing.responseTab;
      // Linked by a run that was cut off before it noted the tab: find the tab by its header row.
      const found = this.tabWithHeaders(['Timestamp', ...spec.items.map((i) => i.title)]);
      if (found) return found;
    }
    const before = new Set(this.spreadsheet.getSheets().map((s) => s.getName()));
    form.setDestination(FormApp.DestinationType.SPREADSHEET, this.spreadsheet.getId());
    const added = this.spreadsheet.getSheets().find((s) => !before.has(s.getName()));
    if (added) return added.getName();
    throw new Error(`The form "${form.getTitle()}" is linked, but its response tab could not be found.`);
  }

  private tabWithHeaders(headers: readonly string[]): string | null {
    for (const sheet of this.spreadsheet.getSheets()) {
      const width = sheet.getLastColumn();
      if (width < headers.length) continue;
      const row = sheet
        .getRange(1, 1, 1, width)
        .getValues()[0]!
        .map((h) => String(h));
      if (headers.every((h) => row.includes(h))) return sheet.getName();
    }
    return null;
  }
}
