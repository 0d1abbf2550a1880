import { createHash } from 'node:crypto';
import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import type { FormData, ItemData } from './model';
import type { SpreadsheetHost } from './SpreadsheetHost';

/**
 * Apps Script's wording when an id names no form the user can open, deleted or not shared: one text
 * for both ([observed] stevenschmatz/export-google-form#5; research notes §3).
 */
export const NO_ITEM_WITH_ID =
  'No item with the given ID could be found, or you do not have permission to access it.';

/** Stable, Google-looking ids (so saved workspaces and tests are reproducible). */
export function googleId(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('base64url').replace(/[-_]/g, 'x').slice(0, length);
}

/**
 * The Forms service's state, shared by every wrapper object the script holds: wrappers read and
 * write these plain records, so two wrappers of one form always agree.
 */
export class FormsStore {
  readonly forms = new Map<string, FormData>();
  nextFormSeq = 1;
  nextItemId = 1_000_001;
  nextResponseSeq = 1;

  constructor(
    readonly rt: Runtime,
    readonly sheets: SpreadsheetHost,
  ) {}

  create(title: string): FormData {
    const seq = this.nextFormSeq++;
    const form: FormData = {
      id: `1${googleId(`form:${seq}:${title}`, 43)}`,
      responderKey: `1FAIpQLS${googleId(`responder:${seq}`, 48)}`,
      fileName: title,
      owner: this.rt.user,
      // FormApp.create(title) names the Drive file only: getTitle() is '' on live Apps Script
      // ([observed] brucemcpherson/gas-fakes test/testform.js, notes/oddities.md;
      // issuetracker.google.com/issues/442747794). The script must call setTitle.
      title: '',
      description: '',
      confirmationMessage: '',
      collectEmail: false,
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      showLinkToRespondAgain: true,
      acceptingResponses: true,
      // DECISION: forms made by FormApp.create start UNPUBLISHED and not accepting responses, as
      // the Forms API does for forms made after 30 June 2026 ([official] developers.google.com/
      // workspace/forms/api/guides/api-changes-to-google-forms; whether FormApp follows is
      // [uncertain]: the stricter reading). A submission is refused until setPublished(true).
      published: false,
      items: [],
      destination: null,
      responses: [],
    };
    this.forms.set(form.id, form);
    return form;
  }

  /** The form with this id, if the current account may open it; else Apps Script's "no item" exception. */
  get(id: string): FormData {
    const form = this.forms.get(String(id));
    if (!form || (form.owner !== undefined && form.owner !== this.rt.user))
      throw new ScriptException(NO_ITEM_WITH_ID);
    return form;
  }

  item(form: FormData, id: number): ItemData | undefined {
    return form.items.find((i) => i.id === id);
  }
}
