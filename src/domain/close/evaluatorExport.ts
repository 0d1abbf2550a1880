/**
 * What the independent evaluator receives: the programme as facts about pseudonymous people, and
 * nothing else. Only those who agreed to the evaluation are in it. It holds no name, address,
 * library service or free text: every cell is a pseudonym, a word from a short fixed list, a
 * number, or a heading Cohort wrote. A value outside those lists (a typed note, an "Other: …"
 * answer) is left out rather than passed on, since free text may name people.
 */
import { AREAS } from '../scheme';
import { ROLE_LABELS, type Role } from '../status';
import { textOf, trimmedText } from '../text';

export interface EvaluationParticipant {
  readonly id: string;
  readonly role: Role;
  readonly areas: readonly string[];
  /** Selected at the end; false for one who took part and withdrew. */
  readonly toTheEnd: boolean;
  readonly consented: boolean;
}

/** A pair that was introduced (Announced, or Ended later). */
export interface EvaluationPair {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly choiceRank: unknown;
  readonly endedEarly: boolean;
  /** The continuation answers, by column heading (the November question). */
  readonly continuation: Readonly<Record<string, unknown>>;
}

export interface EvaluationCheckIn {
  readonly id: string;
  /** The other side of the pair the check-in was about ('' when not known). */
  readonly partnerId: string;
  readonly round: unknown;
  readonly met: unknown;
  readonly rating: unknown;
  readonly coach: unknown;
}

export interface EvaluatorExportInput {
  readonly programmeName: string;
  /** 'YYYY-MM-DD' */
  readonly madeOn: string;
  readonly participants: readonly EvaluationParticipant[];
  readonly pairs: readonly EvaluationPair[];
  readonly checkIns: readonly EvaluationCheckIn[];
  /** The continuation columns, in order (none before the November question exists). */
  readonly continuationHeadings: readonly string[];
}

export type ExportCell = string | number;
export interface ExportSheet {
  readonly name: string;
  readonly rows: readonly (readonly ExportCell[])[];
}

const fold = (v: unknown) => trimmedText(v).toLowerCase().replace(/\s+/g, ' ');

export function yesNo(v: unknown): 'Yes' | 'No' | '' {
  if (v === true) return 'Yes';
  if (v === false) return 'No';
  const t = fold(v);
  if (/^(yes|y|true)\b/.test(t)) return 'Yes';
  if (/^(no|n|false)\b/.test(t)) return 'No';
  return '';
}

/** A whole number from `low` to `high`, or '' (a rating of "4 – good, but Sam…" is left out). */
export function wholeNumber(v: unknown, low: number, high: number): number | '' {
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(textOf(v)) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= low && n <= high ? n : '';
}

const RANKS = ['1st', '2nd', '3rd', 'not chosen'] as const;
export function choiceRank(v: unknown): string {
  return RANKS.find((r) => r === fold(v)) ?? '';
}

const CONTINUATION: ReadonlyArray<[RegExp, string]> = [
  [/^(yes|y|true)\b/, 'Yes'],
  [/^(no|n|false)\b/, 'No'],
  [/^(not sure|maybe|undecided|unsure)\b/, 'Not sure'],
];
export function continuationAnswer(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  const t = fold(v);
  return CONTINUATION.find(([re]) => re.test(t))?.[1] ?? '';
}

/** The scheme's own areas only: "Other" stays, the words typed after it do not. */
export function knownAreas(areas: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of areas) {
    const known = AREAS.find((k) => k.toLowerCase() === fold(a));
    if (known) out.add(known);
  }
  return [...out];
}

/**
 * The export's tabs: About, Participants, Pairs and Check-ins. A pair is listed when either side
 * agreed; the side who did not has no pseudonym, and the mentee's choice rank is given only when
 * the mentee agreed (it is their choice). Check-ins are those of people who agreed.
 */
export function evaluatorSheets(
  input: EvaluatorExportInput,
  pseudonymOf: (id: string) => string,
): ExportSheet[] {
  const inIt = input.participants.filter((p) => p.consented && p.id);
  const consented = new Set(inIt.map((p) => p.id));
  const name = (id: string) => (consented.has(id) ? pseudonymOf(id) : '');
  const participants: ExportCell[][] = [
    ['Pseudonym', 'Role', 'Areas', 'Took part to the end'],
    ...inIt
      .map((p) => [
        pseudonymOf(p.id),
        ROLE_LABELS[p.role],
        knownAreas(p.areas).join(', '),
        p.toTheEnd ? 'Yes' : 'No',
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  ];
  // Numbered in the order listed, so that a check-in can say which pair it was about (a mentor with
  // two mentees answers for each) without naming the side who did not agree.
  const listed = input.pairs
    .filter((p) => consented.has(p.menteeId) || consented.has(p.mentorId))
    .map((p) => ({ p, sortKey: `${name(p.menteeId)}|${name(p.mentorId)}` }))
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
    .map(({ p }) => p);
  const pairNumber = new Map(listed.map((p, k) => [`${p.menteeId}|${p.mentorId}`, k + 1]));
  const pairOf = (c: EvaluationCheckIn): ExportCell =>
    pairNumber.get(`${c.id}|${c.partnerId}`) ?? pairNumber.get(`${c.partnerId}|${c.id}`) ?? '';
  const pairs: ExportCell[][] = [
    ['Pair', 'Mentee', 'Mentor', 'Choice rank', 'Ended early', ...input.continuationHeadings],
    ...listed.map((p, k) => [
      k + 1,
      name(p.menteeId),
      name(p.mentorId),
      consented.has(p.menteeId) ? choiceRank(p.choiceRank) : '',
      p.endedEarly ? 'Yes' : 'No',
      ...input.continuationHeadings.map((h) => continuationAnswer(p.continuation[h])),
    ]),
  ];
  const checkIns: ExportCell[][] = [
    ['Pseudonym', 'Pair', 'Round', 'Met', 'Rating', 'Coach one-to-one'],
    ...input.checkIns
      .filter((c) => consented.has(c.id))
      .map((c) => [
        pseudonymOf(c.id),
        pairOf(c),
        wholeNumber(c.round, 1, 100),
        yesNo(c.met),
        wholeNumber(c.rating, 0, 10),
        yesNo(c.coach),
      ])
      .sort(
        (a, b) =>
          String(a[0]).localeCompare(String(b[0])) ||
          Number(a[1] || 0) - Number(b[1] || 0) ||
          Number(a[2] || 0) - Number(b[2] || 0),
      ),
  ];
  const about: ExportCell[][] = [
    ['About this file', ''],
    ['Programme', input.programmeName],
    ['Made on', input.madeOn],
    ['Participants', inIt.length],
    ['Pairs', pairs.length - 1],
    ['Check-in answers', checkIns.length - 1],
    [
      'What it holds',
      'Only the participants who agreed to the evaluation, each under a pseudonym (P-…) that stays the same in every copy of this file. No names, email addresses, library services or free text.',
    ],
    [
      'Pairs',
      'A pair is listed when either side agreed; the other side is then blank, and the choice rank is the mentee’s (given only when the mentee agreed).',
    ],
    [
      'Check-ins',
      'Each answer names the pair it was about by its number in Pairs (a mentor with two mentees answers for each); blank when that is not known.',
    ],
  ];
  return [
    { name: 'About', rows: about },
    { name: 'Participants', rows: participants },
    { name: 'Pairs', rows: pairs },
    { name: 'Check-ins', rows: checkIns },
  ];
}
