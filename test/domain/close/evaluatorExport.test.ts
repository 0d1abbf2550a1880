import {
  continuationAnswer,
  type EvaluatorExportInput,
  evaluatorSheets,
  knownAreas,
  wholeNumber,
  yesNo,
} from '../../../src/domain/close/evaluatorExport';
import { summaryRows } from '../../../src/domain/close/summary';

const input: EvaluatorExportInput = {
  programmeName: 'Peer Mentoring Scheme 2025',
  madeOn: '2025-11-27',
  participants: [
    {
      id: 'ME-001',
      role: 'mentee',
      areas: ['Budgeting', 'Other: Sam’s library'],
      toTheEnd: true,
      consented: true,
    },
    { id: 'ME-002', role: 'mentee', areas: ['Restructures'], toTheEnd: false, consented: false },
    {
      id: 'MR-001',
      role: 'mentor',
      areas: ['budgeting', 'Capital projects'],
      toTheEnd: true,
      consented: true,
    },
    { id: 'MR-002', role: 'mentor', areas: [], toTheEnd: false, consented: true },
    { id: 'ME-003', role: 'mentee', areas: ['Budgeting'], toTheEnd: true, consented: false },
  ],
  pairs: [
    {
      menteeId: 'ME-001',
      mentorId: 'MR-001',
      choiceRank: '1st',
      endedEarly: false,
      continuation: { 'Keep meeting': 'yes, monthly' },
    },
    {
      menteeId: 'ME-002',
      mentorId: 'MR-002',
      choiceRank: '2nd',
      endedEarly: true,
      continuation: { 'Keep meeting': 'Sam says no' },
    },
    {
      menteeId: 'ME-003',
      mentorId: 'MR-001',
      choiceRank: '3rd',
      endedEarly: false,
      continuation: {},
    },
  ],
  checkIns: [
    { id: 'ME-001', partnerId: 'MR-001', round: 1, met: 'Yes', rating: 4, coach: 'No' },
    { id: 'ME-001', partnerId: 'MR-001', round: '2', met: 'no', rating: '4 – but Sam was late', coach: true },
    { id: 'ME-002', partnerId: 'MR-002', round: 1, met: 'Yes', rating: 5, coach: 'No' },
    // A mentor with two mentees answers for each: the same answers, told apart by the pair.
    { id: 'MR-001', partnerId: 'ME-003', round: 1, met: 'Yes', rating: 4, coach: 'No' },
    { id: 'MR-001', partnerId: 'ME-001', round: 1, met: 'Yes', rating: 4, coach: 'No' },
    { id: 'MR-001', partnerId: '', round: 1, met: 'Yes', rating: 3, coach: 'No' },
  ],
  continuationHeadings: ['Keep meeting'],
};
const P = (id: string) => `P-${id}`;

describe('the evaluator’s export', () => {
  const sheets = Object.fromEntries(evaluatorSheets(input, P).map((s) => [s.name, s.rows]));

  it('lists only those who agreed, with their role, known areas and whether they stayed', () => {
    expect(sheets.Participants).toEqual([
      ['Pseudonym', 'Role', 'Areas', 'Took part to the end'],
      ['P-ME-001', 'Mentee', 'Budgeting', 'Yes'],
      ['P-MR-001', 'Mentor', 'Budgeting, Capital projects', 'Yes'],
      ['P-MR-002', 'Mentor', '', 'No'],
    ]);
  });

  it('gives a pair when either side agreed, blanking the other side and their choice', () => {
    expect(sheets.Pairs).toEqual([
      ['Pair', 'Mentee', 'Mentor', 'Choice rank', 'Ended early', 'Keep meeting'],
      [1, '', 'P-MR-001', '', 'No', ''],
      [2, '', 'P-MR-002', '', 'Yes', ''],
      [3, 'P-ME-001', 'P-MR-001', '1st', 'No', 'Yes'],
    ]);
  });

  it('keeps check-in answers of those who agreed, as words from a fixed list or numbers', () => {
    expect(sheets['Check-ins']).toEqual([
      ['Pseudonym', 'Pair', 'Round', 'Met', 'Rating', 'Coach one-to-one'],
      ['P-ME-001', 3, 1, 'Yes', 4, 'No'],
      ['P-ME-001', 3, 2, 'No', '', 'Yes'],
      ['P-MR-001', '', 1, 'Yes', 3, 'No'],
      ['P-MR-001', 1, 1, 'Yes', 4, 'No'],
      ['P-MR-001', 3, 1, 'Yes', 4, 'No'],
    ]);
  });

  it('says what it is, with counts', () => {
    expect(sheets.About).toEqual(
      expect.arrayContaining([
        ['Participants', 3],
        ['Pairs', 3],
        ['Check-in answers', 5],
      ]),
    );
  });

  it('never passes on typed text', () => {
    const all = Object.values(sheets).flat(2).map(String).join('\n');
    expect(all).not.toMatch(/Sam/);
    // IDs appear only inside the test's stand-in pseudonyms (P-ME-001), never on their own.
    expect(all).not.toMatch(/(?<!P-)(ME|MR)-\d/);
  });
});

describe('the word lists', () => {
  it.each([
    [true, 'Yes'],
    ['No', 'No'],
    [' yes ', 'Yes'],
    ['Y', 'Yes'],
    ['maybe', ''],
    ['', ''],
  ])('yesNo(%p) is %p', (v, out) => expect(yesNo(v)).toBe(out));

  it.each([
    ['Not sure', 'Not sure'],
    ['undecided', 'Not sure'],
    [false, 'No'],
    ['We will meet in Leeds', ''],
  ])('continuation %p is %p', (v, out) => expect(continuationAnswer(v)).toBe(out));

  it('reads whole numbers in range only', () => {
    expect(wholeNumber(' 3 ', 0, 10)).toBe(3);
    expect(wholeNumber(11, 0, 10)).toBe('');
    expect(wholeNumber(2.5, 0, 10)).toBe('');
    expect(wholeNumber('3 stars', 0, 10)).toBe('');
  });

  it('keeps the scheme’s areas only', () => {
    expect(knownAreas(['Other', 'Other: my council', 'TECHNICAL KNOWLEDGE'])).toEqual([
      'Other',
      'Technical knowledge',
    ]);
  });
});

describe('the anonymous summary', () => {
  it('counts people by role and status, pairs, check-ins and emails', () => {
    const rows = summaryRows({
      programmeName: 'Scheme 2025',
      madeOn: '2025-12-01',
      people: [
        { role: 'mentor', status: 'Selected', consented: true },
        { role: 'mentee', status: 'Selected', consented: false },
        { role: 'mentee', status: 'Withdrawn', consented: true },
      ],
      pairs: [
        { introduced: true, endedEarly: true },
        { introduced: true, endedEarly: false },
        { introduced: false, endedEarly: false },
      ],
      emailsSent: 12,
      checkIns: [
        { role: 'mentor', answered: true },
        { role: 'mentor', answered: false },
        { role: 'mentee', answered: true },
        { role: 'mentee', answered: false },
        { role: 'mentee', answered: false },
      ],
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Applications', 1, 2, 3],
        ['Status at the end: Selected', 1, 1, 2],
        ['Status at the end: Withdrawn', 0, 1, 1],
        ['Agreed to the evaluation', 1, 1, 2],
        ['Pairs introduced', '', '', 2],
        ['Pairs that ended early', '', '', 1],
        ['Check-ins sent', 2, 3, 5],
        ['Check-in answers', 1, 1, 2],
        ['Emails sent', '', '', 12],
      ]),
    );
  });
});
