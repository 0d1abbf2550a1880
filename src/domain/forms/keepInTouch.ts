/**
 * The two forms a pair's members answer from their personal links during the year: the check-in
 * (four short questions, at set intervals) and the continuation question (before the finale). Each
 * starts with the personal code the link fills in: that, not anything typed, says whose it is.
 * Intake reads the responses by these titles, so the titles are fixed once a form exists.
 */
import { PROGRAMME_NAME } from '../scheme';
import { type FormSpec, formSpecSchema, type ItemSpec, PERSONAL_CODE_TITLE } from './spec';

export const YES = 'Yes';
export const NO = 'No';
export const NOT_SURE = 'Not sure yet';

function codeItem(what: string): ItemSpec {
  return {
    key: 'code',
    title: PERSONAL_CODE_TITLE,
    label: 'Personal code',
    type: 'text',
    required: false,
    helpText: `Filled in for you when you open the link in your email: please leave it as it is. It makes sure ${what} counts as yours.`,
  };
}

/** The check-in questions, by key: the readers look them up here. */
export const CHECK_IN_ITEMS: readonly ItemSpec[] = [
  codeItem('your check-in'),
  {
    key: 'met',
    title: 'Have you met since the last check-in?',
    label: 'Met since the last check-in',
    type: 'multipleChoice',
    required: true,
    choices: [YES, NO],
    helpText: 'For the first check-in: since you were introduced. Online or in person, it all counts.',
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
    helpText: 'Optional. Only the coordinator reads this.',
  },
  {
    key: 'coach',
    title: 'Would you like a one-to-one with the coach?',
    label: 'One-to-one with the coach',
    type: 'multipleChoice',
    required: true,
    choices: [YES, NO],
    helpText:
      'The scheme’s professional coach offers one-to-ones to mentors and mentees. If you say yes, we pass on your name and address, nothing else.',
  },
];

export const CONTINUATION_ITEMS: readonly ItemSpec[] = [
  codeItem('your answer'),
  {
    key: 'continues',
    title: 'Would you like to keep meeting after November?',
    label: 'Keep meeting after November',
    type: 'multipleChoice',
    required: true,
    choices: [YES, NO, NOT_SURE],
    helpText: 'Only the coordinator sees your answer. If you both say yes, we will tell you both.',
  },
];

export interface KeepInTouchFormOptions {
  readonly programmeName?: string;
  /** Who to turn to (the coach, the contact), as every email and check-in says it. */
  readonly support?: string;
}

/** The check-in form. */
export function checkInForm(options: KeepInTouchFormOptions = {}): FormSpec {
  const programme = options.programmeName ?? PROGRAMME_NAME;
  return formSpecSchema.parse({
    key: 'check-in',
    title: `${programme}: check-in`,
    description: [
      'Four short questions about how your mentoring is going. Your answers reach only the coordinator.',
      options.support ?? '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    confirmationMessage: 'Thank you. If you asked for something, we will be in touch.',
    items: CHECK_IN_ITEMS,
  });
}

/** The one-question form each side of a pair answers before the finale. */
export function continuationForm(options: KeepInTouchFormOptions = {}): FormSpec {
  const programme = options.programmeName ?? PROGRAMME_NAME;
  return formSpecSchema.parse({
    key: 'continuation',
    title: `${programme}: after the programme`,
    description:
      'The programme ends with the finale. Many pairs keep meeting afterwards: would you like to? Your mentoring partner is asked too.',
    confirmationMessage: 'Thank you. After the finale we will write to you both about what happens next.',
    items: CONTINUATION_ITEMS,
  });
}
