import { plural } from '../text';
import { AreaIndex, popcount } from './areas';
import { MatchInputError } from './errors';
import type { Problem } from './problem';
import type { ParsedMatchInstance } from './schema';
import type { MatchInstance, MatchOptions, Mentee, Mentor, PairRef } from './types';

/**
 * Checks an instance (its values, then the rules between records) and returns it in index form.
 * Its shape is the caller's: typed records from the Sheet workflow, or JSON the CLI has read with
 * parseMatchInstance (schema.ts), so the shape checks and their suggestions stay out of the Apps
 * Script bundle. Choices naming an unknown mentor, or the same mentor twice, are errors here: the
 * Sheet workflow cleans choices before matching, so anything left is a mistake worth stopping for.
 */
export function validate(instance: MatchInstance): Problem {
  const parsed = checkValues(instance);
  const mentors = uniqueById(parsed.mentors, 'mentors');
  const mentees = uniqueById(parsed.mentees, 'mentees');
  const mentorAt = indexById(mentors.map((m) => m.record));
  const menteeAt = indexById(mentees.map((m) => m.record));

  // Library services compare like areas: case and spaces ignored.
  const services = new AreaIndex();
  const orgOf = (name: string) => services.idOf(name);

  const areas = new AreaIndex();
  const expertiseIds = mentors.map(({ record }) => record.expertise.map((area) => areas.idOf(area)));
  const needIds = mentees.map(({ record }) => record.needs.map((area) => areas.idOf(area)));

  const choices = mentees.map(({ record, input }) => {
    const chosen: number[] = [];
    record.choices.forEach((id, c) => {
      const at = mentorAt.get(id);
      const where = () => `mentees[${input}] (id ${record.id}): choices[${c}]`;
      if (at === undefined) throw new MatchInputError(`${where()} "${id}" is not the id of any mentor`);
      if (chosen.includes(at)) throw new MatchInputError(`${where()} "${id}" is chosen twice`);
      chosen.push(at);
    });
    return chosen;
  });

  const M = mentors.length;
  const excluded = new Set<number>();
  const hasExclusion = new Uint8Array(mentees.length);
  const exclusionAt = new Map<number, number>();
  parsed.exclusions.forEach((pair, k) => {
    const [e, m] = resolvePair(pair, `exclusions[${k}]`, menteeAt, mentorAt);
    excluded.add(e * M + m);
    hasExclusion[e] = 1;
    if (!exclusionAt.has(e * M + m)) exclusionAt.set(e * M + m, k);
  });

  const lockedTo = new Int32Array(mentees.length).fill(-1);
  const lockAt = new Int32Array(mentees.length).fill(-1);
  const locksPerMentor = new Int32Array(M);
  parsed.locks.forEach((pair, k) => {
    const where = `locks[${k}] (mentee ${pair.mentee}, mentor ${pair.mentor})`;
    const [e, m] = resolvePair(pair, `locks[${k}]`, menteeAt, mentorAt);
    const clash = exclusionAt.get(e * M + m);
    if (clash !== undefined)
      throw new MatchInputError(`${where}: the same pair is excluded in exclusions[${clash}]`);
    const earlier = lockedTo[e]!;
    // An identical lock given twice says the same thing twice; it is kept once.
    if (earlier === m) return;
    if (earlier >= 0) {
      throw new MatchInputError(
        `${where}: mentee ${pair.mentee} is already locked to mentor ${mentors[earlier]!.record.id} ` +
          `(locks[${lockAt[e]}]); a mentee has one mentor`,
      );
    }
    lockedTo[e] = m;
    lockAt[e] = k;
    locksPerMentor[m]!++;
  });

  const free = new Int32Array(M);
  mentors.forEach(({ record, input }, m) => {
    const locks = locksPerMentor[m]!;
    if (locks > record.capacity) {
      throw new MatchInputError(
        `mentors[${input}] (id ${record.id}): ${locks} mentees are locked to this mentor but capacity is ` +
          `${record.capacity}; remove ${plural(locks - record.capacity, 'lock')} or raise the capacity`,
      );
    }
    free[m] = record.capacity - locks;
  });

  const needs = needIds.map((ids) => areas.setOf(ids));
  return {
    mentors: mentors.map((m) => m.record),
    mentees: mentees.map((m) => m.record),
    menteeInputOrder: mentees.map((m) => m.input),
    options: parsed.options,
    mentorOrg: Int32Array.from(mentors, ({ record }) => orgOf(record.organisation)),
    menteeOrg: Int32Array.from(mentees, ({ record }) => orgOf(record.organisation)),
    free,
    expertise: expertiseIds.map((ids) => areas.setOf(ids)),
    needs,
    needIds,
    choices,
    lockedTo,
    excluded,
    hasExclusion,
    maxShared: needs.reduce((max, set) => Math.max(max, popcount(set)), 0),
  };
}

interface Placed<T> {
  record: T;
  input: number;
}

/** Records sorted by id (code-unit order, independent of locale), each with its input position. */
function uniqueById<T extends Mentor | Mentee>(records: T[], collection: 'mentors' | 'mentees'): Placed<T>[] {
  const firstAt = new Map<string, number>();
  records.forEach((record, input) => {
    const earlier = firstAt.get(record.id);
    if (earlier !== undefined) {
      const kind = collection === 'mentors' ? 'mentor' : 'mentee';
      throw new MatchInputError(
        `${collection}[${input}] (id ${record.id}): id is already used by another ${kind} (${collection}[${earlier}])`,
      );
    }
    firstAt.set(record.id, input);
  });
  return records
    .map((record, input) => ({ record, input }))
    .sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
}

function indexById(records: { id: string }[]): Map<string, number> {
  return new Map(records.map((r, i) => [r.id, i]));
}

function resolvePair(
  pair: PairRef,
  where: string,
  menteeAt: Map<string, number>,
  mentorAt: Map<string, number>,
): [number, number] {
  const label = `${where} (mentee ${pair.mentee}, mentor ${pair.mentor})`;
  const e = menteeAt.get(pair.mentee);
  if (e === undefined)
    throw new MatchInputError(`${label}: mentee "${pair.mentee}" is not the id of any mentee`);
  const m = mentorAt.get(pair.mentor);
  if (m === undefined)
    throw new MatchInputError(`${label}: mentor "${pair.mentor}" is not the id of any mentor`);
  return [e, m];
}

const MAX_PROBLEMS = 10;
/** What a value's problem is called, the same for JSON (schema.ts) and for a typed instance (here). */
export const VALUE_PROBLEM = {
  empty: 'must not be empty',
  capacity: 'must be a whole number ≥ 1',
  choices: 'must list at most three mentors',
} as const;

/** The options an instance leaves out. */
export const DEFAULT_OPTIONS: MatchOptions = {
  allowUnchosen: true,
  sameOrganisation: 'exclude',
  balance: true,
};

/** Text that needs no trimming and is not empty: the usual case, kept as it is. */
const isClean = (text: string) => text !== '' && text.trim() === text;
const cleanPerson = (p: Mentor | Mentee) => isClean(p.id) && isClean(p.name) && isClean(p.organisation);

/** Records the problems of one record, in the order schema.ts finds them, up to MAX_PROBLEMS in all. */
class RecordCheck {
  constructor(
    private readonly problems: string[],
    private readonly where: string,
  ) {}

  problem(message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${this.where}: ${message}`);
  }

  text(value: string, name: string): string {
    const trimmed = value.trim();
    if (trimmed === '') this.problem(`${name} ${VALUE_PROBLEM.empty}`);
    return trimmed;
  }

  texts(values: string[], name: string): string[] {
    return values.every(isClean) ? values : values.map((item, k) => this.text(item, `${name}[${k}]`));
  }

  /** What mentors and mentees have in common, trimmed. */
  person(p: Mentor | Mentee): Pick<Mentor, 'id' | 'name' | 'organisation'> {
    return {
      id: this.text(p.id, 'id'),
      name: this.text(p.name, 'name'),
      organisation: this.text(p.organisation, 'organisation'),
    };
  }
}

/**
 * The values of a typed instance checked as schema.ts checks them (the same words): text trimmed and
 * not empty, capacities whole and at least 1, at most three choices; missing lists and options get
 * their defaults. A record with nothing to trim is kept as it is. Throws MatchInputError with up to
 * ten problems, one a line.
 */
function checkValues(instance: MatchInstance): ParsedMatchInstance {
  const problems: string[] = [];
  const mentors = instance.mentors.map((mentor, at): Mentor => {
    const badCapacity = !Number.isInteger(mentor.capacity) || mentor.capacity < 1;
    if (cleanPerson(mentor) && mentor.expertise.every(isClean) && !badCapacity) return mentor;
    const check = new RecordCheck(problems, `mentors[${at}] (id ${mentor.id})`);
    const person = check.person(mentor);
    if (badCapacity) check.problem(`capacity ${VALUE_PROBLEM.capacity}`);
    return { ...person, capacity: mentor.capacity, expertise: check.texts(mentor.expertise, 'expertise') };
  });
  const mentees = instance.mentees.map((mentee, at): Mentee => {
    const tooMany = mentee.choices.length > 3;
    if (cleanPerson(mentee) && mentee.needs.every(isClean) && mentee.choices.every(isClean) && !tooMany)
      return mentee;
    const check = new RecordCheck(problems, `mentees[${at}] (id ${mentee.id})`);
    const person = check.person(mentee);
    const needs = check.texts(mentee.needs, 'needs');
    const choices = check.texts(mentee.choices, 'choices');
    if (tooMany) check.problem(`choices ${VALUE_PROBLEM.choices}`);
    return { ...person, needs, choices };
  });
  if (problems.length > 0) throw new MatchInputError(problems.join('\n'));
  const options = instance.options ?? {};
  return {
    mentors,
    mentees,
    locks: instance.locks ?? [],
    exclusions: instance.exclusions ?? [],
    options: {
      allowUnchosen: options.allowUnchosen ?? DEFAULT_OPTIONS.allowUnchosen,
      sameOrganisation: options.sameOrganisation ?? DEFAULT_OPTIONS.sameOrganisation,
      balance: options.balance ?? DEFAULT_OPTIONS.balance,
    },
  };
}
