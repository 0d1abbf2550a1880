import fc from 'fast-check';
import { applicationForm, choicesForm, mentorOptions } from '../../../src/domain/forms/spec';
import {
  type ChoiceMentor,
  crossRoleProblem,
  parseApplication,
  parseChoices,
} from '../../../src/domain/intake';
import { AREAS } from '../../../src/domain/scheme';
import { escapeHtml, neutraliseFormula } from '../../../src/domain/text';
import { answersFor, context } from './fixtures';

const mentorTitles = applicationForm('mentor').items.map((i) => i.title);
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '=cmd|"/c calc"!A1',
    '+1',
    '-1',
    '@SUM(1)',
    '<script>alert(1)</script>',
    '\u202Egnp.exe',
    'مكتبة',
    '👩🏽‍💻',
  ),
);
const anyAnswer = fc.oneof(anyText, fc.array(anyText, { maxLength: 4 }), fc.anything());
/** Answers keyed by the real titles (so parsing goes deep) mixed with arbitrary keys. */
const answersArb = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.string(), fc.anything()),
  fc.record(Object.fromEntries(mentorTitles.map((t) => [t, anyAnswer])), { requiredKeys: [] }),
);
const contextArb = fc.record({
  submittedAt: fc.date(),
  deadline: fc.date(),
  eligibleNations: fc.oneof(fc.array(fc.string()), fc.anything()),
});

const isText = (v: unknown) => typeof v === 'string';

describe('parseApplication properties', () => {
  it('never throws and always returns a well-typed Application', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('mentor', 'mentee') as fc.Arbitrary<'mentor' | 'mentee'>,
        answersArb,
        contextArb,
        (role, answers, ctx) => {
          const app = parseApplication(role, answers, ctx as typeof context);
          expect(app.role).toBe(role);
          for (const v of [
            app.name,
            app.email,
            app.libraryService,
            app.nation,
            app.currentRole,
            app.statement,
          ]) {
            expect(isText(v)).toBe(true);
            expect(v).toBe(v.normalize('NFC'));
          }
          expect(app.name.length).toBeLessThanOrEqual(200);
          expect(app.statement.length).toBeLessThanOrEqual(4000);
          expect(app.areas.every((a) => (AREAS as readonly string[]).includes(a))).toBe(true);
          expect(app.capacity === null || [1, 2, 3].includes(app.capacity)).toBe(true);
          expect(app.problems.every(isText)).toBe(true);
          expect(Number.isNaN(app.submittedAt.getTime())).toBe(false);
          // Whatever came in, what goes to the sheet and into HTML is inert.
          for (const v of [app.name, app.libraryService, app.statement, app.email, ...app.problems]) {
            expect(/^\s*[=+\-@]/.test(neutraliseFormula(v))).toBe(false);
            expect(/[<>"']/.test(escapeHtml(v))).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('copes with huge answers quickly', () => {
    const huge = 'Siân '.repeat(400_000);
    const started = Date.now();
    const app = parseApplication(
      'mentor',
      answersFor('mentor', { name: huge, statement: huge, areas: huge, email: huge }),
      context,
    );
    expect(app.name.length).toBeLessThanOrEqual(200);
    expect(app.problems).toContain('Name was shortened to 200 characters');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('keeps any well-formed name intact apart from whitespace (NFC)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (name) => {
        const app = parseApplication('mentee', answersFor('mentee', { name }), context);
        const expected = name
          .normalize('NFC')
          // biome-ignore lint/suspicious/noControlCharactersInRegex: mirrors what cleanText removes
          .replace(/[\u0000-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        // Removing an invisible character joins its neighbours, where a space was assumed above.
        expect(app.name.replace(/\s+/g, '')).toBe(expected.replace(/\s+/g, ''));
      }),
    );
  });
});

describe('parseChoices properties', () => {
  const mentorArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 5 }),
    name: fc.string({ unit: 'grapheme', maxLength: 20 }),
    libraryService: fc.string({ maxLength: 20 }),
    status: fc.constantFrom('Applied', 'Selected', 'Waitlisted', 'Not selected', 'Withdrawn'),
  }) as fc.Arbitrary<ChoiceMentor>;

  it('never throws; choices are distinct selected mentors', () => {
    fc.assert(
      fc.property(
        fc.array(mentorArb, { maxLength: 6 }),
        fc.anything(),
        fc.array(fc.nat(), { maxLength: 3 }),
        (mentors, junk, picks) => {
          const labels = mentorOptions(mentors).map((o) => o.label);
          const answers =
            mentors.length > 0
              ? Object.fromEntries(
                  choicesForm(mentors).items.map((item, i) => [
                    item.title,
                    i === 0 ? 'm@x.org' : (labels[(picks[i - 1] ?? 0) % labels.length] ?? junk),
                  ]),
                )
              : junk;
          const result = parseChoices(answers, { mentors, selectedMentees: new Set(['m@x.org']) });
          expect(new Set(result.choices).size).toBe(result.choices.length);
          expect(result.choices.length).toBeLessThanOrEqual(3);
          for (const id of result.choices) {
            expect(mentors.some((m) => m.id === id && m.status === 'Selected')).toBe(true);
          }
          expect(result.problems.every((p) => typeof p === 'string')).toBe(true);
        },
      ),
    );
  });

  it('never throws on arbitrary input and context', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (answers, ctx) => {
        const result = parseChoices(answers, ctx as never);
        expect(Array.isArray(result.choices)).toBe(true);
      }),
    );
  });
});

describe('crossRoleProblem properties', () => {
  it('returns one entry per row and flags exactly the emails seen in both roles', () => {
    const row = fc.record({
      email: fc.constantFrom('a@x.org', 'A@x.org', 'b@y.org', ''),
      role: fc.constantFrom('mentor', 'mentee') as fc.Arbitrary<'mentor' | 'mentee'>,
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const result = crossRoleProblem(rows);
        expect(result).toHaveLength(rows.length);
        rows.forEach((r, i) => {
          const key = r.email.toLowerCase();
          const both =
            key !== '' &&
            new Set(rows.filter((o) => o.email.toLowerCase() === key).map((o) => o.role)).size === 2;
          expect(result[i] !== null).toBe(both);
        });
      }),
    );
  });
});
