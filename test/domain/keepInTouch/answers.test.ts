import { CHECK_IN_ITEMS, CONTINUATION_ITEMS } from '../../../src/domain/forms/keepInTouch';
import { parseCheckIn, parseContinuation } from '../../../src/domain/keepInTouch/answers';

const title = (key: string) => CHECK_IN_ITEMS.find((i) => i.key === key)!.title;

function checkIn(answers: Record<string, unknown>) {
  return parseCheckIn(Object.fromEntries(Object.entries(answers).map(([k, v]) => [title(k), v])));
}

describe('a check-in response', () => {
  it('reads as a sheet row gives it (the scale as a number)', () => {
    expect(
      checkIn({ code: 'ME-004:MR-001:2.abc', met: 'Yes', rating: 4, note: ' We met twice. ', coach: 'No' }),
    ).toEqual({
      code: 'ME-004:MR-001:2.abc',
      met: 'Yes',
      rating: 4,
      note: 'We met twice.',
      coach: 'No',
      problems: [],
    });
  });

  it('reads namedValues (every answer in a list)', () => {
    const parsed = checkIn({ met: ['no'], rating: ['2'], coach: ['YES'] });
    expect(parsed).toMatchObject({ met: 'No', rating: 2, coach: 'Yes', code: '' });
  });

  it('says what is missing or wrong, and never throws', () => {
    expect(checkIn({ met: 'Perhaps', rating: 9 }).problems).toEqual([
      'Met since the last check-in: not yes or no (Perhaps)',
      'How it is going: not a number from 1 to 5 (9)',
      'Missing answer: One-to-one with the coach',
    ]);
    expect(parseCheckIn(null).problems).toContain('Missing answer: Met since the last check-in');
    expect(parseCheckIn('junk').rating).toBeNull();
  });

  it('keeps a note bounded, whatever is sent', () => {
    const parsed = checkIn({ met: 'Yes', rating: 3, coach: 'No', note: 'x'.repeat(60_000) });
    expect(parsed.note.length).toBe(2000);
    expect(parsed.problems).toEqual(['The note was shortened to 2000 characters']);
  });
});

describe('a continuation response', () => {
  const question = CONTINUATION_ITEMS.find((i) => i.key === 'continues')!.title;

  it.each([
    ['Yes', 'Yes'],
    ['No', 'No'],
    ['Not sure yet', 'Not sure'],
  ])('%s reads as %s', (answer, continues) => {
    expect(parseContinuation({ [question]: answer, 'Your personal code': 'c' })).toEqual({
      code: 'c',
      continues,
      problems: [],
    });
  });

  it('says when the answer is none of the choices', () => {
    expect(parseContinuation({ [question]: 'Maybe' })).toEqual({
      code: '',
      continues: '',
      problems: ['Keep meeting after November: not one of the choices (Maybe)'],
    });
  });
});
