/**
 * A fictional cohort for the offline demo and tests: applicants with example.org addresses, a few
 * of them with the problems intake must catch. Deterministic for a given seed.
 */
import { applicationForm, CONSENT_AGREE, EVALUATION_NO, EVALUATION_YES } from '../src/domain/forms/spec';
import { AREAS, CURRENT_ROLES, NATION_OUTSIDE, type NATIONS } from '../src/domain/scheme';
import type { Role } from '../src/domain/status';
import { seededRandom } from './random';

export interface SampleSubmission {
  readonly role: Role;
  /** Answers keyed by question title, as `cohort submit --answers` takes them. */
  readonly answers: Record<string, string | string[]>;
  /** When it is submitted (ms since epoch). */
  readonly at: number;
  /** What intake should notice, for the demo's summary ('' when nothing). */
  readonly expect: string;
  /** True when the answer could not come through the live form's own checks (an older copy of the form). */
  readonly unchecked?: boolean;
}

const FIRST = [
  'Siân',
  'Seán',
  'Aoife',
  'Rhodri',
  'Priya',
  'Tomasz',
  'Grace',
  'Llŷr',
  'Amara',
  'Niamh',
  'Dafydd',
  'Fatima',
  'Oliver',
  'Mairéad',
  'Kwame',
  'Eluned',
  'Hannah',
  'Ravi',
  'Catrin',
  'Zoë',
  'Iolo',
  'Bethan',
  'Chen',
  'Orla',
  'Gwen',
  'Declan',
  'Imogen',
  'Yusuf',
  'Ffion',
  'Róisín',
];
const LAST = [
  'ap Dafydd',
  'Ó Briain',
  'Jones',
  'Patel',
  'Nowak',
  'Okafor',
  'Evans',
  'Murphy',
  'Williams',
  'Khan',
  'McAllister',
  'Thomas',
  'Clarke',
  'Mensah',
  'Pryce',
  'Ní Bhriain',
  'Hughes',
  'Singh',
  'Morgan',
  'Lefèvre',
];
const SERVICES: ReadonlyArray<readonly [string, (typeof NATIONS)[number]]> = [
  ['Aberwen Libraries', 'Wales'],
  ['Brackley Vale Library Service', 'England'],
  ['Caerlas Libraries', 'Wales'],
  ['Dunmore Libraries NI', 'Northern Ireland'],
  ['Eastholm Library Service', 'England'],
  ['Fernbridge Libraries', 'England'],
  ['Gorse Island Library Service', 'Crown Dependencies'],
  ['Harrowgate Borough Libraries', 'England'],
  ['Kilbride Libraries', 'Northern Ireland'],
  ['Lowmoor Libraries', 'England'],
  ['Marsh End Libraries', 'England'],
  ['Northcliffe Library Service', 'England'],
];

export interface SampleOptions {
  readonly mentors: number;
  readonly mentees: number;
  readonly seed?: number;
  /** First and last day submissions are spread over (ms). */
  readonly from: number;
  readonly until: number;
  /** Add the applicants with problems (late, ineligible, both roles, formula, HTML, resubmission). */
  readonly withProblems?: boolean;
}

export function sampleCohort(options: SampleOptions): SampleSubmission[] {
  const next = seededRandom(options.seed ?? 2025);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const used = new Set<string>();
  const person = (i: number) => {
    let name = '';
    do name = `${pick(FIRST)} ${pick(LAST)}`;
    while (used.has(name));
    used.add(name);
    const local = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.');
    return { name, email: `${local}.${i}@example.org` };
  };
  const submissions: SampleSubmission[] = [];
  const span = options.until - options.from;
  const at = () => options.from + Math.floor(next() * span);
  const answersFor = (
    role: Role,
    who: { name: string; email: string },
    overrides: Record<string, string | string[]> = {},
  ) => {
    const form = applicationForm(role);
    const [service, nation] = pick(SERVICES);
    const areas = AREAS.filter((a) => a !== 'Other' && next() < 0.35);
    const values: Record<string, string | string[]> = {
      name: who.name,
      email: who.email,
      libraryService: service,
      nation,
      currentRole: role === 'mentor' ? CURRENT_ROLES[0] : pick(CURRENT_ROLES),
      areas: areas.length > 0 ? areas : [pick(AREAS.filter((a) => a !== 'Other'))],
      capacity: String(1 + Math.floor(next() * 3)),
      statement:
        role === 'mentor'
          ? `I have led ${service} for ${3 + Math.floor(next() * 15)} years and enjoy helping colleagues think things through.`
          : 'I would value a sounding board while I take on a larger role.',
      consentData: CONSENT_AGREE,
      consentEvaluation: next() < 0.7 ? EVALUATION_YES : EVALUATION_NO,
      ...overrides,
    };
    const answers: Record<string, string | string[]> = {};
    for (const item of form.items) {
      const v = values[item.key];
      if (v !== undefined && v !== '') answers[item.title] = v;
    }
    return answers;
  };
  let n = 0;
  for (let i = 0; i < options.mentors; i++)
    submissions.push({ role: 'mentor', answers: answersFor('mentor', person(n++)), at: at(), expect: '' });
  for (let i = 0; i < options.mentees; i++)
    submissions.push({ role: 'mentee', answers: answersFor('mentee', person(n++)), at: at(), expect: '' });
  if (options.withProblems) {
    const day = 86_400_000;
    const both = person(n++);
    submissions.push(
      {
        role: 'mentor',
        answers: answersFor('mentor', both),
        at: at(),
        expect: 'applied as both mentor and mentee',
      },
      {
        role: 'mentee',
        answers: answersFor('mentee', both),
        at: at(),
        expect: 'applied as both mentor and mentee',
      },
      {
        role: 'mentee',
        answers: answersFor('mentee', person(n++)),
        at: options.until + 1.5 * day,
        expect: 'submitted after the deadline',
      },
      {
        role: 'mentee',
        answers: answersFor('mentee', person(n++), {
          nation: NATION_OUTSIDE,
          libraryService: 'Glenrowan Libraries (Scotland)',
        }),
        at: at(),
        expect: 'nation not eligible',
      },
      {
        role: 'mentee',
        answers: answersFor(
          'mentee',
          { name: 'Robin Formula', email: `robin.formula.${n++}@example.org` },
          { libraryService: '=HYPERLINK("http://evil.example","Click")' },
        ),
        at: at(),
        expect: 'an answer starting with "=" (kept as text)',
      },
      {
        role: 'mentor',
        answers: answersFor('mentor', {
          name: 'Alex <script>alert(1)</script> Doe',
          email: `alex.doe.${n++}@example.org`,
        }),
        at: at(),
        expect: 'a name containing <script> (escaped in emails)',
      },
      {
        role: 'mentee',
        answers: answersFor('mentee', { name: 'Sam Typo', email: 'sam.typo@example' }),
        at: at(),
        expect: 'invalid email address (no acknowledgement possible)',
        unchecked: true,
      },
    );
    const again = submissions[0]!;
    submissions.push({ ...again, at: again.at + 2 * day, expect: 'submitted twice: the latest answers win' });
  }
  return submissions.sort((a, b) => a.at - b.at);
}
