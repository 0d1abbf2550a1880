/** Who an applicant is in the scheme, and where they are in selection. */

export const ROLES = ['mentor', 'mentee'] as const;
export type Role = (typeof ROLES)[number];

/** The words the coordinator sees in the Sheet (a `Role` column) and applicants read in emails. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = { mentor: 'Mentor', mentee: 'Mentee' };

export const STATUSES = ['Applied', 'Selected', 'Waitlisted', 'Not selected', 'Withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses "Send decisions" writes to an applicant about (Applied and Withdrawn get no decision). */
export const DECISION_STATUSES = ['Selected', 'Waitlisted', 'Not selected'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

function tidy(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

/**
 * Reads a role typed by a person: "Mentor", " mentee ", "MENTOR" all count. Anything else is null,
 * so the caller can say in words what is wrong.
 */
export function parseRole(value: unknown): Role | null {
  const t = tidy(value);
  return ROLES.find((r) => r === t) ?? null;
}

/** Reads a status typed by a person, case and spacing forgiven ("not  Selected"). */
export function parseStatus(value: unknown): Status | null {
  const t = tidy(value);
  return STATUSES.find((s) => s.toLowerCase() === t) ?? null;
}

export function isDecisionStatus(status: Status): status is DecisionStatus {
  return (DECISION_STATUSES as readonly string[]).includes(status);
}
