import { selfPairs } from '../domain/intake/cross-role';
import { parseRole, parseStatus, type Role, type Status } from '../domain/status';
import { normaliseEmail, textOf, trimmedText } from '../domain/text';
import { listed } from '../domain/wording';
import type { Table } from '../ports';
import { problemsOf } from './intake/applicantRow';
import { APPLICANT } from './tabs';

/** An Applicants row as the later workflows need it. */
export interface Person {
  readonly rowNumber: number;
  readonly id: string;
  readonly role: Role;
  readonly status: Status | null;
  readonly name: string;
  readonly email: string;
  readonly libraryService: string;
  readonly areas: string[];
  readonly capacity: number | null;
  readonly problems: string[];
  readonly currentRole: string;
  readonly statement: string;
  /** Agreed that their details may be used to run the scheme. */
  readonly consentData: boolean;
  readonly consentEvaluation: boolean;
}

export function peopleOf(applicants: Table): Person[] {
  return applicants.rows.flatMap((row) => {
    const v = row.values;
    const role = parseRole(textOf(v[APPLICANT.role]));
    if (!role) return [];
    const capacity = Number(v[APPLICANT.capacity]);
    return [
      {
        rowNumber: row.rowNumber,
        id: trimmedText(v[APPLICANT.id]),
        role,
        status: parseStatus(textOf(v[APPLICANT.status])),
        name: trimmedText(v[APPLICANT.name]),
        email: normaliseEmail(textOf(v[APPLICANT.email])),
        libraryService: trimmedText(v[APPLICANT.libraryService]),
        areas: textOf(v[APPLICANT.areas])
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        capacity: Number.isInteger(capacity) && capacity > 0 ? capacity : null,
        problems: problemsOf(v[APPLICANT.problems]),
        currentRole: trimmedText(v[APPLICANT.currentRole]),
        statement: trimmedText(v[APPLICANT.statement]),
        consentData: trimmedText(v[APPLICANT.consentData]).toLowerCase() === 'yes',
        consentEvaluation: trimmedText(v[APPLICANT.consentEvaluation]).toLowerCase() === 'yes',
      },
    ];
  });
}

export const selected = (people: readonly Person[], role: Role): Person[] =>
  people.filter((p) => p.role === role && p.status === 'Selected' && p.id !== '');

/**
 * Selected mentors and mentees who are one person (the same email): their (mentee, mentor) pairs, and
 * the sentence that names them for the coordinator ('' when there are none).
 */
export function bothRoles(mentors: readonly Person[], mentees: readonly Person[]) {
  const pairs = selfPairs(mentors, mentees);
  const names = pairs.map(
    (p) => `${mentees.find((m) => m.id === p.mentee)!.name} (${p.mentor}, ${p.mentee})`,
  );
  return {
    pairs,
    note: names.length
      ? `Selected as both mentor and mentee, which the scheme does not allow: ${listed(names)}. Set one of their rows in the Applicants tab to Not selected; nobody is offered or matched to themselves.`
      : '',
  };
}

/** "Siân ap Dafydd (MR-001)": how a mentor appears in the Choices and Matches tabs. */
export function personLabel(p: Pick<Person, 'name' | 'id'>): string {
  return `${p.name} (${p.id})`;
}

/** The id at the end of a label written by personLabel, or the text itself if it is an id. */
export function idFromLabel(label: unknown): string {
  const text = trimmedText(label);
  const m = /\(([A-Z]{2}-\d+)\)\s*$/.exec(text) ?? /^([A-Z]{2}-\d+)$/.exec(text);
  return m ? m[1]! : '';
}
