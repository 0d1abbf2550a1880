import { normaliseEmail, trimmedText } from '../../domain/text';
import type { Table } from '../../ports';
import { type Person, peopleOf } from '../people';
import { APPLICANT, MATCH } from '../tabs';

/** A person who took part in the programme, as the evaluation sees them. */
export interface Participant extends Person {
  /** They answered "Yes" to "Consent to evaluation" on their application. */
  readonly consented: boolean;
  /** Still Selected at the end (false: they took part, then withdrew). */
  readonly toTheEnd: boolean;
}

/** Pairs that happened: introduced by "Announce pairs", whether or not they lasted. */
export function isIntroduced(status: unknown): boolean {
  const s = trimmedText(status).toLowerCase();
  return s === 'announced' || s === 'ended';
}

/**
 * Who took part: everyone Selected at the end, and those who withdrew after their pair was
 * introduced (their experience of the scheme, and why they left, is what an evaluation most needs).
 * Someone who withdrew before being paired, or was never selected, did not take part.
 */
export function participantsOf(applicants: Table, matches: Table | null): Participant[] {
  const paired = new Set<string>();
  for (const row of matches?.rows ?? []) {
    if (!isIntroduced(row.values[MATCH.status])) continue;
    for (const h of [MATCH.menteeId, MATCH.mentorId]) paired.add(trimmedText(row.values[h]));
  }
  const consent = new Map(
    applicants.rows.map((r) => [
      r.rowNumber,
      trimmedText(r.values[APPLICANT.consentEvaluation]).toLowerCase() === 'yes',
    ]),
  );
  return peopleOf(applicants).flatMap((p) => {
    const tookPart = p.status === 'Selected' || (p.status === 'Withdrawn' && paired.has(p.id));
    if (!p.id || !tookPart) return [];
    return [{ ...p, consented: consent.get(p.rowNumber) === true, toTheEnd: p.status === 'Selected' }];
  });
}

/** One invitation per address, even for someone with a row in each role. */
export function byAddress(people: readonly Participant[]): Participant[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const email = normaliseEmail(p.email);
    if (!email || seen.has(email)) return !email;
    seen.add(email);
    return true;
  });
}
