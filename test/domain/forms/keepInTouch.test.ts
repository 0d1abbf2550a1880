import { checkInForm, continuationForm } from '../../../src/domain/forms/keepInTouch';
import { formSpecSchema, itemByKey, PERSONAL_CODE_TITLE } from '../../../src/domain/forms/spec';

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
