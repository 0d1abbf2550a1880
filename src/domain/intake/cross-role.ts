/** "You will be unable to apply as both a mentor and mentee": find the people who did. */
import type { Role, Status } from '../status';
import { normaliseEmail } from '../text';

export const CROSS_ROLE_PROBLEM = 'Applied as both mentor and mentee; the scheme allows one';

export type ApplicantRoleRow = { email: string; role: Role; status?: Status };

/**
 * One entry per input row, in the same order: the problem text for rows whose email (compared after
 * normalising) also applied in the other role, else null. Withdrawn rows neither cause nor get the
 * problem, so withdrawing one application clears the flag on the other.
 * Example: [{a@x, mentor}, {A@X, mentee}, {b@y, mentee}] → [problem, problem, null].
 */
export function crossRoleProblem(applicants: readonly ApplicantRoleRow[]): (string | null)[] {
  const roles = new Map<string, Set<Role>>();
  const keys = applicants.map((a) => (a.status === 'Withdrawn' ? '' : normaliseEmail(a.email)));
  applicants.forEach((a, i) => {
    const key = keys[i];
    if (!key) return;
    const set = roles.get(key) ?? new Set<Role>();
    set.add(a.role);
    roles.set(key, set);
  });
  return keys.map((key) => (key && (roles.get(key)?.size ?? 0) > 1 ? CROSS_ROLE_PROBLEM : null));
}

type Someone = { id: string; email: string };

/**
 * The (mentee, mentor) pairs that are one person in both roles: the same email, compared after
 * normalising. The workflows never offer or match these, whatever else is set.
 * Example: mentors [{ id: 'MR-001', email: 'a@x' }], mentees [{ id: 'ME-002', email: ' A@X' }]
 * → [{ mentee: 'ME-002', mentor: 'MR-001' }].
 */
export function selfPairs(
  mentors: readonly Someone[],
  mentees: readonly Someone[],
): { mentee: string; mentor: string }[] {
  const byEmail = new Map<string, string[]>();
  for (const m of mentors) {
    const key = normaliseEmail(m.email);
    if (key) byEmail.set(key, [...(byEmail.get(key) ?? []), m.id]);
  }
  return mentees.flatMap((e) =>
    (byEmail.get(normaliseEmail(e.email)) ?? []).map((mentor) => ({ mentee: e.id, mentor })),
  );
}
