/**
 * Who a programme date's calendar event invites: the Selected people of its audience. Pure: the
 * workflow reads the people from the Applicants tab.
 */
import type { Audience } from '../scheme';
import { parseRole, parseStatus, type Role } from '../status';
import { isValidEmail, normaliseEmail } from '../text';

/** One applicant as the calendar needs them. */
export interface Participant {
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

/** Applicant cells (Role, Status, Email, and who they are for messages) → participants. */
export function participantsOf(
  rows: ReadonlyArray<{ role: unknown; status: unknown; email: unknown; name?: unknown; who: string }>,
): ParticipantsRead {
  const participants: Participant[] = [];
  const noEmail: string[] = [];
  for (const row of rows) {
    const role = parseRole(row.role);
    if (!role) continue;
    const selected = parseStatus(row.status) === 'Selected';
    const email = normaliseEmail(String(row.email ?? ''));
    if (!isValidEmail(email)) {
      if (selected) noEmail.push(row.who);
      continue;
    }
    participants.push({ email, role, selected, name: String(row.name ?? '').trim() });
  }
  return { participants, noEmail };
}

/**
 * The guest list of an event for `audience`, lower-cased, without repeats, sorted (so two lists
 * compare by content). 'coordinator' invites the coordinator only (if the address is valid).
 */
export function audienceGuests(
  audience: Audience,
  participants: readonly Participant[],
  coordinatorEmail: string,
): string[] {
  if (audience === 'coordinator') {
    const email = normaliseEmail(coordinatorEmail);
    return isValidEmail(email) ? [email] : [];
  }
  const roles: readonly Role[] =
    audience === 'mentors' ? ['mentor'] : audience === 'mentees' ? ['mentee'] : ['mentor', 'mentee'];
  const guests = new Set<string>();
  for (const p of participants) if (p.selected && roles.includes(p.role)) guests.add(p.email);
  return [...guests].sort();
}

/** Same people, whatever the order and the case of the addresses. */
export function sameGuests(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((e) => e.trim().toLowerCase()));
  const right = new Set(b.map((e) => e.trim().toLowerCase()));
  return left.size === right.size && [...left].every((e) => right.has(e));
}

/** The names to show beside the guests' addresses (Selected people first, for a person in both roles). */
export function guestNames(
  participants: readonly Participant[],
  guests: readonly string[],
): Record<string, string> {
  const wanted = new Set(guests);
  const names: Record<string, string> = {};
  for (const p of [...participants].sort((a, b) => Number(b.selected) - Number(a.selected))) {
    if (wanted.has(p.email) && p.name && !(p.email in names)) names[p.email] = p.name;
  }
  return names;
}
