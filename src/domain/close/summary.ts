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
  /** The check-ins sent through people's own links (not the responses that await review), each answered or not. */
  readonly checkIns: ReadonlyArray<{ role: Role; answered: boolean }>;
}

export function summaryRows(input: SummaryInput): Array<Array<string | number>> {
  const byRole = <T extends { role: Role }>(
    label: string,
    items: readonly T[],
    test: (item: T) => boolean,
  ) => {
    const mentors = items.filter((p) => p.role === 'mentor' && test(p)).length;
    const mentees = items.filter((p) => p.role === 'mentee' && test(p)).length;
    return [label, mentors, mentees, mentors + mentees];
  };
  const line = (label: string, test: (p: SummaryInput['people'][number]) => boolean) =>
    byRole(label, input.people, test);
  const introduced = input.pairs.filter((p) => p.introduced);
  return [
    ['Count', 'Mentors', 'Mentees', 'Total'],
    line('Applications', () => true),
    ...STATUSES.map((s) => line(`Status at the end: ${s}`, (p) => p.status === s)),
    line('Agreed to the evaluation', (p) => p.consented),
    ['Pairs introduced', '', '', introduced.length],
    ['Pairs that ended early', '', '', introduced.filter((p) => p.endedEarly).length],
    byRole('Check-ins sent', input.checkIns, () => true),
    byRole('Check-in answers', input.checkIns, (c) => c.answered),
    ['Emails sent', '', '', input.emailsSent],
    ['', '', '', ''],
    ['Programme', input.programmeName, '', ''],
    ['Summary made on', input.madeOn, '', ''],
  ];
}
