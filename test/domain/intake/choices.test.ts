import { choicesForm, mentorOptions } from '../../../src/domain/forms/spec';
import { type ChoiceMentor, parseChoices } from '../../../src/domain/intake';

const mentors: ChoiceMentor[] = [
  { id: 'M1', name: 'Siân ap Dafydd', libraryService: 'Cardiff Libraries', status: 'Selected' },
  { id: 'M2', name: 'Seán Ó Briain', libraryService: 'Belfast Libraries', status: 'Selected' },
  { id: 'M3', name: 'Llŷr Evans', libraryService: 'Gwynedd Libraries', status: 'Withdrawn' },
  { id: 'M4', name: 'Priya Shah', libraryService: 'Leicester Libraries', status: 'Selected' },
  { id: 'M5', name: 'Jo Bloggs', libraryService: 'Somewhere', status: 'Waitlisted' },
];
const label = (id: string) => mentorOptions(mentors).find((o) => o.id === id)?.label ?? '';
// The personal code is not part of what is read here (the workflow checks it): leave it out.
const titles = choicesForm(mentors)
  .items.filter((i) => i.key !== 'code')
  .map((i) => i.title);
const context = { mentors, selectedMentees: new Set(['mentee@x.org']) };

function response(email: string, c1: string, c2: string, c3: string, note = ''): Record<string, string[]> {
  const values = [email, c1, c2, c3, note];
  return Object.fromEntries(titles.map((t, i) => [t, [values[i] ?? '']]));
}

describe('parseChoices', () => {
  it('reads three ranked choices', () => {
    const result = parseChoices(
      response(' Mentee@X.org ', label('M2'), label('M1'), label('M4'), ' Prefer  online '),
      context,
    );
    expect(result).toEqual({
      email: 'mentee@x.org',
      code: '',
      choices: ['M2', 'M1', 'M4'],
      note: 'Prefer online',
      problems: [],
    });
  });

  it.each([
    [
      'someone not selected',
      response('other@x.org', label('M1'), label('M2'), label('M4')),
      ['M1', 'M2', 'M4'],
      'Not a selected mentee: other@x.org',
    ],
    [
      'the same mentor twice',
      response('mentee@x.org', label('M1'), label('M1'), label('M4')),
      ['M1', 'M4'],
      'The same mentor chosen twice: Siân ap Dafydd',
    ],
    [
      'a withdrawn mentor',
      response('mentee@x.org', label('M3'), label('M1'), label('M4')),
      ['M1', 'M4'],
      'Mentor has withdrawn: Llŷr Evans',
    ],
    [
      'an unknown mentor',
      response('mentee@x.org', 'Nobody — Nowhere', label('M1'), label('M4')),
      ['M1', 'M4'],
      'Unknown mentor: Nobody — Nowhere',
    ],
    [
      'a mentor not selected',
      response('mentee@x.org', label('M5'), label('M1'), label('M4')),
      ['M1', 'M4'],
      'Mentor is not selected for the scheme: Jo Bloggs',
    ],
    [
      'a missing choice',
      response('mentee@x.org', label('M1'), '', label('M4')),
      ['M1', 'M4'],
      'Missing answer: Second choice',
    ],
    [
      'a bad email',
      response('mentee at x', label('M1'), label('M2'), label('M4')),
      ['M1', 'M2', 'M4'],
      'Email address is not valid: mentee at x',
    ],
  ])('%s', (_name, answers, choices, problem) => {
    const result = parseChoices(answers, context);
    expect(result.choices).toEqual(choices);
    expect(result.problems).toEqual([problem]);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 7, 'x', [], { [titles[1] ?? '']: { nested: true } }]) {
      const result = parseChoices(junk, context);
      expect(result.choices).toEqual([]);
      expect(result.problems).toContain('Missing answer: Email address');
    }
  });
});
