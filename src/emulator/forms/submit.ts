import { type FormsStore, googleId } from './FormsStore';
import { type FormData, type ItemData, isQuestion, type ResponseData } from './model';
import { EMAIL_HEADER } from './responseSheet';
import { passes } from './TextValidation';

export type Answers = Record<string, string | string[]>;

export interface SubmitOptions {
  /** Skip what the form UI would refuse (required, choices, validation): any input reaches the sheet. */
  unchecked?: boolean;
}

/** Raised on the host when a respondent could not submit these answers through the form UI. */
export class SubmissionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubmissionRefused';
  }
}

function findItem(form: FormData, key: string): ItemData | undefined {
  const questions = form.items.filter(isQuestion);
  return questions.find((i) => i.title === key) ?? questions.find((i) => String(i.id) === key);
}

/** One answer in the shape FormResponse keeps: String, or String[] for a checkbox item. */
function normalise(
  form: FormData,
  item: ItemData,
  raw: string | string[],
  unchecked: boolean,
): string | string[] {
  if (item.type === 'CHECKBOX') return (Array.isArray(raw) ? raw : [raw]).map(String).filter((v) => v !== '');
  if (!Array.isArray(raw)) return String(raw);
  if (unchecked) return raw.map(String).join(', ');
  throw new SubmissionRefused(`"${item.title}" on form "${form.title}" takes one answer, not a list`);
}

function check(form: FormData, item: ItemData, value: string | string[]): void {
  const where = `"${item.title}" on form "${form.title}"`;
  const values = Array.isArray(value) ? value : [value];
  switch (item.type) {
    case 'MULTIPLE_CHOICE':
    case 'LIST':
    case 'CHECKBOX': {
      const others = values.filter((v) => !item.choices.includes(v));
      // With "Other:" on, a respondent can type one answer of their own.
      const allowed = item.type !== 'LIST' && item.other ? 1 : 0;
      if (others.length > allowed) {
        throw new SubmissionRefused(
          `${where}: "${others.join('", "')}" is not one of the choices (${item.choices.join(' | ')})`,
        );
      }
      break;
    }
    case 'SCALE': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < item.lower || n > item.upper) {
        throw new SubmissionRefused(
          `${where}: the answer must be a whole number from ${item.lower} to ${item.upper}`,
        );
      }
      break;
    }
    default: {
      const rule = item.validation?.rule;
      if (rule && !passes(rule, String(value))) {
        const help = item.validation?.helpText ? ` (${item.validation.helpText})` : '';
        throw new SubmissionRefused(
          `${where}: the answer fails the question's validation ${rule.rule}${help}`,
        );
      }
    }
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Host-side: the response a respondent's answers make, refused (SubmissionRefused) where the form
 * UI would refuse them unless `unchecked`. Answers are keyed by question title (or item id); when the
 * form collects e-mail addresses, the respondent's address goes under "Email Address".
 */
export function buildResponse(
  store: FormsStore,
  form: FormData,
  answers: Answers,
  options: SubmitOptions = {},
): ResponseData {
  const unchecked = options.unchecked === true;
  // Not even a hand-made POST reaches an unpublished or closed form: these hold when `unchecked` too.
  if (!form.published && !form.legacy) {
    throw new SubmissionRefused(
      `Form "${form.title}" is not published: a respondent cannot open it (setPublished(true))`,
    );
  }
  if (!form.acceptingResponses) {
    throw new SubmissionRefused(`Form "${form.title}" is no longer accepting responses`);
  }
  let email = '';
  const byItem = new Map<number, string | string[]>();
  for (const [key, raw] of Object.entries(answers)) {
    if (key === EMAIL_HEADER && form.collectEmail) {
      email = String(raw);
      continue;
    }
    const item = findItem(form, key);
    if (!item) throw new SubmissionRefused(`Form "${form.title}" has no question "${key}"`);
    byItem.set(item.id, normalise(form, item, raw, unchecked));
  }
  if (!unchecked && form.collectEmail && !EMAIL.test(email)) {
    throw new SubmissionRefused(
      `Form "${form.title}" collects e-mail addresses: give a valid "${EMAIL_HEADER}"`,
    );
  }
  const kept: ResponseData['answers'] = [];
  for (const item of form.items.filter(isQuestion)) {
    const value = byItem.get(item.id);
    const answered = value !== undefined && value.length > 0;
    if (!answered) {
      if (item.required && !unchecked) {
        throw new SubmissionRefused(`"${item.title}" on form "${form.title}" is required`);
      }
      continue;
    }
    if (!unchecked) check(form, item, value);
    kept.push({ itemId: item.id, value });
  }
  const seq = store.nextResponseSeq++;
  return {
    id: `2_${googleId(`response:${form.id}:${seq}`, 40)}`,
    timestamp: store.rt.clock.now(),
    email,
    answers: kept,
  };
}
