/**
 * A check-in or continuation response → what it says, and its problems in words. Whose it is comes
 * from the personal code, which the workflow checks; nothing here throws, whatever was submitted
 * (the forms are public: a response can be anything).
 *
 * @example
 * parseCheckIn({ 'Your personal code': 'ME-004:MR-001:2.Hk2…', 'Have you met since the last check-in?': 'Yes',
 *   'How is your mentoring going?': 4, 'Would you like a one-to-one with the coach?': 'No' })
 * // → { code: 'ME-004:MR-001:2.Hk2…', met: 'Yes', rating: 4, note: '', coach: 'No', problems: [] }
 */
import { CHECK_IN_ITEMS, CONTINUATION_ITEMS, NO, NOT_SURE, YES } from '../forms/keepInTouch';
import type { ItemSpec } from '../forms/spec';
import { asAnswers, matchLabel, rawAnswer, singleText } from '../intake/answers';
import { cleanText, cleanTextDetailed } from '../text';

export type YesNo = 'Yes' | 'No' | '';
export type Continues = 'Yes' | 'No' | 'Not sure' | '';

function continuesOf(label: string | null): Continues {
  return label === YES ? 'Yes' : label === NO ? 'No' : label === NOT_SURE ? 'Not sure' : '';
}

/**
 * A pair's "Continues after November" cell: Cohort writes a Continues value; a coordinator may retype
 * it, in any case, or as the form's "Not sure yet".
 */
export function parseContinues(value: unknown): Continues {
  const text = typeof value === 'string' ? value : '';
  const label = matchLabel(text, ['Not sure', NOT_SURE]) ? NOT_SURE : matchLabel(text, [YES, NO]);
  return continuesOf(label);
}

export interface CheckInAnswers {
  readonly code: string;
  readonly met: YesNo;
  /** 1–5, or null when missing or not a whole number in range. */
  readonly rating: number | null;
  readonly note: string;
  readonly coach: YesNo;
  readonly problems: readonly string[];
}

export interface ContinuationAnswer {
  readonly code: string;
  readonly continues: Continues;
  readonly problems: readonly string[];
}

/** A note for the coordinator is kept to this many characters (a cell, and a list, stay readable). */
export const CHECK_IN_NOTE_LIMIT = 2000;

const item = (items: readonly ItemSpec[], key: string) => items.find((i) => i.key === key)!;

function answerText(answers: Record<string, unknown>, items: readonly ItemSpec[], key: string): string {
  return singleText(rawAnswer(answers, item(items, key)));
}

function yesNo(text: string, label: string, problems: string[]): YesNo {
  if (text.trim() === '') {
    problems.push(`Missing answer: ${label}`);
    return '';
  }
  const known = matchLabel(text, [YES, NO]);
  if (!known) problems.push(`${label}: not yes or no (${cleanText(text, 60)})`);
  return known === YES ? 'Yes' : known === NO ? 'No' : '';
}

function read(answersIn: unknown): CheckInAnswers {
  const answers = asAnswers(answersIn);
  const problems: string[] = [];
  const label = (key: string) => item(CHECK_IN_ITEMS, key).label;
  const met = yesNo(answerText(answers, CHECK_IN_ITEMS, 'met'), label('met'), problems);
  const ratingText = answerText(answers, CHECK_IN_ITEMS, 'rating').trim();
  const n = Number(ratingText);
  const rating = ratingText !== '' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
  if (ratingText === '') problems.push(`Missing answer: ${label('rating')}`);
  else if (rating === null)
    problems.push(`${label('rating')}: not a number from 1 to 5 (${cleanText(ratingText, 40)})`);
  const noted = cleanTextDetailed(answerText(answers, CHECK_IN_ITEMS, 'note'), CHECK_IN_NOTE_LIMIT, true);
  if (noted.shortened) problems.push(`The note was shortened to ${CHECK_IN_NOTE_LIMIT} characters`);
  const coach = yesNo(answerText(answers, CHECK_IN_ITEMS, 'coach'), label('coach'), problems);
  const code = cleanText(answerText(answers, CHECK_IN_ITEMS, 'code'), 120);
  return { code, met, rating, note: noted.text, coach, problems };
}

/** Reads one check-in response (a response row by header, or namedValues). */
export function parseCheckIn(answers: unknown): CheckInAnswers {
  try {
    return read(answers);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unknown error';
    return {
      code: '',
      met: '',
      rating: null,
      note: '',
      coach: '',
      problems: [`Could not read this response (${cleanText(String(why), 200)}); please check the raw row`],
    };
  }
}

/** Reads one continuation response. */
export function parseContinuation(answersIn: unknown): ContinuationAnswer {
  try {
    const answers = asAnswers(answersIn);
    const spec = item(CONTINUATION_ITEMS, 'continues');
    const text = answerText(answers, CONTINUATION_ITEMS, 'continues');
    const known = matchLabel(text, [YES, NO, NOT_SURE]);
    const problems: string[] = [];
    if (text.trim() === '') problems.push(`Missing answer: ${spec.label}`);
    else if (!known) problems.push(`${spec.label}: not one of the choices (${cleanText(text, 60)})`);
    const continues = continuesOf(known);
    return { code: cleanText(answerText(answers, CONTINUATION_ITEMS, 'code'), 120), continues, problems };
  } catch {
    return { code: '', continues: '', problems: ['Could not read this response; please check the raw row'] };
  }
}
