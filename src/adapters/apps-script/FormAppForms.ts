import type { FormSpec, ItemSpec } from '../../domain/forms/spec';
import { normaliseEmail } from '../../domain/text';
import type { FormRef, Forms } from '../../ports';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

/** Adds one item from its spec at the end of the form. */
function addItem(form: Form, spec: ItemSpec): void {
  switch (spec.type) {
    case 'text': {
      const item = form.addTextItem();
      if (spec.validation === 'email')
        item.setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
      item.setTitle(spec.title).setRequired(spec.required);
      if (spec.helpText) item.setHelpText(spec.helpText);
      return;
    }
    case 'paragraph': {
      const item = form.addParagraphTextItem().setTitle(spec.title).setRequired(spec.required);
      if (spec.helpText) item.setHelpText(spec.helpText);
      return;
    }
    case 'multipleChoice': {
      const item = form.addMultipleChoiceItem().setTitle(spec.title).setRequired(spec.required);
      item.setChoiceValues(spec.choices ?? []);
      if (spec.otherOption) item.showOtherOption(true);
      if (spec.helpText) item.setHelpText(spec.helpText);
      return;
    }
    case 'checkbox': {
      const item = form.addCheckboxItem().setTitle(spec.title).setRequired(spec.required);
      item.setChoiceValues(spec.choices ?? []);
      if (spec.otherOption) item.showOtherOption(true);
      if (spec.helpText) item.setHelpText(spec.helpText);
      return;
    }
    case 'list': {
      const item = form.addListItem().setTitle(spec.title).setRequired(spec.required);
      item.setChoiceValues(spec.choices ?? []);
      if (spec.helpText) item.setHelpText(spec.helpText);
      return;
    }
    case 'scale': {
      const item = form.addScaleItem().setTitle(spec.title).setRequired(spec.required);
      if (spec.bounds) item.setBounds(spec.bounds.low, spec.bounds.high);
      if (spec.helpText) item.setHelpText(spec.helpText);
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

/**
 * The Forms port on FormApp. Forms are built from the declarative spec; an existing form is updated
 * in place (new questions added, choices refreshed), never recreated, so its link and responses stay.
 */
export class FormAppForms implements Forms {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  exists(id: string): boolean {
    try {
      FormApp.openById(id);
      return true;
    } catch {
      return false;
    }
  }

  countResponses(formId: string, email: string): number {
    return this.responsesOf(formId, email).length;
  }

  deleteResponses(formId: string, email: string): number {
    const form = FormApp.openById(formId);
    const ids = this.responsesOf(formId, email, form);
    for (const id of ids) form.deleteResponse(id);
    return ids.length;
  }

  /**
   * The ids of the responses given by this address: the respondent's email when the form collected
   * it, else any answer equal to it (our forms ask for the address as a question, whose title the
   * coordinator may reword, so no title is relied on).
   */
  private responsesOf(formId: string, email: string, form = FormApp.openById(formId)): string[] {
    const wanted = normaliseEmail(email);
    if (!wanted) return [];
    const same = (value: unknown) => typeof value === 'string' && normaliseEmail(value) === wanted;
    return form
      .getResponses()
      .filter((r) => same(r.getRespondentEmail()) || r.getItemResponses().some((a) => same(a.getResponse())))
      .map((r) => r.getId());
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
    if (created || !existing?.responseTab) {
      form
        .setDescription(spec.description)
        .setConfirmationMessage(spec.confirmationMessage)
        .setCollectEmail(false)
        .setAllowResponseEdits(false)
        .setShowLinkToRespondAgain(false);
    }
    const titles = new Map(form.getItems().map((item) => [item.getTitle(), item]));
    for (const item of spec.items) {
      const current = titles.get(item.title);
      if (current) refreshChoices(current, item);
      else addItem(form, item);
    }
    // Forms made by a script may start unpublished (Google, from mid-2026): publish, or nobody can answer.
    const publishable = form as Form & {
      isPublished?: () => boolean;
      setPublished?: (published: boolean) => Form;
    };
    if (publishable.isPublished && publishable.setPublished && !publishable.isPublished())
      publishable.setPublished(true);
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
