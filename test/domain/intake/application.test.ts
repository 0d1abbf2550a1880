import { parseApplication } from '../../../src/domain/intake';
import { answersFor, context } from './fixtures';

describe('parseApplication', () => {
  it('reads a good mentor application with no problems', () => {
    const app = parseApplication('mentor', answersFor('mentor'), context);
    expect(app).toEqual({
      role: 'mentor',
      submittedAt: context.submittedAt,
      name: 'Siân ap Dafydd',
      email: 'sian.ap.dafydd@cardiff.gov.uk',
      libraryService: 'Cardiff Libraries',
      nation: 'Wales',
      currentRole: 'Head of Service',
      responsibility: '',
      areas: ['Restructures', 'Budgeting'],
      otherArea: '',
      capacity: 2,
      statement: 'Twenty years in public libraries.',
      consentData: true,
      consentEvaluation: true,
      problems: [],
    });
  });

  it('reads e.namedValues, where every answer is an array of strings', () => {
    const named = Object.fromEntries(Object.entries(answersFor('mentor')).map(([k, v]) => [k, [String(v)]]));
    const app = parseApplication('mentor', named, context);
    expect(app.problems).toEqual([]);
    expect(app.capacity).toBe(2);
    expect(app.areas).toEqual(['Restructures', 'Budgeting']);
  });

  it('ignores capacity for mentees', () => {
    const app = parseApplication('mentee', answersFor('mentee', { capacity: 9 }), context);
    expect(app.capacity).toBeNull();
    expect(app.problems).toEqual([]);
  });

  it.each([
    [{ email: 'not an email' }, 'Email address is not valid: not an email'],
    [{ email: '' }, 'Missing answer: Email address'],
    [{ libraryService: '   ' }, 'Missing answer: Library service'],
    [{ name: undefined }, 'Missing answer: Name'],
    [{ nation: 'Scotland' }, 'Nation not eligible: Scotland'],
    [{ nation: 'Other / outside these nations' }, 'Nation not eligible: Other / outside these nations'],
    [{ consentData: '' }, 'No consent to the use of their data'],
    [{ capacity: 4 }, 'Capacity must be 1–3 (the answer was 4)'],
    [{ capacity: '1.5' }, 'Capacity must be 1–3 (the answer was 1.5)'],
    [{ capacity: '' }, 'Missing answer: Number of mentees'],
    [{ areas: '' }, 'Missing answer: Areas'],
    [{ areas: 'Budgeting, Knitting' }, 'Area not recognised: Knitting'],
    [{ currentRole: 'Librarian' }, 'Current role not recognised: Librarian'],
    [{ statement: 'x'.repeat(5000) }, 'Statement was shortened to 4000 characters'],
  ])('%j → %s', (overrides, problem) => {
    const app = parseApplication('mentor', answersFor('mentor', overrides), context);
    expect(app.problems).toContain(problem);
  });

  it('flags a late submission with the deadline in words', () => {
    const late = { ...context, submittedAt: new Date('2025-04-18T23:00:00Z') };
    expect(parseApplication('mentee', answersFor('mentee'), late).problems).toEqual([
      'Submitted after the deadline (18 April 2025)',
    ]);
    const justInTime = { ...context, submittedAt: new Date('2025-04-18T22:59:00Z') };
    expect(parseApplication('mentee', answersFor('mentee'), justInTime).problems).toEqual([]);
  });

  it('says when the submission time is not a date', () => {
    const app = parseApplication('mentee', answersFor('mentee'), {
      ...context,
      submittedAt: new Date('nope'),
    });
    expect(app.problems).toContain('Submission time is missing or not a date');
  });

  it('normalises text: whitespace, control characters, NFC, case of nation and role', () => {
    const app = parseApplication(
      'mentee',
      answersFor('mentee', {
        name: '  Sea\u0301n\u0000  O\u0301 Briain ',
        nation: 'northern  ireland',
        currentRole: ' head of service',
        statement: 'First line.\r\n\r\n\r\nSecond\tline.',
      }),
      context,
    );
    expect(app.name).toBe('Seán Ó Briain');
    expect(app.nation).toBe('Northern Ireland');
    expect(app.currentRole).toBe('Head of Service');
    expect(app.statement).toBe('First line.\n\nSecond line.');
    expect(app.problems).toEqual([]);
  });

  it('keeps HTML and formulas as text (escaping and neutralising happen where the text is written)', () => {
    const app = parseApplication(
      'mentee',
      answersFor('mentee', { name: '=HYPERLINK("x")<script>' }),
      context,
    );
    expect(app.name).toBe('=HYPERLINK("x")<script>');
  });

  it('reads headers whatever their case or spacing, and falls back to item keys', () => {
    const byTitle = answersFor('mentee');
    const shouted = Object.fromEntries(Object.entries(byTitle).map(([k, v]) => [` ${k.toUpperCase()} `, v]));
    expect(parseApplication('mentee', shouted, context).problems).toEqual([]);
    const byKey = parseApplication(
      'mentee',
      {
        name: 'A',
        email: 'a@b.org',
        libraryService: 'L',
        nation: 'England',
        currentRole: 'Head of Service',
        areas: ['Other'],
        statement: 's',
        consentData: 'I agree',
      },
      context,
    );
    expect(byKey.problems).toEqual([]);
    expect(byKey.areas).toEqual(['Other']);
    expect(byKey.consentEvaluation).toBe(false);
  });

  it('uses the eligible nations from settings', () => {
    const onlyWales = { ...context, eligibleNations: ['Wales'] };
    expect(
      parseApplication('mentee', answersFor('mentee', { nation: 'England' }), onlyWales).problems,
    ).toEqual(['Nation not eligible: England']);
  });

  it('turns anything that is not an answers object into a list of missing answers', () => {
    for (const junk of [null, undefined, 42, 'text', [], [1, 2]]) {
      const app = parseApplication('mentor', junk, context);
      expect(app.problems).toContain('Missing answer: Name');
      expect(app.problems).toContain('No consent to the use of their data');
    }
  });

  it('survives a hostile object', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const app = parseApplication('mentee', hostile, context);
    expect(app.problems[0]).toMatch(/^Could not read this response \(boom\)/);
  });
});
