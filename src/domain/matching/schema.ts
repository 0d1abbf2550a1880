import { MatchInputError } from './errors';
import { likelyField } from './suggest';
import type { MatchInstance, MatchOptions, Mentee, Mentor, PairRef } from './types';
import { DEFAULT_OPTIONS, VALUE_PROBLEM } from './validate';

/**
 * The shape of a matching instance (the CLI's INSTANCE.json, documented in docs/matching.md), checked
 * field by field. Written out rather than with a schema library: loading zod cost `cohort match`
 * about 0.1 s of start-up (measured), more than matching 1,000 mentees. Unknown fields are errors
 * too, so a misspelt option is never silently ignored.
 */
export interface ParsedMatchInstance {
  mentors: Mentor[];
  mentees: Mentee[];
  locks: PairRef[];
  exclusions: PairRef[];
  options: MatchOptions;
}

/** The fields of each kind of record, in the order they are checked. */
export const FIELDS = {
  instance: ['mentors', 'mentees', 'locks', 'exclusions', 'options'],
  mentor: ['id', 'name', 'organisation', 'capacity', 'expertise'],
  mentee: ['id', 'name', 'organisation', 'needs', 'choices'],
  pair: ['mentee', 'mentor'],
  options: ['allowUnchosen', 'sameOrganisation', 'balance'],
} as const;

type Kind = keyof typeof FIELDS;

/** Other words for a field (lower case, no separators), from the Sheet and forms. */
const SYNONYMS: Record<Kind, Record<string, string>> = {
  instance: { locked: 'locks', excluded: 'exclusions', exclude: 'exclusions', settings: 'options' },
  mentor: {
    areas: 'expertise',
    skills: 'expertise',
    libraryservice: 'organisation',
    service: 'organisation',
    org: 'organisation',
    places: 'capacity',
    maxmentees: 'capacity',
  },
  mentee: {
    areas: 'needs',
    interests: 'needs',
    mentors: 'choices',
    preferences: 'choices',
    libraryservice: 'organisation',
    service: 'organisation',
    org: 'organisation',
  },
  pair: {},
  options: {
    sameservice: 'sameOrganisation',
    samelibraryservice: 'sameOrganisation',
    unchosen: 'allowUnchosen',
  },
};

const MAX_PROBLEMS = 10;

/** Checks the shape of an instance; throws MatchInputError naming the record and field of each problem. */
export function parseMatchInstance(input: unknown): ParsedMatchInstance {
  const problems: string[] = [];
  const report = (line: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(line);
  };
  const parsed = readInstance(input, report);
  if (problems.length > 0 || !parsed) throw new MatchInputError(problems.join('\n'));
  return parsed;
}

type Report = (line: string) => void;

/**
 * Where a value sits, to say so in a message: "mentors[3] (id M12): capacity …", "options.balance …".
 * The record's label is written only when there is something to say.
 */
class Place {
  constructor(
    private readonly report: Report,
    /** The record's list and position ('' for the instance itself), and the record. */
    private readonly collection = '',
    private readonly at = 0,
    private readonly value: Record<string, unknown> = {},
    /** 'options' for fields written options.x. */
    private readonly dotted = '',
  ) {}

  field(name: string, message: string): undefined {
    if (this.dotted) this.report(`${this.dotted}.${name} ${message}`);
    else this.report(this.collection ? `${this.record()}: ${name} ${message}` : `${name} ${message}`);
    return undefined;
  }

  unknown(key: string, kind: Kind): void {
    const where = this.dotted || (this.collection ? this.record() : 'the instance');
    const known = FIELDS[kind];
    const meant = likelyField(key, known, SYNONYMS[kind]);
    const hint = meant ? ` — did you mean "${meant}"?` : ` (the fields are ${known.join(', ')})`;
    this.report(`${where}: unknown field ${JSON.stringify(key)}${hint}`);
  }

  private record(): string {
    const { value } = this;
    let label = '';
    if (typeof value.id === 'string') label = ` (id ${value.id})`;
    else if (typeof value.mentee === 'string' && typeof value.mentor === 'string')
      label = ` (mentee ${value.mentee}, mentor ${value.mentor})`;
    return `${this.collection}[${this.at}]${label}`;
  }
}

function readInstance(input: unknown, report: Report): ParsedMatchInstance | undefined {
  if (!isObject(input)) {
    report(`the instance ${input === undefined ? 'is missing' : 'must be an object'}`);
    return undefined;
  }
  const top = new Place(report);
  rejectUnknown(input, 'instance', top);
  const mentors = readList(input, 'mentors', true, top, (value, at) => readMentor(value, at, report));
  const mentees = readList(input, 'mentees', true, top, (value, at) => readMentee(value, at, report));
  const locks = readList(input, 'locks', false, top, (value, at) => readPair(value, 'locks', at, report));
  const exclusions = readList(input, 'exclusions', false, top, (value, at) =>
    readPair(value, 'exclusions', at, report),
  );
  const options = readOptions(input.options, report);
  if (!mentors || !mentees || !locks || !exclusions || !options) return undefined;
  return { mentors, mentees, locks, exclusions, options };
}

function readList<T>(
  input: Record<string, unknown>,
  name: string,
  required: boolean,
  place: Place,
  readItem: (value: unknown, at: number) => T | undefined,
): T[] | undefined {
  const value = input[name];
  if (value === undefined) return required ? place.field(name, 'is missing') : [];
  if (!Array.isArray(value)) return place.field(name, 'must be a list');
  const items: T[] = [];
  let complete = true;
  value.forEach((item, at) => {
    const read = readItem(item, at);
    if (read === undefined) complete = false;
    else items.push(read);
  });
  return complete ? items : undefined;
}

/** A record of a list: an object, with no unknown field; its place for messages. */
function readRecord(
  value: unknown,
  collection: string,
  kind: Kind,
  at: number,
  report: Report,
): { place: Place; fields: Record<string, unknown> } | undefined {
  if (!isObject(value)) {
    report(`${collection}[${at}] ${value === undefined ? 'is missing' : 'must be an object'}`);
    return undefined;
  }
  const place = new Place(report, collection, at, value);
  rejectUnknown(value, kind, place);
  return { place, fields: value };
}

/** The fields mentors and mentees have in common. */
function readPerson({
  place,
  fields,
}: {
  place: Place;
  fields: Record<string, unknown>;
}): Pick<Mentor, 'id' | 'name' | 'organisation'> | undefined {
  const id = text(fields.id, 'id', place);
  const name = text(fields.name, 'name', place);
  const organisation = text(fields.organisation, 'organisation', place);
  return id === undefined || name === undefined || organisation === undefined
    ? undefined
    : { id, name, organisation };
}

function readMentor(value: unknown, at: number, report: Report): Mentor | undefined {
  const record = readRecord(value, 'mentors', 'mentor', at, report);
  if (!record) return undefined;
  const person = readPerson(record);
  const capacity = wholeAtLeastOne(record.fields.capacity, 'capacity', record.place);
  const expertise = textList(record.fields.expertise, 'expertise', record.place);
  if (!person || capacity === undefined || !expertise) return undefined;
  // Written out: an object spread here took most of the time of reading 10,000 records (measured).
  return { id: person.id, name: person.name, organisation: person.organisation, capacity, expertise };
}

function readMentee(value: unknown, at: number, report: Report): Mentee | undefined {
  const record = readRecord(value, 'mentees', 'mentee', at, report);
  if (!record) return undefined;
  const person = readPerson(record);
  const needs = textList(record.fields.needs, 'needs', record.place);
  let choices = textList(record.fields.choices, 'choices', record.place);
  if (choices && choices.length > 3) choices = record.place.field('choices', VALUE_PROBLEM.choices);
  if (!person || !needs || !choices) return undefined;
  return { id: person.id, name: person.name, organisation: person.organisation, needs, choices };
}

function readPair(value: unknown, collection: string, at: number, report: Report): PairRef | undefined {
  const record = readRecord(value, collection, 'pair', at, report);
  if (!record) return undefined;
  const mentee = text(record.fields.mentee, 'mentee', record.place);
  const mentor = text(record.fields.mentor, 'mentor', record.place);
  return mentee === undefined || mentor === undefined ? undefined : { mentee, mentor };
}

function readOptions(value: unknown, report: Report): MatchOptions | undefined {
  const defaults = DEFAULT_OPTIONS;
  if (value === undefined) return defaults;
  if (!isObject(value)) {
    report('options must be an object');
    return undefined;
  }
  const place = new Place(report, '', 0, value, 'options');
  rejectUnknown(value, 'options', place);
  const allowUnchosen = yesNo(value.allowUnchosen, defaults.allowUnchosen, 'allowUnchosen', place);
  const balance = yesNo(value.balance, defaults.balance, 'balance', place);
  let sameOrganisation: MatchOptions['sameOrganisation'] | undefined = defaults.sameOrganisation;
  if (value.sameOrganisation !== undefined) {
    sameOrganisation =
      value.sameOrganisation === 'exclude' || value.sameOrganisation === 'allow'
        ? value.sameOrganisation
        : place.field('sameOrganisation', 'must be "exclude" or "allow"');
  }
  if (allowUnchosen === undefined || balance === undefined || sameOrganisation === undefined)
    return undefined;
  return { allowUnchosen, sameOrganisation, balance };
}

function rejectUnknown(value: Record<string, unknown>, kind: Kind, place: Place): void {
  const known: readonly string[] = FIELDS[kind];
  for (const key in value) if (!known.includes(key)) place.unknown(key, kind);
}

/** Text with the surrounding spaces removed; empty text is an error. */
function text(value: unknown, name: string, place: Place): string | undefined {
  if (value === undefined) return place.field(name, 'is missing');
  if (typeof value !== 'string') return place.field(name, 'must be text');
  const trimmed = value.trim();
  return trimmed === '' ? place.field(name, VALUE_PROBLEM.empty) : trimmed;
}

/** A list of text; a missing list is empty. The list itself is kept when no item needs trimming. */
function textList(value: unknown, name: string, place: Place): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return place.field(name, 'must be a list of text');
  let items: string[] = value;
  let complete = true;
  for (let k = 0; k < value.length; k++) {
    const item: unknown = value[k];
    const read =
      typeof item === 'string' && item !== '' && item.trim() === item
        ? item
        : text(item, `${name}[${k}]`, place);
    if (read === undefined) complete = false;
    else if (read !== item) {
      if (items === value) items = value.slice(0, k);
      items.push(read);
    } else if (items !== value) items.push(read);
  }
  return complete ? items : undefined;
}

function wholeAtLeastOne(value: unknown, name: string, place: Place): number | undefined {
  if (value === undefined) return place.field(name, 'is missing');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    return place.field(name, VALUE_PROBLEM.capacity);
  return value;
}

function yesNo(value: unknown, fallback: boolean, name: string, place: Place): boolean | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'boolean' ? value : place.field(name, 'must be true or false');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Type check: a parsed instance is a complete MatchInstance. */
const _shapeCheck: (parsed: ParsedMatchInstance) => MatchInstance = (parsed) => parsed;
void _shapeCheck;
