/**
 * The application and choices forms as ONE declarative spec. The set-up workflow builds the Google
 * Forms from it and intake reads the responses by the same item titles (a response column's header
 * is its question's title), so the two cannot drift apart.
 */
import * as v from 'valibot';
import type { FormWords } from '../prose/forms';
import { AREAS, CURRENT_ROLES, NATION_OUTSIDE, NATIONS, PROGRAMME_NAME } from '../scheme';
import type { Role } from '../status';
import { type MentorOptionSource, mentorOptions } from './mentor-options';

export {
  type MentorOption,
  type MentorOptionSource,
  mentorIdForOption,
  mentorOptions,
} from './mentor-options';

export const ITEM_TYPES = [
  'text',
  'paragraph',
  'multipleChoice',
  'checkbox',
  'list',
  'scale',
  'section',
] as const;
const CHOICE_TYPES: readonly string[] = ['multipleChoice', 'checkbox', 'list'];

const trimmed = (min: number, max = Number.POSITIVE_INFINITY) =>
  v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(max));

/** A check over a whole object that may report several problems (valibot's rawCheck). */
const problemsOf = <T>(find: (value: T, problem: (message: string) => void) => void) =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (dataset.typed) find(dataset.value, (message) => addIssue({ message }));
  });

/**
 * The schemas are built on first use, not when this file loads: most executions (each click, trigger
 * and form response) never check a form spec.
 */
const itemSpecSchemaOf = () =>
  v.pipe(
    v.object({
      /** Stable field name the code uses; never shown. */
      key: v.pipe(
        v.string(),
        v.regex(/^[a-z][A-Za-z0-9]*$/, 'Item key must be camelCase letters and digits'),
      ),
      /** The question as the applicant reads it, and the header of its response column. */
      title: trimmed(1, 500),
      /** Short name used in problem messages ("Missing answer: Library service"). */
      label: trimmed(1, 80),
      type: v.picklist(ITEM_TYPES),
      helpText: v.optional(v.pipe(v.string(), v.maxLength(2000))),
      required: v.boolean(),
      choices: v.optional(v.array(trimmed(1))),
      otherOption: v.optional(v.boolean()),
      validation: v.optional(v.literal('email')),
      /** Scale items: Apps Script's ScaleItem.setBounds allows a low of 0 or 1 and a high of 3 to 10. */
      bounds: v.optional(
        v.object({
          low: v.union([v.literal(0), v.literal(1)]),
          high: v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(10)),
        }),
      ),
      /** Scale items: the words at each end ("Not well" … "Very well"). */
      labels: v.optional(v.object({ low: trimmed(1, 100), high: trimmed(1, 100) })),
    }),
    problemsOf((item, problem) => {
      const needsChoices = CHOICE_TYPES.includes(item.type);
      if (item.type === 'section' && item.required) {
        problem(`Item ${item.key}: a section cannot be required`);
      }
      if (needsChoices && !item.choices?.length) {
        problem(`Item ${item.key} needs at least one choice`);
      }
      if (!needsChoices && item.choices) {
        problem(`Item ${item.key} is a ${item.type} item and cannot have choices`);
      }
      if (item.choices && new Set(item.choices).size !== item.choices.length) {
        problem(`Item ${item.key} has the same choice twice`);
      }
      if (item.otherOption && item.type !== 'multipleChoice' && item.type !== 'checkbox') {
        problem(`Item ${item.key}: only multiple-choice and checkbox items have "Other"`);
      }
      if (item.labels && item.type !== 'scale') {
        problem(`Item ${item.key}: labels go with scale items only`);
      }
      if ((item.type === 'scale') !== (item.bounds !== undefined)) {
        problem(`Item ${item.key}: bounds go with scale items, and only with them`);
      }
      if (item.validation === 'email' && item.type !== 'text') {
        problem(`Item ${item.key}: email validation needs a text item`);
      }
    }),
  );

const formSpecSchemaOf = () =>
  v.pipe(
    v.object({
      key: v.picklist(['mentor', 'mentee', 'choices', 'check-in', 'continuation']),
      title: trimmed(1),
      description: v.string(),
      /** '' in a spec built to read answers by (no FormWords): only a form being made needs it. */
      confirmationMessage: v.string(),
      items: v.pipe(v.array(itemSpecSchemaOf()), v.minLength(1)),
    }),
    problemsOf((form, problem) => {
      // Two questions with the same title would give two response columns with the same header.
      for (const field of ['key', 'title'] as const) {
        const seen = new Set<string>();
        for (const item of form.items) {
          const value = field === 'title' ? item.title.toLowerCase() : item.key;
          if (seen.has(value)) problem(`Form ${form.key}: two items share the ${field} "${item[field]}"`);
          seen.add(value);
        }
      }
    }),
  );

let built: ReturnType<typeof formSpecSchemaOf> | undefined;

/** Checks a form spec: `parse` throws on a bad one, `safeParse` says so. */
export const formSpecSchema = {
  parse: (spec: unknown): FormSpec => v.parse(schema(), spec),
  safeParse: (spec: unknown) => v.safeParse(schema(), spec),
};

function schema(): ReturnType<typeof formSpecSchemaOf> {
  if (!built) built = formSpecSchemaOf();
  return built;
}

export type ItemSpec = v.InferOutput<ReturnType<typeof itemSpecSchemaOf>>;
export type ItemType = ItemSpec['type'];
export type FormSpec = v.InferOutput<ReturnType<typeof formSpecSchemaOf>>;
export type FormKey = FormSpec['key'];

export const CONSENT_AGREE = 'I agree';
export const EVALUATION_YES = 'Yes, I am happy to take part';
export const EVALUATION_NO = 'No, thank you';

export type ApplicationFormOptions = {
  programmeName?: string;
  deadlineText?: string;
  /** What the form says beyond its questions (prose): needed to make the form, not to read it. */
  words?: FormWords;
};

/** The items with the help the words give them (an item's own help, a mentor's profile, is kept). */
export function withHelp(items: readonly ItemSpec[], words: FormWords | undefined): ItemSpec[] {
  return items.map((item) => {
    const helpText = words?.help[item.key];
    return helpText === undefined ? item : { ...item, helpText };
  });
}

function applicationItems(role: Role): ItemSpec[] {
  const mentor = role === 'mentor';
  const items: ItemSpec[] = [
    { key: 'name', title: 'Your full name', label: 'Name', type: 'text', required: true },
    {
      key: 'email',
      title: 'Your work email address',
      label: 'Email address',
      type: 'text',
      required: true,
      validation: 'email',
    },
    {
      key: 'libraryService',
      title: 'Your library service',
      label: 'Library service',
      type: 'text',
      required: true,
    },
    {
      key: 'nation',
      title: 'Where is your library service?',
      label: 'Nation',
      type: 'multipleChoice',
      required: true,
      choices: [...NATIONS, NATION_OUTSIDE],
    },
    {
      key: 'currentRole',
      title: 'Which best describes your current role?',
      label: 'Current role',
      type: 'multipleChoice',
      required: true,
      choices: [...CURRENT_ROLES],
    },
    {
      key: 'responsibility',
      title: 'If you lead a major project or large-scale change, what is it?',
      label: 'Project or change',
      type: 'paragraph',
      required: false,
    },
    {
      key: 'areas',
      title: mentor ? 'Which areas could you offer help with?' : 'Which areas would you like help with?',
      label: 'Areas',
      type: 'checkbox',
      required: true,
      choices: [...AREAS],
    },
    {
      key: 'otherArea',
      title: 'If you ticked "Other", which area?',
      label: 'Other area',
      type: 'text',
      required: false,
    },
  ];
  if (mentor) {
    items.push({
      key: 'capacity',
      title: 'How many mentees could you take?',
      label: 'Number of mentees',
      type: 'scale',
      required: true,
      bounds: { low: 1, high: 3 },
    });
  }
  items.push(
    {
      key: 'statement',
      title: mentor
        ? 'Tell us briefly about your experience and what you could offer a mentee'
        : 'Tell us briefly what you hope to gain from having a mentor',
      label: 'Statement',
      type: 'paragraph',
      required: true,
    },
    {
      key: 'consentData',
      title: 'May Libraries Connected use the details you give here to run the scheme?',
      label: 'Consent to use of data',
      type: 'multipleChoice',
      required: true,
      choices: [CONSENT_AGREE],
    },
    {
      key: 'consentEvaluation',
      title: 'Would you be happy to take part in the evaluation of the scheme?',
      label: 'Consent to evaluation',
      type: 'multipleChoice',
      required: false,
      choices: [EVALUATION_YES, EVALUATION_NO],
    },
  );
  return items;
}

const defaultForms = new Map<Role, FormSpec>();

/**
 * The mentor or the mentee application form, checked against `formSpecSchema`. The default wording
 * is built once per execution (intake reads every response by it).
 */
export function applicationForm(role: Role, options: ApplicationFormOptions = {}): FormSpec {
  if (options.programmeName === undefined && options.deadlineText === undefined && !options.words) {
    const known = defaultForms.get(role);
    if (known) return known;
    const made = buildApplicationForm(role, options);
    defaultForms.set(role, made);
    return made;
  }
  return buildApplicationForm(role, options);
}

function buildApplicationForm(role: Role, options: ApplicationFormOptions): FormSpec {
  const programme = options.programmeName ?? PROGRAMME_NAME;
  const deadline = options.deadlineText ?? '18 April 2025';
  const as = role === 'mentor' ? 'a mentor' : 'a mentee';
  return formSpecSchema.parse({
    key: role,
    title: `${programme}: apply as ${as}`,
    description: [
      `Thank you for your interest in the ${programme}. Please apply by ${deadline}.`,
      options.words?.description,
    ]
      .filter(Boolean)
      .join('\n\n'),
    confirmationMessage: options.words?.confirmation ?? '',
    items: withHelp(applicationItems(role), options.words),
  });
}

export const CHOICE_KEYS = ['choice1', 'choice2', 'choice3'] as const;
/** The question a personal link fills in (choices, check-ins): the code that says whose it is. */
export const PERSONAL_CODE_TITLE = 'Your personal code';
const ORDINALS = ['first', 'second', 'third'] as const;

/** The choices form's questions, given the option labels (see `mentorOptions`). Not validated. */
export function choicesFormItems(labels: readonly string[]): ItemSpec[] {
  const choiceItems: ItemSpec[] = CHOICE_KEYS.map((key, i) => ({
    key,
    title: `Your ${ORDINALS[i]} choice of mentor`,
    label: `${ORDINALS[i] ?? ''} choice`.replace(/^./, (c) => c.toUpperCase()),
    type: 'list' as const,
    required: true,
    choices: [...labels],
  }));
  return [
    {
      key: 'code',
      title: PERSONAL_CODE_TITLE,
      label: 'Personal code',
      type: 'text',
      required: false,
    },
    {
      key: 'email',
      title: 'Your work email address',
      label: 'Email address',
      type: 'text',
      required: true,
      validation: 'email',
    },
    ...choiceItems,
    {
      key: 'note',
      title: 'Anything else we should know when matching you?',
      label: 'Note',
      type: 'paragraph',
      required: false,
    },
  ];
}

/**
 * The form a selected mentee fills in after the launch event: three mentors in order of preference.
 * Throws when there is no mentor to list, since a list item needs at least one option.
 */
export function choicesForm(
  mentors: readonly MentorOptionSource[],
  options: { programmeName?: string; profiles?: readonly MentorProfile[]; words?: FormWords } = {},
): FormSpec {
  if (mentors.length === 0) throw new Error('There are no selected mentors to list on the choices form.');
  const labels = mentorOptions(mentors).map((o) => o.label);
  const profiles = (options.profiles ?? []).map(
    (p): ItemSpec => ({
      key: `profile${p.id.replace(/[^A-Za-z0-9]/g, '')}`,
      title: labels[mentors.findIndex((m) => m.id === p.id)] ?? `${p.name} — ${p.libraryService}`,
      label: `Profile of ${p.name}`.slice(0, 80),
      type: 'section',
      required: false,
      helpText: profileText(p),
    }),
  );
  return formSpecSchema.parse({
    key: 'choices',
    title: `${options.programmeName ?? PROGRAMME_NAME}: choose your mentors`,
    description: options.words?.description ?? '',
    confirmationMessage: options.words?.confirmation ?? '',
    items: [...profiles, ...withHelp(choicesFormItems(labels), options.words)],
  });
}

/**
 * What a mentee reads about a mentor on the choices form, from the mentor's application. Only what
 * the mentor agreed could be used to run the scheme; without that consent, their name and service.
 */
export interface MentorProfile {
  readonly id: string;
  readonly name: string;
  readonly libraryService: string;
  readonly currentRole: string;
  readonly areas: readonly string[];
  readonly statement: string;
  readonly consent: boolean;
}

/** The profile's text: role, areas and their own words (cut to stay a short read). */
export function profileText(p: MentorProfile): string {
  // Without their consent nothing of their application is shown; true whether or not the launch is past.
  if (!p.consent)
    return 'This mentor has not shared a profile. Ask the coordinator if you would like to know more.';
  const words = p.statement.length > 700 ? `${p.statement.slice(0, 699).trimEnd()}…` : p.statement;
  return [
    p.currentRole,
    p.areas.length ? `Can help with: ${p.areas.join(', ').toLowerCase()}.` : '',
    words ? `In their words: “${words}”` : '',
  ]
    .filter(Boolean)
    .join('\n\n')
    .slice(0, 2000);
}

/** The item with this key, for readers that go by key. Throws only on a programming mistake. */
export function itemByKey(form: FormSpec, key: string): ItemSpec {
  const item = form.items.find((i) => i.key === key);
  if (!item) throw new Error(`Form ${form.key} has no item ${key}`);
  return item;
}
