import { trimmedText } from '../text';

/**
 * What a personal link in the keep-in-touch emails stands for. A check-in link is for one person,
 * about one partner, for one round ('ME-004:MR-001:2'); a continuation link for one person about one
 * partner ('ME-004:MR-001'). The personal code signs exactly this, so an answer lands on the right
 * row even when a mentor has two mentees, or a mentee's second pair starts its rounds again at 1.
 *
 * @example
 * slotId({ personId: 'ME-004', partnerId: 'MR-001', round: 2 }) // 'ME-004:MR-001:2'
 * parseSlot('ME-004:MR-001:2')                                 // { personId: 'ME-004', partnerId: 'MR-001', round: 2 }
 */
export interface CheckInSlot {
  readonly personId: string;
  readonly partnerId: string;
  readonly round: number;
}

export interface PairSide {
  readonly personId: string;
  readonly partnerId: string;
}

const ID = '[A-Z]{2}-\\d{1,6}';
const SLOT = new RegExp(`^(${ID}):(${ID}):(\\d{1,3})$`);
const SIDE = new RegExp(`^(${ID}):(${ID})$`);

export const slotId = (s: CheckInSlot): string => `${s.personId}:${s.partnerId}:${s.round}`;
export const sideId = (s: PairSide): string => `${s.personId}:${s.partnerId}`;

export function parseSlot(text: unknown): CheckInSlot | null {
  const m = SLOT.exec(trimmedText(text));
  return m ? { personId: m[1]!, partnerId: m[2]!, round: Number(m[3]) } : null;
}

export function parseSide(text: unknown): PairSide | null {
  const m = SIDE.exec(trimmedText(text));
  return m ? { personId: m[1]!, partnerId: m[2]! } : null;
}

/**
 * What a code that failed its check claims to be (the part before the signature), so that a guess
 * at someone's link is shown against them for review; '' when it claims nothing readable.
 */
export function claimedBy(code: unknown): string {
  const text = trimmedText(code);
  const dot = text.lastIndexOf('.');
  return dot > 0 ? text.slice(0, dot) : '';
}
