import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { slug } from '../runtime/slug';
import { entryId, publishedUrl } from './Form';
import { FormApp } from './FormApp';
import { FormsStore } from './FormsStore';
import type { FormData } from './model';
import { renderPreview } from './preview';
import { appendRow, type FormSubmission } from './responseSheet';
import type { SpreadsheetHost } from './SpreadsheetHost';
import { type Answers, buildResponse, type SubmitOptions } from './submit';

export type { FormSubmission, FormSubmitEvent } from './responseSheet';
export type { Answers, SubmitOptions } from './submit';
export { SubmissionRefused } from './submit';

export interface FormSummary {
  id: string;
  /** The form's own title (blank until the script sets it). */
  title: string;
  /** The Drive file's name. */
  fileName: string;
  published: boolean;
  url: string;
  destinationId: string | null;
}

interface FormsState {
  nextFormSeq: number;
  nextItemId: number;
  nextResponseSeq: number;
  forms: FormData[];
}

/** Lowercase words joined by dashes: "Mentor application 2025" → "mentor-application-2025". */
export function slugOf(title: string): string {
  return slug(title, 'form');
}

/**
 * The Forms service (globals → { FormApp }). Host-side methods below (submit, list, byTitle,
 * persistence) are what a respondent, the CLI and tests use; they are not visible to the script and
 * make no counted call of their own.
 */
export class FormModule implements ServiceModule {
  private readonly store: FormsStore;

  constructor(rt: Runtime, spreadsheets: SpreadsheetHost) {
    this.store = new FormsStore(rt, spreadsheets);
  }

  globals(): Record<string, unknown> {
    return { FormApp: new FormApp(this.store) };
  }

  /**
   * Host-side: a respondent submits the form. Throws SubmissionRefused where the form UI would refuse
   * (unpublished, closed, required question unanswered, answer not among the choices without "Other",
   * failed validation) unless `options.unchecked`. Stores the response and, when the form is linked,
   * appends its row to the response tab (the sheet calls count into the runtime's totals only, as no
   * execution runs) and returns the spreadsheet onFormSubmit event; null when the form is unlinked.
   */
  submit(formId: string, answers: Answers, options: SubmitOptions = {}): FormSubmission | null {
    const form = this.store.forms.get(formId);
    if (!form) throw new Error(`No form with id ${formId}`);
    const response = buildResponse(this.store, form, answers, options);
    form.responses.push(response);
    return appendRow(this.store, form, response);
  }

  /** Host-side: every form, in creation order. */
  list(): FormSummary[] {
    return [...this.store.forms.values()].map((f) => ({
      id: f.id,
      title: f.title,
      fileName: f.fileName ?? f.title,
      published: f.published,
      url: publishedUrl(f),
      destinationId: f.destination?.spreadsheetId ?? null,
    }));
  }

  /** Host-side: the first form with this title (a read-only snapshot), or undefined. */
  byTitle(title: string): FormSummary | undefined {
    return this.list().find((f) => f.title === title) ?? this.list().find((f) => f.fileName === title);
  }

  /**
   * Host-side: what a person opening a pre-filled link sees filled in, by question title, and
   * the form it belongs to (null when the link is not one of these forms').
   */
  prefilled(url: string): { formId: string; answers: Record<string, string> } | null {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    const form = [...this.store.forms.values()].find((f) => url.startsWith(publishedUrl(f)));
    if (!form) return null;
    const answers: Record<string, string> = {};
    for (const [name, value] of parsed.searchParams) {
      const m = /^entry\.(\d+)$/.exec(name);
      const item = m ? form.items.find((i) => entryId(i.id) === Number(m[1])) : undefined;
      if (item) answers[item.title] = value;
    }
    return { formId: form.id, answers };
  }

  /** Host-side: the form is deleted (a person emptied it from Drive's trash): it is gone for everyone. */
  deleteForm(formId: string): void {
    this.store.forms.delete(formId);
  }

  /** Host-side: the plain record of a form (items, settings, responses), for tests and the CLI. */
  data(formId: string): Readonly<FormData> | undefined {
    return this.store.forms.get(formId);
  }

  toState(): FormsState {
    return {
      nextFormSeq: this.store.nextFormSeq,
      nextItemId: this.store.nextItemId,
      nextResponseSeq: this.store.nextResponseSeq,
      forms: structuredClone([...this.store.forms.values()]),
    };
  }

  fromState(state: unknown): void {
    const s = state as Partial<FormsState> | null;
    if (!s || !Array.isArray(s.forms)) throw new Error('forms state: expected { forms: [...] }');
    this.store.forms.clear();
    for (const form of structuredClone(s.forms)) this.store.forms.set(form.id, form);
    this.store.nextFormSeq = s.nextFormSeq ?? this.store.forms.size + 1;
    this.store.nextItemId = s.nextItemId ?? this.store.nextItemId;
    this.store.nextResponseSeq = s.nextResponseSeq ?? this.store.nextResponseSeq;
  }

  /** Writes forms/<slug>.json (definition, without responses) and forms/<slug>.html (a preview). */
  async writeFiles(dir: string): Promise<void> {
    const folder = join(dir, 'forms');
    mkdirSync(folder, { recursive: true });
    const used = new Set<string>();
    for (const form of this.store.forms.values()) {
      const name = form.title || form.fileName || '';
      let slug = slugOf(name);
      for (let n = 2; used.has(slug); n++) slug = `${slugOf(name)}-${n}`;
      used.add(slug);
      writeFileSync(join(folder, `${slug}.json`), `${JSON.stringify(describe(form), null, 2)}\n`);
      writeFileSync(join(folder, `${slug}.html`), renderPreview(form));
    }
  }
}

function describe(form: FormData): unknown {
  return {
    id: form.id,
    title: form.title,
    description: form.description,
    published: form.published,
    acceptingResponses: form.acceptingResponses,
    publishedUrl: publishedUrl(form),
    destination: form.destination
      ? {
          type: 'SPREADSHEET',
          spreadsheetId: form.destination.spreadsheetId,
          sheetName: form.destination.sheetName,
        }
      : null,
    items: form.items.map((i) => ({
      id: i.id,
      title: i.title,
      type: i.type,
      helpText: i.helpText,
      required: i.required,
      ...(['MULTIPLE_CHOICE', 'CHECKBOX', 'LIST'].includes(i.type)
        ? { choices: i.choices, other: i.other }
        : {}),
      ...(i.type === 'SCALE' ? { bounds: [i.lower, i.upper], labels: [i.lowerLabel, i.upperLabel] } : {}),
      ...(i.validation?.rule ? { validation: i.validation } : {}),
    })),
    responseCount: form.responses.length,
  };
}
