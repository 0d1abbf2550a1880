/**
 * Who a programme date concerns: the Selected people of its audience, and the coach on the dates
 * marked for them. Pure: the workflow reads the people from the Applicants tab.
 */
import type { Audience } from '../scheme';
import { parseRole, parseStatus, type Role } from '../status';
import { isValidEmail, normaliseEmail, textOf, trimmedText } from '../text';
import { COACH } from './eventInput';

/** One applicant as the calendar needs them. */
export interface Participant {
  /** The applicant ID (MR-004): names their own copy of each date. */
  readonly id: string;
  readonly email: string;
  /** As it appears beside the address in the invitation ('' when unknown). */
  readonly name: string;
  readonly role: Role;
  /** Only Selected people are guests; everyone else (Withdrawn included) is not. */
  readonly selected: boolean;
}

export interface ParticipantsRead {
  readonly participants: readonly Participant[];
  /** "ME-004 Sam Typo" of Selected people without a valid email: they cannot be invited. */
  readonly noEmail: readonly string[];
}

/** Applicant cells (ID, Role, Status, Email, and who they are for messages) → participants. */
export function participantsOf(
  rows: ReadonlyArray<{
    id?: unknown;
    role: unknown;
    status: unknown;
    email: unknown;
    name?: unknown;
    who: string;
  }>,
): ParticipantsRead {
  const participants: Participant[] = [];
  const noEmail: string[] = [];
  for (const row of rows) {
    const role = parseRole(row.role);
    if (!role) continue;
    const selected = parseStatus(row.status) === 'Selected';
    const email = normaliseEmail(textOf(row.email));
    if (!isValidEmail(email)) {
      if (selected) noEmail.push(row.who);
      continue;
    }
    const id = trimmedText(row.id);
    participants.push({ id, email, role, selected, name: trimmedText(row.name) });
  }
  return { participants, noEmail };
}

/** A person who gets their own copy of a date. */
export interface Member {
  /** The applicant ID, or COACH; an applicant without an ID is named by their address. */
  readonly person: string;
  readonly email: string;
  readonly name: string;
}

/** The scheme's professional coach, from Settings. */
export interface Coach {
  readonly name: string;
  readonly email: string;
}

const rolesOf = (audience: Audience): readonly Role[] =>
  audience === 'mentors'
    ? ['mentor']
    : audience === 'mentees'
      ? ['mentee']
      : audience === 'all participants'
        ? ['mentor', 'mentee']
        : [];

/**
 * Who has their own copy of a date: each Selected person of the audience once (a person Selected
 * in both roles is one guest, under their first ID), sorted by address; then the coach when the
 * date is marked for them and their address is valid and not already there. The coordinator's
 * dates have no members: they are reminders in the coordinator's own calendar.
 */
export function membersOf(
  audience: Audience,
  withCoach: boolean,
  participants: readonly Participant[],
  coach: Coach,
): Member[] {
  const roles = rolesOf(audience);
  const byEmail = new Map<string, Member>();
  const chosen = participants
    .filter((p) => p.selected && roles.includes(p.role))
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const p of chosen) {
    if (byEmail.has(p.email)) continue;
    byEmail.set(p.email, { person: p.id || `email:${p.email}`, email: p.email, name: p.name });
  }
  const members = [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
  const coachEmail = normaliseEmail(coach.email);
  if (roles.length > 0 && withCoach && isValidEmail(coachEmail) && !byEmail.has(coachEmail)) {
    members.push({ person: COACH, email: coachEmail, name: coach.name.trim() });
  }
  return members;
}

/** Same people, whatever the order and the case of the addresses. */
export function sameGuests(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((e) => e.trim().toLowerCase()));
  const right = new Set(b.map((e) => e.trim().toLowerCase()));
  return left.size === right.size && [...left].every((e) => right.has(e));
}
