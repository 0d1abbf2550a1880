import { parseContinues } from '../../../src/domain/keepInTouch/answers';
import { claimedBy, parseSide, parseSlot, slotId } from '../../../src/domain/keepInTouch/slots';
import { continuesAfter, noteReason, notMetReason, whatNext } from '../../../src/domain/keepInTouch/wording';

describe('continues after November', () => {
  it.each([
    ['Yes', 'Yes', 'Yes'],
    ['Yes', 'No', 'No'],
    ['No', '', 'No'],
    ['Yes', 'Not sure', 'Not sure'],
    ['Yes', '', ''],
    ['', '', ''],
  ] as const)('mentee %p, mentor %p: %p', (mentee, mentor, both) => {
    expect(continuesAfter(mentee, mentor)).toBe(both);
  });
});

describe('what next, in the finale thank-you', () => {
  it('tells a pair who both said yes to arrange it, and a pair where one said no that the pairing ends', () => {
    expect(
      whatNext({
        kind: 'pairs',
        pairs: [
          { otherName: 'Sam Lee', continues: 'Yes' },
          { otherName: 'Ann Jones', continues: 'No' },
        ],
      }),
    ).toBe(
      'You and Sam Lee both said you would like to keep meeting: please arrange it between you. Your mentoring pairing with Ann Jones ends here, with our thanks for all you have put into it.',
    );
  });

  it.each(['Not sure', ''] as const)(
    'leaves the choice to a pair whose answer is %p, as the scheme does',
    (continues) => {
      const text = whatNext({ kind: 'pairs', pairs: [{ otherName: 'Sam Lee', continues }] });
      expect(text).toBe(
        "The programme's part in your mentoring pairing with Sam Lee ends here, with our thanks for all you have put into it. If you would both like to keep meeting, you are welcome to agree it between you.",
      );
      expect(text).not.toMatch(/^Your mentoring pairing/);
    },
  );

  it('thanks those whose pairing ended early, and mentors who had no mentee', () => {
    expect(whatNext({ kind: 'ended early' })).toMatch(/came to an end earlier in the year/);
    expect(whatNext({ kind: 'no mentee' })).toMatch(/could not pair you with a mentee/);
  });
});

describe('the needs-attention list', () => {
  it('says how long a pair has gone without meeting, and when it was nudged', () => {
    expect(notMetReason(49, '2025-06-24')).toBe(
      'Not met 49 days after the introductions: neither has said so in a check-in since the nudge on Tuesday 24 June 2025.',
    );
  });

  it('quotes a note, cut short', () => {
    expect(noteReason('a'.repeat(400), 2)).toMatch(/^Asked the coordinator \(check-in 2\): “a{300} …”$/);
  });
});

describe('what a personal link stands for', () => {
  it('reads back a check-in slot and a pair side, and nothing else', () => {
    const slot = { personId: 'ME-004', partnerId: 'MR-012', round: 3 };
    expect(parseSlot(slotId(slot))).toEqual(slot);
    expect(parseSide('MR-012:ME-004')).toEqual({ personId: 'MR-012', partnerId: 'ME-004' });
    expect(parseSlot('ME-004:MR-012')).toBeNull();
    expect(parseSlot('=HYPERLINK(1):MR-1:1')).toBeNull();
    expect(claimedBy('ME-004:MR-012:3.guess')).toBe('ME-004:MR-012:3');
    expect(claimedBy('nothing')).toBe('');
  });
});

describe("a pair's continuation cell", () => {
  it.each([
    ['Yes', 'Yes'],
    [' yes ', 'Yes'],
    ['NO', 'No'],
    ['Not sure', 'Not sure'],
    ['not sure yet', 'Not sure'],
    ['', ''],
    ['maybe', ''],
    [42, ''],
  ] as const)('%p reads as %p', (cell, continues) => {
    expect(parseContinues(cell)).toBe(continues);
  });
});
