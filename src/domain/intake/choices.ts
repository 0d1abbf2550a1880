/** A mentee's answer to the choices form → their ranked mentor ids and problems in words. Never throws. */
import { CHOICE_KEYS, choicesFormItems, mentorIdForOption } from '../forms/spec';
import type { Status } from '../status';
import { cleanText, cleanTextDetailed, isValidEmail, normaliseEmail } from '../text';
import { asAnswers, rawAnswer, singleText } from './answers';

export type ChoiceMentor = { id: string; name: string; libraryService: string; status: Status };

export type ChoicesContext = {
  /** Every mentor who was listed on the form, including any who have since withdrawn. */
  mentors: readonly ChoiceMentor[];
  /** Normalised emails of the mentees with status Selected. */
  selectedMentees: ReadonlySet<string>;
};

export type MenteeChoices = {
  email: string;
  /** The personal code the link filled in ('' when there was none): the workflow checks it. */
  code: string;
  /** Mentor ids, first choice first; unknown, withdrawn, unselected and repeated choices are left out. */
  choices: string[];
  note: string;
  problems: string[];
};

export const NOTE_LIMIT = 2000;

// Only the titles matter for reading; the options are looked up against `context.mentors`.
const ITEMS = choicesFormItems([]);

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The mentor a chosen label names. The form listed only the mentors selected when it was opened,
 * while `mentors` holds every mentor, so labels made from all of them can differ from the form's:
 * a never-selected mentor with the same name and service adds "(ID)" to both, and a mentor with no
 * service gets a label the form trimmed. So an exact match comes first, then the one listed mentor
 * (Selected, or Withdrawn since) whose "name — service" or "name — service (ID)" it is.
 */
function mentorForLabel(label: string, mentors: readonly ChoiceMentor[]): ChoiceMentor | undefined {
  const exact = mentorIdForOption(label, mentors);
  if (exact !== null) return mentors.find((m) => m.id === exact);
  const wanted = fold(label);
  const base = (m: ChoiceMentor) => fold(`${m.name.trim()} — ${m.libraryService.trim()}`);
  const same = mentors.filter((m) => base(m) === wanted || fold(`${base(m)} (${m.id})`) === wanted);
  const listed = same.filter((m) => m.status === 'Selected' || m.status === 'Withdrawn');
  if (listed.length === 1) return listed[0];
  return same.length === 1 ? same[0] : undefined;
}

function readChoices(answersIn: unknown, context: ChoicesContext): MenteeChoices {
  const answers = asAnswers(answersIn);
  const mentors = Array.isArray(context.mentors) ? context.mentors : [];
  const item = (key: string) => ITEMS.find((i) => i.key === key) ?? { key, title: key, label: key };
  const problems: string[] = [];

  const rawEmail = singleText(rawAnswer(answers, item('email')));
  // Not cut to 254: a long address cut short could match someone else's.
  const email = normaliseEmail(rawEmail.slice(0, 1000));
  if (email === '') problems.push('Missing answer: Email address');
  else if (!isValidEmail(email)) problems.push(`Email address is not valid: ${email.slice(0, 100)}`);
  else if (!context.selectedMentees?.has(email)) problems.push(`Not a selected mentee: ${email}`);

  const choices: string[] = [];
  for (const key of CHOICE_KEYS) {
    const spec = item(key);
    const label = cleanText(singleText(rawAnswer(answers, spec)), 500);
    if (label === '') {
      problems.push(`Missing answer: ${spec.label}`);
      continue;
    }
    const mentor = mentorForLabel(label, mentors);
    const id = mentor?.id ?? null;
    if (id === null || !mentor) problems.push(`Unknown mentor: ${label.slice(0, 200)}`);
    else if (choices.includes(id)) problems.push(`The same mentor chosen twice: ${mentor.name}`);
    else if (mentor.status === 'Withdrawn') problems.push(`Mentor has withdrawn: ${mentor.name}`);
    else if (mentor.status !== 'Selected')
      problems.push(`Mentor is not selected for the scheme: ${mentor.name}`);
    else choices.push(id);
  }

  const noted = cleanTextDetailed(singleText(rawAnswer(answers, item('note'))), NOTE_LIMIT, true);
  if (noted.shortened) problems.push(`Note was shortened to ${NOTE_LIMIT} characters`);
  const code = cleanText(singleText(rawAnswer(answers, item('code'))), 100);
  return { email, code, choices, note: noted.text, problems };
}

/**
 * Reads one choices-form response. Example: `parseChoices(e.namedValues, { mentors, selectedMentees })`
 * → `{ email: 'sam@x.org', choices: ['M3', 'M1', 'M7'], note: '', problems: [] }`.
 */
export function parseChoices(answers: unknown, context: ChoicesContext): MenteeChoices {
  try {
    return readChoices(answers, context);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unknown error';
    return {
      email: '',
      code: '',
      choices: [],
      note: '',
      problems: [`Could not read this response (${String(why).slice(0, 200)}); please check the raw row`],
    };
  }
}
