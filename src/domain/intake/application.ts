/**
 * One application form response → a clean `Application` and a list of problems in words. Never
 * throws: a response is never lost because it was odd; what is wrong is said in the Problems column.
 */
import { formatLongDate, isDate, localWallClock } from '../dates';
import { applicationForm, CONSENT_AGREE, EVALUATION_YES, type FormSpec, type ItemSpec } from '../forms/spec';
import { AREAS, CURRENT_ROLES, NATION_OUTSIDE, NATIONS } from '../scheme';
import type { Role } from '../status';
import { cleanText, cleanTextDetailed, emailDetailed, isValidEmail, normaliseEmail } from '../text';
import {
  type Answers,
  asAnswers,
  checkboxAnswer,
  matchLabel,
  rawAnswer,
  scalarText,
  singleText,
} from './answers';

export type Application = {
  role: Role;
  submittedAt: Date;
  name: string;
  email: string;
  libraryService: string;
  nation: string;
  currentRole: string;
  responsibility: string;
  areas: string[];
  otherArea: string;
  /** Mentors only: how many mentees (1–3); null for mentees and for a missing or bad answer. */
  capacity: number | null;
  statement: string;
  consentData: boolean;
  consentEvaluation: boolean;
  problems: string[];
};

export type IntakeContext = {
  submittedAt: Date;
  deadline: Date;
  /** Nations whose members may take part (from Settings). Compared ignoring case. */
  eligibleNations: readonly string[];
  /** How the deadline reads in a problem ("18 April 2025"). Default: the deadline's local date. */
  deadlineText?: string;
};

/** Longest text kept per field, in characters; longer answers are shortened and say so. */
export const FIELD_LIMITS = {
  name: 200,
  email: 254,
  libraryService: 200,
  nation: 100,
  currentRole: 300,
  responsibility: 2000,
  otherArea: 200,
  statement: 4000,
} as const;

function isValidDate(value: unknown): value is Date {
  return isDate(value) && !Number.isNaN(value.getTime());
}

class Reader {
  readonly problems: string[] = [];
  constructor(
    private readonly form: FormSpec,
    private readonly answers: Answers,
  ) {}

  item(key: string): ItemSpec | undefined {
    return this.form.items.find((i) => i.key === key);
  }

  raw(key: string): unknown {
    const item = this.item(key);
    return item ? rawAnswer(this.answers, item) : undefined;
  }

  missing(key: string): void {
    this.problems.push(`Missing answer: ${this.item(key)?.label ?? key}`);
  }

  text(key: keyof typeof FIELD_LIMITS, multiline = false): string {
    const item = this.item(key);
    const max = FIELD_LIMITS[key];
    const { text, shortened } = cleanTextDetailed(singleText(this.raw(key)), max, multiline);
    if (shortened) this.problems.push(`${item?.label ?? key} was shortened to ${max} characters`);
    if (text === '' && item?.required) this.missing(key);
    return text;
  }

  choice(key: 'nation' | 'currentRole', labels: readonly string[]): string {
    const text = this.text(key);
    return matchLabel(text, labels) ?? text;
  }
}

/**
 * The email answer as intake keys and stores it, whatever shape the cell has (text, number, date).
 * Never cut to a shorter address: a too-long address cut short can look valid and be someone else's.
 * Normalising it again gives the same text, so a stored address still names the same response.
 */
export function emailAnswer(value: unknown): string {
  const raw = singleText(value);
  return normaliseEmail(raw.length > 1000 ? raw.slice(0, 1000) : raw);
}

function readEmail(r: Reader): string {
  const raw = singleText(r.raw('email'));
  const email = emailAnswer(raw);
  if (emailDetailed(raw.slice(0, 1000)).hadInvisible)
    r.problems.push('The email address held invisible characters; they were removed');
  if (email === '') r.missing('email');
  else if (!isValidEmail(email)) r.problems.push(`Email address is not valid: ${email.slice(0, 100)}`);
  return email;
}

function readAreas(r: Reader): string[] {
  const raw = r.raw('areas');
  const value = Array.isArray(raw)
    ? raw.slice(0, 50).map((v) => cleanText(scalarText(v), 5000))
    : cleanText(singleText(raw), 5000);
  const answer = checkboxAnswer(value, AREAS);
  for (const u of answer.unknown.slice(0, 5)) r.problems.push(`Area not recognised: ${u.slice(0, 100)}`);
  if (answer.chosen.length === 0 && answer.unknown.length === 0) r.missing('areas');
  // Keep the scheme's order, whatever order the answer came in.
  return AREAS.filter((a) => answer.chosen.includes(a));
}

function readCapacity(r: Reader): number | null {
  const text = cleanTextDetailed(singleText(r.raw('capacity')), 20).text;
  if (text === '') {
    r.missing('capacity');
    return null;
  }
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 3) {
    r.problems.push(`Capacity must be 1–3 (the answer was ${text})`);
    return null;
  }
  return n;
}

function readYes(r: Reader, key: string, yes: string): boolean {
  const text = cleanTextDetailed(singleText(r.raw(key)), 200).text.toLowerCase();
  return text === yes.toLowerCase() || text === 'yes' || text === 'true';
}

function checkDeadline(r: Reader, context: IntakeContext, submittedAt: Date): void {
  if (!isValidDate(context.deadline)) return;
  if (submittedAt.getTime() > context.deadline.getTime()) {
    const when = context.deadlineText ?? formatLongDate(localWallClock(context.deadline));
    r.problems.push(`Submitted after the deadline (${when})`);
  }
}

function parse(role: Role, answersIn: unknown, context: IntakeContext): Application {
  const r = new Reader(applicationForm(role), asAnswers(answersIn));
  const submittedAt = isValidDate(context.submittedAt)
    ? new Date(context.submittedAt.getTime())
    : new Date(0);
  if (!isValidDate(context.submittedAt)) r.problems.push('Submission time is missing or not a date');
  else checkDeadline(r, context, submittedAt);

  const name = r.text('name');
  const email = readEmail(r);
  const libraryService = r.text('libraryService');
  const eligibleNations = Array.isArray(context.eligibleNations)
    ? context.eligibleNations.filter((n): n is string => typeof n === 'string')
    : [];
  const nation = r.choice('nation', [...NATIONS, NATION_OUTSIDE, ...eligibleNations]);
  const eligible = matchLabel(nation, eligibleNations) !== null;
  if (nation !== '' && !eligible) r.problems.push(`Nation not eligible: ${nation.slice(0, 100)}`);
  const currentRole = r.choice('currentRole', CURRENT_ROLES);
  if (currentRole !== '' && !(CURRENT_ROLES as readonly string[]).includes(currentRole)) {
    r.problems.push(`Current role not recognised: ${currentRole.slice(0, 100)}`);
  }
  const responsibility = r.text('responsibility', true);
  const areas = readAreas(r);
  const otherArea = r.text('otherArea');
  const capacity = role === 'mentor' ? readCapacity(r) : null;
  const statement = r.text('statement', true);
  const consentData = readYes(r, 'consentData', CONSENT_AGREE);
  if (!consentData) r.problems.push('No consent to the use of their data');
  const consentEvaluation = readYes(r, 'consentEvaluation', EVALUATION_YES);

  return {
    role,
    submittedAt,
    name,
    email,
    libraryService,
    nation,
    currentRole,
    responsibility,
    areas,
    otherArea,
    capacity,
    statement,
    consentData,
    consentEvaluation,
    problems: r.problems,
  };
}

/**
 * Reads an application response by the form's item titles. Example:
 * `parseApplication('mentee', e.namedValues, { submittedAt, deadline, eligibleNations: settings.eligibleNations })`.
 */
export function parseApplication(role: Role, answers: unknown, context: IntakeContext): Application {
  const safeRole: Role = role === 'mentor' ? 'mentor' : 'mentee';
  try {
    return parse(safeRole, answers, context);
  } catch (error) {
    // Only a hostile object (a throwing getter, a proxy) gets here; keep the response, say so.
    const why = error instanceof Error ? error.message : 'unknown error';
    return {
      role: safeRole,
      submittedAt: new Date(0),
      name: '',
      email: '',
      libraryService: '',
      nation: '',
      currentRole: '',
      responsibility: '',
      areas: [],
      otherArea: '',
      capacity: null,
      statement: '',
      consentData: false,
      consentEvaluation: false,
      problems: [`Could not read this response (${String(why).slice(0, 200)}); please check the raw row`],
    };
  }
}
