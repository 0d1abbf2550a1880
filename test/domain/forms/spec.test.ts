import { CHECK_IN_ITEMS, CONTINUATION_ITEMS } from '../../../src/domain/forms/keepInTouch';
import {
  applicationForm,
  choicesForm,
  choicesFormItems,
  formSpecSchema,
  itemByKey,
  mentorIdForOption,
  mentorOptions,
  profileText,
} from '../../../src/domain/forms/spec';
import { PROSE } from '../../../src/domain/prose';
import { AREAS, NATIONS } from '../../../src/domain/scheme';

const mentors = [
  { id: 'M1', name: 'Siân ap Dafydd', libraryService: 'Cardiff Libraries' },
  { id: 'M2', name: 'Sam Lee', libraryService: 'Leeds Libraries, Arts and Heritage' },
  { id: 'M3', name: 'Sam Lee', libraryService: 'Leeds Libraries, Arts and Heritage' },
];

describe('application forms', () => {
  it.each(['mentor', 'mentee'] as const)(
    'the %s form passes its own schema, with its words from the prose',
    (role) => {
      const form = applicationForm(role, { words: PROSE.forms[role] });
      expect(formSpecSchema.safeParse(form).success).toBe(true);
      expect(form.key).toBe(role);
      expect(form.description).toMatch(/not as both/);
      expect(form.description).toMatch(/18 April 2025/);
      expect(form.confirmationMessage).toBe(
        `Thank you for applying to be a ${role}. We have sent a confirmation to your email address.`,
      );
      expect(itemByKey(form, 'email').helpText).toBe(
        'We will send everything about the scheme to this address.',
      );
    },
  );

  it.each(['mentor', 'mentee'] as const)(
    'the %s form to read answers by has the same questions, without the words',
    (role) => {
      const reading = applicationForm(role);
      const making = applicationForm(role, { words: PROSE.forms[role] });
      expect(formSpecSchema.safeParse(reading).success).toBe(true);
      expect(reading.items.map(({ helpText: _, ...item }) => item)).toEqual(
        making.items.map(({ helpText: _, ...item }) => item),
      );
      expect(reading.items.every((item) => item.helpText === undefined)).toBe(true);
    },
  );

  it('has help in the prose only for questions the forms ask, and a thank-you for every form', () => {
    const asked = {
      mentor: applicationForm('mentor').items,
      mentee: applicationForm('mentee').items,
      choices: choicesFormItems(['Ann Lee — Kent']),
      'check-in': CHECK_IN_ITEMS,
      continuation: CONTINUATION_ITEMS,
    };
    for (const [form, items] of Object.entries(asked)) {
      const words = PROSE.forms[form as keyof typeof asked];
      expect(items.map((i) => i.key)).toEqual(expect.arrayContaining(Object.keys(words.help)));
      expect(words.confirmation.trim()).not.toBe('');
    }
  });

  it('records ineligible nations rather than blocking them', () => {
    const nation = itemByKey(applicationForm('mentee'), 'nation');
    expect(nation.type).toBe('multipleChoice');
    expect(nation.choices).toEqual([...NATIONS, 'Other / outside these nations']);
  });

  it('asks mentors for expertise and capacity, mentees for needs', () => {
    const mentor = applicationForm('mentor');
    const mentee = applicationForm('mentee');
    expect(itemByKey(mentor, 'areas').title).toMatch(/offer/);
    expect(itemByKey(mentee, 'areas').title).toMatch(/like help/);
    expect(itemByKey(mentor, 'areas').choices).toEqual([...AREAS]);
    expect(itemByKey(mentor, 'capacity')).toMatchObject({
      type: 'scale',
      bounds: { low: 1, high: 3 },
      required: true,
    });
    expect(mentee.items.some((i) => i.key === 'capacity')).toBe(false);
  });

  it('makes data consent required and evaluation consent voluntary', () => {
    const form = applicationForm('mentee');
    expect(itemByKey(form, 'consentData')).toMatchObject({ required: true, choices: ['I agree'] });
    expect(itemByKey(form, 'consentEvaluation').required).toBe(false);
    expect(itemByKey(form, 'email').validation).toBe('email');
    expect(itemByKey(form, 'responsibility')).toMatchObject({ type: 'paragraph', required: false });
  });

  it('takes another programme name and deadline', () => {
    const form = applicationForm('mentor', { programmeName: 'Scheme 2026', deadlineText: '17 April 2026' });
    expect(form.title).toBe('Scheme 2026: apply as a mentor');
    expect(form.description).toMatch(/17 April 2026/);
  });
});

describe('formSpecSchema rejects specs that would break the form or its columns', () => {
  const good = applicationForm('mentee');
  const withItem = (patch: object, index = 0) => ({
    ...good,
    items: good.items.map((item, i) => (i === index ? { ...item, ...patch } : item)),
  });
  it.each([
    ['duplicate titles', withItem({ title: 'Your library service' }, 0)],
    ['duplicate keys', withItem({ key: 'email' }, 0)],
    ['a list without choices', withItem({ type: 'list' }, 0)],
    ['choices on a text item', withItem({ choices: ['a'] }, 0)],
    ['repeated choices', withItem({ choices: ['Wales', 'Wales'] }, 3)],
    ['a scale without bounds', withItem({ type: 'scale' }, 0)],
    ['scale bounds outside Apps Script limits', withItem({ type: 'scale', bounds: { low: 1, high: 11 } }, 0)],
    ['email validation on a paragraph', withItem({ type: 'paragraph', validation: 'email' }, 0)],
    ['an empty title', withItem({ title: '  ' }, 0)],
    ['an "Other" option on a list', withItem({ type: 'list', otherOption: true }, 3)],
    ['no items', { ...good, items: [] }],
  ])('%s', (_name, spec) => {
    expect(formSpecSchema.safeParse(spec).success).toBe(false);
  });
});

describe('choices form', () => {
  it('lists every mentor as "name — library service", unique', () => {
    const form = choicesForm(mentors);
    expect(formSpecSchema.safeParse(form).success).toBe(true);
    const first = itemByKey(form, 'choice1');
    expect(first.type).toBe('list');
    expect(first.choices).toEqual([
      'Siân ap Dafydd — Cardiff Libraries',
      'Sam Lee — Leeds Libraries, Arts and Heritage (M2)',
      'Sam Lee — Leeds Libraries, Arts and Heritage (M3)',
    ]);
    expect(form.items.map((i) => i.key)).toEqual(['code', 'email', 'choice1', 'choice2', 'choice3', 'note']);
  });

  it('maps each label back to its mentor', () => {
    for (const option of mentorOptions(mentors))
      expect(mentorIdForOption(option.label, mentors)).toBe(option.id);
    expect(mentorIdForOption('  Siân ap Dafydd —  Cardiff Libraries ', mentors)).toBe('M1');
    expect(mentorIdForOption('Nobody — Nowhere', mentors)).toBeNull();
  });

  it('refuses to build with no mentors', () => {
    expect(() => choicesForm([])).toThrow('no selected mentors');
  });
});

describe('mentor profiles', () => {
  const profile = {
    id: 'M1',
    name: 'Siân ap Dafydd',
    libraryService: 'Cardiff Libraries',
    currentRole: 'Head of Libraries',
    areas: ['Budgeting', 'Restructures'],
    statement: 'I have led two restructures.',
    consent: true,
  };

  it('shows the role, the areas and their own words, cut to a short read', () => {
    const text = profileText(profile);
    expect(text).toContain('Head of Libraries');
    expect(text).toContain('Can help with: budgeting, restructures.');
    expect(text).toContain('I have led two restructures.');
    const long = profileText({ ...profile, statement: 'x'.repeat(2000) });
    expect(long.length).toBeLessThan(900);
    expect(long).toContain('…');
  });

  it('shows nothing of the application without consent, in words true before and after the launch', () => {
    const text = profileText({ ...profile, consent: false });
    expect(text).not.toContain('Head of Libraries');
    expect(text).not.toContain('restructures');
    expect(text).not.toMatch(/launch/i);
  });
});
