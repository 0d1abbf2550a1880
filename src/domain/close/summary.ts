/**
 * The anonymous record a closed programme keeps after its personal data is erased: how many
 * people, in which role, ended in which status; how many pairs there were and how many ended early;
 * how many emails went. Counts only: no ID, name or date of anyone.
 */
import type { Role, Status } from '../status';
import { STATUSES } from '../status';

export interface SummaryInput {
  readonly programmeName: string;
  /** 'YYYY-MM-DD' */
  readonly madeOn: string;
  readonly people: ReadonlyArray<{ role: Role; status: Status | null; consented: boolean }>;
  readonly pairs: ReadonlyArray<{ introduced: boolean; endedEarly: boolean }>;
  readonly emailsSent: number;
  readonly checkInAnswers: number;
}

export function summaryRows(input: SummaryInput): Array<Array<string | number>> {
  const count = (role: Role, test: (p: SummaryInput['people'][number]) => boolean) =>
    input.people.filter((p) => p.role === role && test(p)).length;
  const line = (label: string, test: (p: SummaryInput['people'][number]) => boolean) => {
    const mentors = count('mentor', test);
    const mentees = count('mentee', test);
    return [label, mentors, mentees, mentors + mentees];
  };
  const introduced = input.pairs.filter((p) => p.introduced);
  return [
    ['Count', 'Mentors', 'Mentees', 'Total'],
    line('Applications', () => true),
    ...STATUSES.map((s) => line(`Status at the end: ${s}`, (p) => p.status === s)),
    line('Agreed to the evaluation', (p) => p.consented),
    ['Pairs introduced', '', '', introduced.length],
    ['Pairs that ended early', '', '', introduced.filter((p) => p.endedEarly).length],
    ['Check-in answers', '', '', input.checkInAnswers],
    ['Emails sent', '', '', input.emailsSent],
    ['', '', '', ''],
    ['Programme', input.programmeName, '', ''],
    ['Summary made on', input.madeOn, '', ''],
  ];
}
