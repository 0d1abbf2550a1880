/**
 * What the coordinator's needs-attention list says about a pair or a person, and what the finale
 * thank-you says follows for each participant. Sentences, in the scheme's words. Pure.
 */
import { formatDayDate } from '../dates';
import { cleanText } from '../text';
import type { Continues } from './answers';

/** A low rating: 1 or 2 out of 5 goes on the list. */
export const LOW_RATING = 2;

export function notMetReason(daysSinceIntroductions: number, nudgedOn: string): string {
  return `Not met ${daysSinceIntroductions} days after the introductions: neither has said so in a check-in since the nudge on ${formatDayDate(nudgedOn)}.`;
}

export function lowRatingReason(rating: number, round: number): string {
  return `Check-in ${round} says it is going badly (${rating}/5).`;
}

/** The note a person left for the coordinator, quoted (cut short: the CheckIns tab has it whole). */
export function noteReason(note: string, round: number): string {
  const shown = cleanText(note, 300);
  return `Asked the coordinator (check-in ${round}): “${shown}${shown.length < note.length ? ' …' : ''}”`;
}

export function coachWithoutAddressReason(round: number): string {
  return `Asked for a one-to-one with the coach (check-in ${round}), but there is no coach email in Settings: please pass it on, or fill in "Coach email" and it goes automatically.`;
}

export function checkInReviewReason(submissions: number): string {
  return `${submissions === 1 ? 'A check-in' : `${submissions} check-ins`} arrived without a valid personal code: ${submissions === 1 ? 'it counts' : 'they count'} for nobody. See the Needs review row in the CheckIns tab.`;
}

export function continuationReviewReason(answer: string, at: string): string {
  return `An answer to the continuation question (“${cleanText(answer, 40) || 'no answer'}”, ${at}) arrived without a valid personal code: it was not counted.`;
}

/**
 * Whether a pair keeps meeting after the programme, from both answers: Yes only when both said yes;
 * No as soon as one said no; Not sure while someone is unsure; '' while an answer is missing.
 */
export function continuesAfter(mentee: Continues, mentor: Continues): Continues {
  if (mentee === 'No' || mentor === 'No') return 'No';
  if (mentee === 'Yes' && mentor === 'Yes') return 'Yes';
  if (mentee === '' || mentor === '') return '';
  return 'Not sure';
}

/** Where a participant stands when the programme ends, for their thank-you. */
export type FinaleSituation =
  /** `continues`: the pair's answer to the continuation question (continuesAfter). */
  | { readonly kind: 'pairs'; readonly pairs: ReadonlyArray<{ otherName: string; continues: Continues }> }
  /** Their pairing ended during the year and they were not paired again. */
  | { readonly kind: 'ended early' }
  | { readonly kind: 'no mentee' }
  | { readonly kind: 'no mentor' };

/**
 * The `{{whatNext}}` sentence of the finale thank-you. Only a no ends a pairing outright: the scheme
 * lets a pair keep meeting when they agree it between them, so a pair still unsure (or that did not
 * answer) is told that the programme's part ends and that the choice is theirs.
 */
export function whatNext(situation: FinaleSituation): string {
  switch (situation.kind) {
    case 'pairs':
      return situation.pairs
        .map((p) => {
          if (p.continues === 'Yes')
            return `You and ${p.otherName} both said you would like to keep meeting: please arrange it between you.`;
          if (p.continues === 'No')
            return `Your mentoring pairing with ${p.otherName} ends here, with our thanks for all you have put into it.`;
          return `The programme's part in your mentoring pairing with ${p.otherName} ends here, with our thanks for all you have put into it. If you would both like to keep meeting, you are welcome to agree it between you.`;
        })
        .join(' ');
    case 'ended early':
      return 'Your mentoring pairing came to an end earlier in the year; thank you for all you gave to it, and to the programme.';
    case 'no mentee':
      return 'Although we could not pair you with a mentee this time, thank you for offering your time and for being part of the programme.';
    case 'no mentor':
      return 'Although we could not pair you with a mentor this time, thank you for being part of the programme.';
  }
}
