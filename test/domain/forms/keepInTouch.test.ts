import fc from 'fast-check';
import { checkInForm, continuationForm } from '../../../src/domain/forms/keepInTouch';
import { formSpecSchema, itemByKey, PERSONAL_CODE_TITLE } from '../../../src/domain/forms/spec';
import { PROSE } from '../../../src/domain/prose';

describe('the keep-in-touch forms', () => {
  it('the check-in asks four questions after the personal code, and names who to turn to', () => {
    const form = checkInForm({ programmeName: 'Scheme', support: 'Talk to Ann.' });
    expect(formSpecSchema.safeParse(form).success).toBe(true);
    expect(form.items.map((i) => i.key)).toEqual(['code', 'met', 'rating', 'note', 'coach']);
    expect(form.items[0]!.title).toBe(PERSONAL_CODE_TITLE);
    expect(itemByKey(form, 'rating')).toMatchObject({
      type: 'scale',
      bounds: { low: 1, high: 5 },
      labels: { low: 'Not well', high: 'Very well' },
    });
    expect(itemByKey(form, 'note').required).toBe(false);
    expect(form.description).toContain('Talk to Ann.');
  });

  it('both forms are well made, with and without their words, under any programme name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.boolean(), (name, withWords) => {
        const programmeName = name.trim() || 'Scheme';
        const check = checkInForm({ programmeName, words: withWords ? PROSE.forms['check-in'] : undefined });
        const after = continuationForm({
          programmeName,
          words: withWords ? PROSE.forms.continuation : undefined,
        });
        expect(formSpecSchema.safeParse(check).issues).toBeUndefined();
        expect(formSpecSchema.safeParse(after).issues).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('the continuation form asks one question: yes, no or not sure', () => {
    const form = continuationForm();
    expect(form.items.map((i) => i.key)).toEqual(['code', 'continues']);
    expect(itemByKey(form, 'continues').choices).toEqual(['Yes', 'No', 'Not sure yet']);
  });

  it('scale labels go with scale items only', () => {
    const form = checkInForm();
    const bad = { ...form, items: [{ ...itemByKey(form, 'note'), labels: { low: 'a', high: 'b' } }] };
    expect(formSpecSchema.safeParse(bad).success).toBe(false);
  });
});
