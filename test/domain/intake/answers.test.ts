import { checkboxAnswer } from '../../../src/domain/intake';
import { AREAS } from '../../../src/domain/scheme';

const LABELS = ['Budgeting', 'Libraries, arts and heritage', 'Libraries', 'Arts', 'Other'];

describe('checkboxAnswer', () => {
  it.each([
    ['Budgeting, Restructures', AREAS, ['Budgeting', 'Restructures'], []],
    ['budgeting,  capital projects', AREAS, ['Budgeting', 'Capital projects'], []],
    ['', AREAS, [], []],
    ['Budgeting, Knitting, Other', AREAS, ['Budgeting', 'Other'], ['Knitting']],
    // A label with ", " inside is matched whole, longest first.
    ['Libraries, arts and heritage, Budgeting', LABELS, ['Libraries, arts and heritage', 'Budgeting'], []],
    ['Libraries, Arts', LABELS, ['Libraries', 'Arts'], []],
    ['Budgeting, Budgeting', LABELS, ['Budgeting'], []],
  ])('%j', (input, labels, chosen, unknown) => {
    expect(checkboxAnswer(input, labels)).toEqual({ chosen, unknown });
  });

  it('reads an array of labels, including labels that contain commas', () => {
    expect(checkboxAnswer(['Libraries, arts and heritage', 'Arts'], LABELS)).toEqual({
      chosen: ['Libraries, arts and heritage', 'Arts'],
      unknown: [],
    });
    expect(checkboxAnswer(['Budgeting, Arts'], LABELS).chosen).toEqual(['Budgeting', 'Arts']);
  });
});
