/**
 * What keep-in-touch owes each pair today, from what the Sheet says: the check-in of the round that
 * is due, one nudge for a pair that has not said it met, the continuation question before the
 * finale, the thank-you after it, the coach told of each request; and the matters for the
 * coordinator's list. Derived afresh on every run from the tabs, so a run that was cut off is
 * simply finished by the next, and nothing is owed twice (each email has its key in the Outbox).
 */

import { parseContinues } from '../../domain/keepInTouch/answers';
import {
  attentionDate,
  continuationWindow,
  daysBetween,
  dueRound,
  nextRound,
  nudgeDate,
  thanksFrom,
} from '../../domain/keepInTouch/schedule';
import { type CheckInSlot, sideId, slotId } from '../../domain/keepInTouch/slots';
import {
  checkInReviewReason,
  coachWithoutAddressReason,
  type FinaleSituation,
  LOW_RATING,
  lowRatingReason,
  noteReason,
  notMetReason,
  whatNext,
} from '../../domain/keepInTouch/wording';
import { ROLE_LABELS } from '../../domain/status';
import { isValidEmail } from '../../domain/text';
import type { Person } from '../people';
import { personLabel } from '../people';
import type { OutboxStatus } from '../tabs';
import { MATCH } from '../tabs';
import type { CheckInRecord, KeepInTouchState, LivePair } from './state';

export type EmailKind = 'check-in' | 'nudge' | 'continuation' | 'thanks' | 'coach';

/** An email keep-in-touch wants sent, before it is rendered (a personal link is made in `act`). */
export interface WantedEmail {
  readonly kind: EmailKind;
  readonly key: string;
  readonly template: string;
  readonly to: { readonly email: string; readonly name: string };
  readonly values: Readonly<Record<string, string>>;
  /** The personal link the email carries: whose code, for which form, in which placeholder. */
  readonly link?: {
    readonly purpose: 'check-in' | 'continuation';
    readonly codeId: string;
    readonly placeholder: string;
  };
}

/** A check-in that has gone (or goes now) and has no CheckIns row yet. */
export interface NewCheckIn {
  readonly slot: CheckInSlot;
  readonly person: Person;
  readonly pair: LivePair;
}

/** One matter for the coordinator's needs-attention list. */
export interface Matter {
  readonly key: string;
  readonly pair: string;
  readonly person: string;
  readonly reason: string;
}

/** The email exists in the Outbox as something that went, or will, or may have. */
export const isUnderway = (status: OutboxStatus | '') =>
  status === 'queued' || status === 'sent' || status === 'unconfirmed' || status === 'failed';

const sides = (p: LivePair): Array<[Person, Person]> => [
  [p.mentee, p.mentor],
  [p.mentor, p.mentee],
];

const samePair = (slot: CheckInSlot, p: LivePair) =>
  (slot.personId === p.mentee.id && slot.partnerId === p.mentor.id) ||
  (slot.personId === p.mentor.id && slot.partnerId === p.mentee.id);

export const checkInKey = (person: Person, partner: Person, round: number) =>
  `check-in:${person.email}:${partner.id}:${round}`;
const nudgeKey = (person: Person, partner: Person) => `pair-nudge:${person.email}:${partner.id}`;

/** Has either side said, in any answered check-in, that they met? */
function hasMet(state: KeepInTouchState, pair: LivePair): boolean {
  return state.records.some(
    (r) => r.status === 'Answered' && r.slot && samePair(r.slot, pair) && r.met.toLowerCase() === 'yes',
  );
}

function checkIns(state: KeepInTouchState): { emails: WantedEmail[]; rows: NewCheckIn[] } {
  const emails: WantedEmail[] = [];
  const rows: NewCheckIn[] = [];
  const have = new Set(
    state.records.filter((r) => r.status !== 'Needs review' && r.slot).map((r) => slotId(r.slot!)),
  );
  for (const pair of state.live) {
    const due = dueRound(pair.introducedOn, state.today, state.schedule);
    if (!due) continue;
    for (const [person, partner] of sides(pair)) {
      const slot = { personId: person.id, partnerId: partner.id, round: due.round };
      const key = checkInKey(person, partner, due.round);
      emails.push({
        kind: 'check-in',
        key,
        template: 'check-in',
        to: person,
        values: { name: person.name, otherName: partner.name, round: String(due.round) },
        link: { purpose: 'check-in', codeId: slotId(slot), placeholder: 'checkInUrl' },
      });
      const status = state.statusOf(key);
      const goesNow = !state.settings.dryRun && isValidEmail(person.email) && !isUnderway(status);
      if (!have.has(slotId(slot)) && (isUnderway(status) || goesNow)) rows.push({ slot, person, pair });
    }
  }
  return { emails, rows };
}

function nudges(state: KeepInTouchState): WantedEmail[] {
  if (state.today > state.settings.programmeEndDate) return [];
  return state.live.flatMap((pair) => {
    if (state.today < nudgeDate(pair.introducedOn, state.settings.nudgeAfterDays, state.schedule)) return [];
    if (hasMet(state, pair)) return [];
    return sides(pair).map(([person, partner]) => ({
      kind: 'nudge' as const,
      key: nudgeKey(person, partner),
      template: 'pair-nudge',
      to: person,
      values: { name: person.name, otherName: partner.name, otherEmail: partner.email },
    }));
  });
}

function continuationQuestions(state: KeepInTouchState): WantedEmail[] {
  const { from, until } = continuationWindow(state.finale, state.settings.continuationWeeksBefore);
  if (state.today < from || state.today > until) return [];
  return state.live.flatMap((pair) =>
    sides(pair).map(([person, partner]) => ({
      kind: 'continuation' as const,
      key: `continuation-question:${person.email}:${partner.id}`,
      template: 'continuation-question',
      to: person,
      values: { name: person.name, otherName: partner.name },
      link: {
        purpose: 'continuation' as const,
        codeId: sideId({ personId: person.id, partnerId: partner.id }),
        placeholder: 'continueUrl',
      },
    })),
  );
}

/**
 * After the finale, every participant still Selected is thanked once, with what follows for them:
 * for each pair, whether both said they would keep meeting. Those whose pairing ended early and
 * mentors who had no mentee are thanked too: they were part of the programme (its events, the
 * drop-ins), and the finale closed it for them as well. Those who withdrew are not written to.
 */
function thanks(state: KeepInTouchState): WantedEmail[] {
  if (state.today < thanksFrom(state.finale)) return [];
  const out: WantedEmail[] = [];
  for (const person of state.people.values()) {
    if (person.status !== 'Selected' || !person.id) continue;
    const mine = state.live.filter((p) => p.mentee.id === person.id || p.mentor.id === person.id);
    const partner = (p: LivePair) => (p.mentee.id === person.id ? p.mentor : p.mentee);
    const hadPair = state.pairs.some(
      (r) =>
        (r.status === 'Announced' || r.status === 'Ended') &&
        (r.menteeId === person.id || r.mentorId === person.id),
    );
    const situation: FinaleSituation = mine.length
      ? {
          kind: 'pairs',
          pairs: mine.map((p) => ({
            otherName: partner(p).name,
            continues: parseContinues(p.row.row.values[MATCH.continues]),
          })),
        }
      : hadPair
        ? { kind: 'ended early' }
        : { kind: person.role === 'mentor' ? 'no mentee' : 'no mentor' };
    out.push({
      kind: 'thanks',
      key: `finale-thanks:${person.email}`,
      template: 'finale-thanks',
      to: person,
      values: {
        name: person.name,
        otherName: mine.map((p) => partner(p).name).join(' and '),
        whatNext: whatNext(situation),
      },
    });
  }
  return out;
}

/** Whose answered check-in a record is, with the pair's label, or null (erased, never known). */
function owner(state: KeepInTouchState, r: CheckInRecord): { person: Person; partner: Person } | null {
  const person = r.slot ? state.people.get(r.slot.personId) : undefined;
  const partner = r.slot ? state.people.get(r.slot.partnerId) : undefined;
  return person && partner ? { person, partner } : null;
}

const labelOf = (a: Person, b: Person) =>
  a.role === 'mentee'
    ? `${personLabel(a)} with ${personLabel(b)}`
    : `${personLabel(b)} with ${personLabel(a)}`;

/** Each request for a one-to-one reaches the coach once per person and round. */
function coachRequests(state: KeepInTouchState): WantedEmail[] {
  const coach = state.settings.coachEmail;
  if (!isValidEmail(coach)) return [];
  return state.records.flatMap((r) => {
    if (r.status !== 'Answered' || r.coach.toLowerCase() !== 'yes' || !r.slot) return [];
    const who = owner(state, r);
    if (!who) return [];
    const { person } = who;
    return [
      {
        kind: 'coach' as const,
        key: `coach-request:${person.email}:${r.slot.partnerId}:${r.slot.round}`,
        template: 'coach-request',
        to: { email: coach, name: state.settings.coachName },
        values: {
          name: state.settings.coachName,
          coachName: state.settings.coachName || 'coach',
          requester: person.name,
          requesterRole: ROLE_LABELS[person.role].toLowerCase(),
          requesterLibraryService: person.libraryService || 'library service not given',
          requesterEmail: person.email,
          // Their other answers were given to the coordinator alone: the coach hears only the ask.
          requesterNote:
            'Please get in touch with them to find a time. Their other check-in answers stay with the coordinator.',
        },
      },
    ];
  });
}

/** Everything keep-in-touch would have sent by today, whether or not it has gone already. */
export function dueEmails(state: KeepInTouchState): { emails: WantedEmail[]; rows: NewCheckIn[] } {
  const c = checkIns(state);
  return {
    emails: [
      ...c.emails,
      ...nudges(state),
      ...continuationQuestions(state),
      ...thanks(state),
      ...coachRequests(state),
    ],
    rows: c.rows,
  };
}

/** The matters for the coordinator's list, as things stand today. */
export function matters(state: KeepInTouchState): Matter[] {
  const out: Matter[] = [];
  for (const pair of state.live) {
    if (state.today > state.settings.programmeEndDate || hasMet(state, pair)) continue;
    const nudged = sides(pair)
      .map(([person, partner]) => nudgeKey(person, partner))
      .filter((key) => isUnderway(state.statusOf(key)))
      .map(
        (key) =>
          state.queuedOn(key) ?? nudgeDate(pair.introducedOn, state.settings.nudgeAfterDays, state.schedule),
      )
      .sort()[0];
    if (!nudged || state.today < attentionDate(nudged)) continue;
    out.push({
      key: `not-met:${pair.mentee.id}:${pair.mentor.id}`,
      pair: pair.label,
      person: '',
      reason: notMetReason(daysBetween(pair.introducedOn, attentionDate(nudged)), nudged),
    });
  }
  const coachAddress = isValidEmail(state.settings.coachEmail);
  let review = 0;
  for (const r of state.records) {
    if (r.status === 'Needs review') {
      review += Math.max(1, r.submissions);
      continue;
    }
    if (r.status !== 'Answered' || !r.slot) continue;
    const who = owner(state, r);
    if (!who) continue;
    const base = { pair: labelOf(who.person, who.partner), person: personLabel(who.person) };
    const id = slotId(r.slot);
    if (r.rating !== null && r.rating <= LOW_RATING)
      out.push({ ...base, key: `low:${id}`, reason: lowRatingReason(r.rating, r.slot.round) });
    if (r.note) out.push({ ...base, key: `note:${id}`, reason: noteReason(r.note, r.slot.round) });
    if (!coachAddress && r.coach.toLowerCase() === 'yes')
      out.push({ ...base, key: `coach:${id}`, reason: coachWithoutAddressReason(r.slot.round) });
  }
  if (review > 0)
    out.push({ key: 'check-in-review', pair: '', person: '', reason: checkInReviewReason(review) });
  return out;
}

/** The day the next check-ins go, for "nothing is due today". */
export function nextCheckIns(state: KeepInTouchState): string | null {
  const dates = state.live
    .map((p) => nextRound(p.introducedOn, state.today, state.schedule)?.date)
    .filter((d): d is string => d !== undefined)
    .sort();
  return dates[0] ?? null;
}
