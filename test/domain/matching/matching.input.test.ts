import {
  FIELDS,
  MatchInputError,
  type MatchInstance,
  parseMatchInstance,
} from '../../../src/domain/matching';
import { mentee, mentor } from './support/people';

const base = (): MatchInstance => ({
  mentors: [mentor('M1', 'Kent', 1, ['budgeting']), mentor('M12', 'York', 2, ['digital'])],
  mentees: [mentee('E1', 'Devon', ['budgeting'], ['M1'])],
  locks: [{ mentee: 'E1', mentor: 'M1' }],
});

function problemsOf(input: unknown): string[] {
  try {
    parseMatchInstance(input);
  } catch (error) {
    if (error instanceof MatchInputError) return error.message.split('\n');
    throw error;
  }
  return [];
}

/** The instance with `extra` merged into the record at `path` (e.g. ['mentors', 1]). */
function spoilt(path: (string | number)[], extra: Record<string, unknown>): unknown {
  const instance = structuredClone(base()) as unknown as Record<string, unknown>;
  let record = instance;
  for (const key of path) {
    record[key] ??= {};
    record = record[key] as Record<string, unknown>;
  }
  Object.assign(record, extra);
  return instance;
}

describe('the instance format', () => {
  it.each([
    [
      ['mentors', 1],
      { areas: ['x'] },
      'mentors[1] (id M12): unknown field "areas" — did you mean "expertise"?',
    ],
    [['mentees', 0], { areas: ['x'] }, 'mentees[0] (id E1): unknown field "areas" — did you mean "needs"?'],
    [
      ['mentors', 0],
      { capacty: 2 },
      'mentors[0] (id M1): unknown field "capacty" — did you mean "capacity"?',
    ],
    [
      ['mentors', 0],
      { organization: 'Kent' },
      'mentors[0] (id M1): unknown field "organization" — did you mean "organisation"?',
    ],
    [
      ['mentees', 0],
      { libraryService: 'Devon' },
      'mentees[0] (id E1): unknown field "libraryService" — did you mean "organisation"?',
    ],
    [
      ['locks', 0],
      { menteeId: 'E1' },
      'locks[0] (mentee E1, mentor M1): unknown field "menteeId" — did you mean "mentee"?',
    ],
    [['options'], { balanced: true }, 'options: unknown field "balanced" — did you mean "balance"?'],
    [
      ['options'],
      { allow_unchosen: true },
      'options: unknown field "allow_unchosen" — did you mean "allowUnchosen"?',
    ],
    [[], { mentor: [] }, 'the instance: unknown field "mentor" — did you mean "mentors"?'],
    [
      ['mentors', 0],
      { colour: 'blue' },
      'mentors[0] (id M1): unknown field "colour" (the fields are id, name, organisation, capacity, expertise)',
    ],
  ])('rejects an unknown field: %j %j', (path, extra, message) => {
    expect(problemsOf(spoilt(path, extra))).toEqual([message]);
  });

  it.each([
    [{ balance: 'yes' }, 'options.balance must be true or false'],
    [{ allowUnchosen: 1 }, 'options.allowUnchosen must be true or false'],
    [{ sameOrganisation: 'sometimes' }, 'options.sameOrganisation must be "exclude" or "allow"'],
  ])('checks each option: %j', (options, message) => {
    expect(problemsOf({ ...base(), options })).toEqual([message]);
  });

  it('fills the defaults and trims text', () => {
    const parsed = parseMatchInstance({
      mentors: [{ id: ' M1 ', name: 'Ann', organisation: 'Kent', capacity: 1 }],
      mentees: [{ id: 'E1', name: 'Bo', organisation: 'Devon' }],
    });
    expect(parsed).toEqual({
      mentors: [{ id: 'M1', name: 'Ann', organisation: 'Kent', capacity: 1, expertise: [] }],
      mentees: [{ id: 'E1', name: 'Bo', organisation: 'Devon', needs: [], choices: [] }],
      locks: [],
      exclusions: [],
      options: { allowUnchosen: true, sameOrganisation: 'exclude', balance: true },
    });
  });

  it('names every problem, up to ten, each with its record and field', () => {
    const lines = problemsOf({
      mentors: [{ id: 'M1', name: '', organisation: 'Kent', capacity: 0, expertise: 'budgeting' }, 7],
      mentees: [{ id: 'E1', name: 'Bo', organisation: 'Devon', needs: [' '], choices: ['M1', 3] }],
      locks: {},
    });
    expect(lines).toEqual([
      'mentors[0] (id M1): name must not be empty',
      'mentors[0] (id M1): capacity must be a whole number ≥ 1',
      'mentors[0] (id M1): expertise must be a list of text',
      'mentors[1] must be an object',
      'mentees[0] (id E1): needs[0] must not be empty',
      'mentees[0] (id E1): choices[1] must be text',
      'locks must be a list',
    ]);
    const many = { mentors: Array.from({ length: 30 }, () => ({})), mentees: [] };
    expect(problemsOf(many)).toHaveLength(10);
    expect(problemsOf(null)).toEqual(['the instance must be an object']);
    expect(problemsOf({ mentees: [] })).toEqual(['mentors is missing']);
  });

  it('lists the fields the documentation describes', () => {
    expect(FIELDS.options).toEqual(['allowUnchosen', 'sameOrganisation', 'balance']);
  });
});
