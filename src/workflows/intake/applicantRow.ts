import { applicationForm, CONSENT_AGREE, EVALUATION_NO, EVALUATION_YES } from '../../domain/forms/spec';
import type { Application } from '../../domain/intake';
import { ROLE_LABELS, type Role } from '../../domain/status';
import { textOf } from '../../domain/text';
import type { Cell, RowValues } from '../../ports';
import { APPLICANT } from '../tabs';

/** Problems are one per line in the Problems cell. */
export const PROBLEM_SEPARATOR = '\n';

export function problemsOf(cell: Cell | undefined): string[] {
  return textOf(cell)
    .split(PROBLEM_SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The Applicants columns an application fills (status, notes and ids are the coordinator's). */
export function applicationValues(app: Application): RowValues {
  return {
    [APPLICANT.role]: ROLE_LABELS[app.role],
    [APPLICANT.name]: app.name,
    [APPLICANT.email]: app.email,
    [APPLICANT.libraryService]: app.libraryService,
    [APPLICANT.nation]: app.nation,
    [APPLICANT.currentRole]: app.currentRole,
    [APPLICANT.responsibility]: app.responsibility,
    [APPLICANT.areas]: app.areas.join(', '),
    [APPLICANT.otherArea]: app.otherArea,
    [APPLICANT.capacity]: app.capacity ?? '',
    [APPLICANT.statement]: app.statement,
    [APPLICANT.consentData]: app.consentData ? 'Yes' : 'No',
    [APPLICANT.consentEvaluation]: app.consentEvaluation ? 'Yes' : 'No',
    [APPLICANT.submittedAt]: app.submittedAt,
  };
}

export const ID_PREFIX: Readonly<Record<Role, string>> = { mentor: 'MR', mentee: 'ME' };

/** The next free id per role, e.g. MR-007, from the ids already in the tab. */
export function nextIds(ids: readonly string[]): Record<Role, () => string> {
  const highest: Record<Role, number> = { mentor: 0, mentee: 0 };
  for (const id of ids) {
    for (const role of ['mentor', 'mentee'] as const) {
      const m = new RegExp(`^${ID_PREFIX[role]}-(\\d+)$`).exec(id.trim());
      if (m) highest[role] = Math.max(highest[role], Number(m[1]));
    }
  }
  const make = (role: Role) => () => `${ID_PREFIX[role]}-${String(++highest[role]).padStart(3, '0')}`;
  return { mentor: make('mentor'), mentee: make('mentee') };
}

/**
 * An Applicants row read back as form answers, so "Check applications" validates the row as the
 * coordinator has corrected it, by the same rules as intake.
 */
export function answersFromRow(role: Role, values: Readonly<RowValues>): Record<string, unknown> {
  const byKey: Record<string, unknown> = {
    name: values[APPLICANT.name],
    email: values[APPLICANT.email],
    libraryService: values[APPLICANT.libraryService],
    nation: values[APPLICANT.nation],
    currentRole: values[APPLICANT.currentRole],
    responsibility: values[APPLICANT.responsibility],
    areas: values[APPLICANT.areas],
    otherArea: values[APPLICANT.otherArea],
    capacity: values[APPLICANT.capacity] === '' ? '' : textOf(values[APPLICANT.capacity]),
    statement: values[APPLICANT.statement],
    consentData: textOf(values[APPLICANT.consentData]).toLowerCase() === 'yes' ? CONSENT_AGREE : '',
    consentEvaluation:
      textOf(values[APPLICANT.consentEvaluation]).toLowerCase() === 'yes' ? EVALUATION_YES : EVALUATION_NO,
  };
  const answers: Record<string, unknown> = {};
  for (const item of applicationForm(role).items) {
    if (byKey[item.key] !== undefined) answers[item.title] = byKey[item.key];
  }
  return answers;
}
