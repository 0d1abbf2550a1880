/**
 * The two forms a pair's members answer from their personal links during the year: the check-in
 * (four short questions, at set intervals) and the continuation question (before the finale). Each
 * starts with the personal code the link fills in: that, not anything typed, says whose it is.
 * Intake reads the responses by these titles, so the titles are fixed once a form exists.
 */

import type { FormWords } from '../prose/forms';
import { PROGRAMME_NAME } from '../scheme';
import { type FormSpec, formSpecSchema, type ItemSpec, PERSONAL_CODE_TITLE, withHelp } from './spec';

export const YES = 'Yes';
export const NO = 'No';
export const NOT_SURE = 'Not sure yet';

const CODE_ITEM: ItemSpec = {
  key: 'code',
  title: PERSONAL_CODE_TITLE,
  label: 'Personal code',
  type: 'text',
  required: false,
};

/** The check-in questions, by key: the readers look them up here. */
export const CHECK_IN_ITEMS: readonly ItemSpec[] = [
  CODE_ITEM,
  {
    key: 'met',
    title: 'Have you met since the last check-in?',
    label: 'Met since the last check-in',
    type: 'multipleChoice',
    required: true,
    choices: [YES, NO],
  },
  {
    key: 'rating',
    title: 'How is your mentoring going?',
    label: 'How it is going',
    type: 'scale',
    required: true,
    bounds: { low: 1, high: 5 },
    labels: { low: 'Not well', high: 'Very well' },
  },
  {
    key: 'note',
    title: 'Is there anything the coordinator should know?',
    label: 'For the coordinator',
    type: 'paragraph',
    required: false,
  },
  {
    key: 'coach',
    title: 'Would you like a one-to-one with the coach?',
    label: 'One-to-one with the coach',
    type: 'multipleChoice',
    required: true,
    choices: [YES, NO],
  },
];

export const CONTINUATION_ITEMS: readonly ItemSpec[] = [
  CODE_ITEM,
  {
    key: 'continues',
    title: 'Would you like to keep meeting after November?',
    label: 'Keep meeting after November',
    type: 'multipleChoice',
    required: true,
    choices: [YES, NO, NOT_SURE],
  },
];

export interface KeepInTouchFormOptions {
  readonly programmeName?: string;
  /** Who to turn to (the coach, the contact), as every email and check-in says it. */
  readonly support?: string;
  /** What the form says beyond its questions (prose): needed to make the form, not to read it. */
  readonly words?: FormWords;
}

/** The check-in form. */
export function checkInForm(options: KeepInTouchFormOptions = {}): FormSpec {
  const programme = options.programmeName ?? PROGRAMME_NAME;
  return formSpecSchema.parse({
    key: 'check-in',
    title: `${programme}: check-in`,
    description: [options.words?.description, options.support].filter(Boolean).join('\n\n'),
    confirmationMessage: options.words?.confirmation ?? '',
    items: withHelp(CHECK_IN_ITEMS, options.words),
  });
}

/** The one-question form each side of a pair answers before the finale. */
export function continuationForm(options: KeepInTouchFormOptions = {}): FormSpec {
  const programme = options.programmeName ?? PROGRAMME_NAME;
  return formSpecSchema.parse({
    key: 'continuation',
    title: `${programme}: after the programme`,
    description: options.words?.description ?? '',
    confirmationMessage: options.words?.confirmation ?? '',
    items: withHelp(CONTINUATION_ITEMS, options.words),
  });
}
