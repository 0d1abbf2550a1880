import { renderPreview } from '../../../src/emulator/forms/preview';
import { inExecution, setup } from './helpers';

/** A published form that collects email, with an email-validated question and a response. */
function previewOf(options: { published: boolean; accepting: boolean }): string {
  const { rt, forms, FormApp } = setup();
  const id = inExecution(rt, () => {
    const form = FormApp.create('Apply').setTitle('Apply as a mentor').setPublished(options.published);
    form.setDescription('Tell us about your work.').setCollectEmail(true);
    form
      .addTextItem()
      .setTitle('Your work email address')
      .setRequired(true)
      .setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
    form.addParagraphTextItem().setTitle('Why do you want to take part?').setHelpText('A few sentences.');
    form.setAcceptingResponses(true);
    return form.getId();
  });
  if (options.published)
    forms.submit(id, { 'Email Address': 'ann@example.org', 'Your work email address': 'ann@example.org' });
  inExecution(rt, () => FormApp.openById(id).setAcceptingResponses(options.accepting));
  return renderPreview(forms.data(id)!);
}

describe('the form preview (forms/*.html)', () => {
  it('shows what an applicant sees: title, description, questions, the required mark in Google’s words', () => {
    const html = previewOf({ published: true, accepting: true });
    expect(html).toContain('<h1>Apply as a mentor</h1>');
    expect(html).toContain('Tell us about your work.');
    expect(html).toContain('Why do you want to take part?');
    expect(html).toContain('A few sentences.');
    expect(html).toContain('* Indicates required question');
    // An email validation shows as the field's kind, as a browser checks it, not as a note.
    expect(html).toMatch(
      /<legend>Your work email address <span class="required"[^>]*>\*<\/span><\/legend>\s*<input type="email"/,
    );
  });

  it.each([
    { published: true, accepting: true },
    { published: false, accepting: false },
  ])('says nothing of Cohort’s or the coordinator’s (%o)', (options) => {
    const html = previewOf(options);
    for (const internal of [
      /validation/i,
      /published/i,
      /accepting/i,
      /closed/i,
      /response\(s\)|responses?\b/i,
      /respondent link/i,
      /viewform/,
    ])
      expect(html).not.toMatch(internal);
  });
});
