import { SubmissionRefused } from '../../../src/emulator/forms/FormModule';
import { inExecution, type ScriptFormApp, START, setup } from './helpers';

/** A published mentee form with each question type, linked to the active spreadsheet. */
function menteeForm(FormApp: ScriptFormApp, spreadsheetId: string) {
  const form = FormApp.create('Mentee application').setPublished(true);
  form
    .addTextItem()
    .setTitle('Email')
    .setRequired(true)
    .setValidation(
      FormApp.createTextValidation().requireTextIsEmail().setHelpText('An e-mail address').build(),
    );
  form.addSectionHeaderItem().setTitle('About you');
  form.addMultipleChoiceItem().setTitle('Nation').setChoiceValues(['England', 'Wales']).setRequired(true);
  form
    .addCheckboxItem()
    .setTitle('Needs')
    .setChoiceValues(['Careers', 'Research', 'Teaching'])
    .showOtherOption(true);
  form.addListItem().setTitle('Year').setChoiceValues(['1', '2', '3']);
  form.addScaleItem().setTitle('Confidence').setBounds(1, 5);
  form
    .addParagraphTextItem()
    .setTitle('Why')
    .setValidation(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(20).build());
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  return form;
}

const good = { Email: 'ann@example.org', Nation: 'Wales', Needs: ['Careers', 'Teaching'], Confidence: '4' };

describe('linking a form to a spreadsheet', () => {
  it('creates "Form Responses 1" first, with Timestamp and one column per question in form order', () => {
    const { rt, sheets, FormApp } = setup();
    const id = inExecution(rt, () => menteeForm(FormApp, 'ss-active').getId());
    const tab = sheets.active.sheets[0]!;
    expect(tab.name).toBe('Form Responses 1');
    expect(tab.rows[0]).toEqual(['Timestamp', 'Email', 'Nation', 'Needs', 'Year', 'Confidence', 'Why']);
    inExecution(rt, () => expect(FormApp.openById(id).getDestinationId()).toBe('ss-active'));
  });

  it('renames the header of a renamed question and adds a column at the right for a new one', () => {
    const { rt, sheets, FormApp } = setup();
    inExecution(rt, () => {
      const form = menteeForm(FormApp, 'ss-active');
      form.getItems()[0]!.setTitle('Email address');
      form.addTextItem().setTitle('Phone');
      form.addSectionHeaderItem().setTitle('The end');
      form.deleteItem(1); // "About you": a section header, never a column
    });
    expect(sheets.active.sheets[0]!.rows[0]).toEqual([
      'Timestamp',
      'Email address',
      'Nation',
      'Needs',
      'Year',
      'Confidence',
      'Why',
      'Phone',
    ]);
  });

  it('rejects an id that is not a spreadsheet', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('A');
      expect(() => form.setDestination(FormApp.DestinationType.SPREADSHEET, 'missing')).toThrow(
        'Invalid argument',
      );
    });
  });
});

describe('submit (host-side)', () => {
  it('appends the row: Date timestamp, text as typed, checkboxes joined, scale as a number, blanks', () => {
    const { rt, sheets, forms, FormApp } = setup();
    const id = inExecution(rt, () => menteeForm(FormApp, 'ss-active').getId());
    const at = rt.clock.now();
    forms.submit(id, good);
    const row = sheets.active.sheets[0]!.rows[1]!;
    expect(row[0]).toBeInstanceOf(Date);
    expect((row[0] as Date).getTime()).toBe(at);
    expect(row.slice(1)).toEqual(['ann@example.org', 'Wales', 'Careers, Teaching', '', 4, '']);
  });

  it('returns the spreadsheet onFormSubmit event with string values and namedValues', () => {
    const { rt, sheets, forms, FormApp } = setup();
    const id = inExecution(rt, () => menteeForm(FormApp, 'ss-active').getId());
    rt.clock.set(Date.UTC(2025, 3, 18, 14, 5, 9)); // 15:05:09 in London (BST)
    const submission = forms.submit(id, { ...good, Why: 'To learn' })!;
    expect(submission.spreadsheetId).toBe('ss-active');
    const e = submission.event;
    expect(e.authMode).toBe('FULL');
    expect(e.values).toEqual([
      '18/04/2025 15:05:09',
      'ann@example.org',
      'Wales',
      'Careers, Teaching',
      '',
      '4',
      'To learn',
    ]);
    expect(e.namedValues).toEqual({
      Timestamp: ['18/04/2025 15:05:09'],
      Email: ['ann@example.org'],
      Nation: ['Wales'],
      Needs: ['Careers, Teaching'],
      Year: [''],
      Confidence: ['4'],
      Why: ['To learn'],
    });
    expect(e.source).toBe(sheets.active);
    expect(e.range.getValues()).toEqual([sheets.active.sheets[0]!.rows[1]]);
  });

  it('refuses what the form UI would refuse', () => {
    const { rt, forms, FormApp } = setup();
    const id = inExecution(rt, () => menteeForm(FormApp, 'ss-active').getId());
    const refused = (answers: Record<string, string | string[]>, message: RegExp) =>
      expect(() => forms.submit(id, answers)).toThrow(message);
    refused({ ...good, Email: '' }, /"Email" .* is required/);
    refused({ ...good, Email: 'not-an-email' }, /validation email \(An e-mail address\)/);
    refused({ ...good, Nation: 'France' }, /"France" is not one of the choices/);
    refused({ ...good, Needs: ['Gardening', 'Cooking'] }, /not one of the choices/);
    refused({ ...good, Year: '4' }, /not one of the choices/);
    refused({ ...good, Confidence: '6' }, /whole number from 1 to 5/);
    refused({ ...good, Why: 'x'.repeat(21) }, /validation lengthAtMost/);
    refused({ ...good, Nation: ['Wales', 'England'] }, /takes one answer/);
    refused({ ...good, Unknown: 'x' }, /has no question "Unknown"/);
    expect(() => forms.submit(id, good)).not.toThrow();
    // One "Other:" answer is allowed where the option is shown.
    expect(() => forms.submit(id, { ...good, Needs: ['Careers', 'Gardening'] })).not.toThrow();
    expect(forms.data(id)?.responses).toHaveLength(2);
  });

  it('refuses an unpublished or closed form, with SubmissionRefused', () => {
    const { rt, forms, FormApp } = setup();
    const [draft, closed] = inExecution(rt, () => {
      const draft = FormApp.create('Draft');
      draft.addTextItem().setTitle('Q');
      const closed = FormApp.create('Closed').setPublished(true).setAcceptingResponses(false);
      return [draft.getId(), closed.getId()];
    });
    expect(() => forms.submit(draft!, { Q: 'a' })).toThrow(SubmissionRefused);
    expect(() => forms.submit(draft!, { Q: 'a' })).toThrow(/not published/);
    expect(() => forms.submit(closed!, {})).toThrow(/no longer accepting/);
  });

  it('with unchecked, lets any input reach the sheet (of a published form: even a hand-made POST needs that)', () => {
    const { rt, sheets, forms, FormApp } = setup();
    const id = inExecution(rt, () => menteeForm(FormApp, 'ss-active').getId());
    const s = forms.submit(
      id,
      { Email: 'junk', Nation: ['France', 'Spain'], Confidence: '99' },
      { unchecked: true },
    );
    expect(s?.event.values.slice(1)).toEqual(['junk', 'France, Spain', '', '', '99', '']);
    expect(sheets.active.sheets[0]!.rows[1]!.slice(1)).toEqual(['junk', 'France, Spain', '', '', 99, '']);
  });

  it('never lets a typed "=" run as a formula in the sheet, while the event keeps the text', () => {
    const { rt, sheets, forms, FormApp } = setup();
    const id = inExecution(rt, () => menteeForm(FormApp, 'ss-active').getId());
    const s = forms.submit(id, { ...good, Why: '=HYPERLINK("x")' });
    expect(s?.event.values[6]).toBe('=HYPERLINK("x")');
    expect(sheets.active.sheets[0]!.rows[1]![6]).toBe('\'=HYPERLINK("x")');
  });

  it('returns null for an unlinked form but keeps the response; FormResponse has the documented shapes', () => {
    const { rt, forms, FormApp } = setup();
    const id = inExecution(rt, () => {
      const form = menteeForm(FormApp, 'ss-active');
      form.removeDestination();
      return form.getId();
    });
    const submittedAt = rt.clock.now();
    expect(submittedAt).toBeGreaterThan(START);
    expect(forms.submit(id, good)).toBeNull();
    inExecution(rt, () => {
      const [response] = FormApp.openById(id).getResponses();
      expect(response!.getTimestamp().getTime()).toBe(submittedAt);
      const answers = response!.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]);
      expect(answers).toEqual([
        ['Email', 'ann@example.org'],
        ['Nation', 'Wales'],
        ['Needs', ['Careers', 'Teaching']],
        ['Confidence', '4'],
      ]);
      expect(response!.getRespondentEmail()).toBe('');
      expect(FormApp.openById(id).getResponses()).toHaveLength(1);
    });
  });

  it('on a new destination writes a new tab with earlier responses, leaving the old tab as it was', () => {
    const { rt, sheets, forms, FormApp } = setup();
    sheets.add('ss-other');
    const id = inExecution(rt, () => menteeForm(FormApp, 'ss-active').getId());
    forms.submit(id, good);
    inExecution(rt, () =>
      FormApp.openById(id).setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-other'),
    );
    const s = forms.submit(id, { ...good, Email: 'bob@example.org' });
    expect(s?.spreadsheetId).toBe('ss-other');
    expect(sheets.active.sheets[0]!.rows).toHaveLength(2);
    const other = sheets.byId('ss-other')!.sheets[0]!;
    expect(other.rows.map((r) => r[1])).toEqual(['Email', 'ann@example.org', 'bob@example.org']);
  });

  it('collects the respondent e-mail in an "Email Address" column when asked', () => {
    const { rt, sheets, forms, FormApp } = setup();
    const id = inExecution(rt, () => {
      const form = FormApp.create('E').setPublished(true).setCollectEmail(true);
      form.addTextItem().setTitle('Name');
      form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-active');
      return form.getId();
    });
    expect(() => forms.submit(id, { Name: 'Ann' })).toThrow(/Email Address/);
    forms.submit(id, { 'Email Address': 'ann@example.org', Name: 'Ann' });
    const tab = sheets.active.sheets[0]!;
    expect(tab.rows[0]).toEqual(['Timestamp', 'Email Address', 'Name']);
    expect(tab.rows[1]!.slice(1)).toEqual(['ann@example.org', 'Ann']);
    inExecution(rt, () =>
      expect(FormApp.openById(id).getResponses()[0]!.getRespondentEmail()).toBe('ann@example.org'),
    );
  });
});
