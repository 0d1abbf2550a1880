import { answers, click, formId, newCohort, rows, settings, setUp } from '../support/cohort';
import { recordDialogs } from './decisions.helpers';

describe('Applicants sign in with Google (requireSignIn)', () => {
  it('makes both forms collect a verified address, which then counts over the typed one', () => {
    const emulator = setUp(newCohort());
    expect(emulator.forms.data(formId(emulator, 'mentee'))!.collectEmail).toBe(false);
    const dialogs = recordDialogs(emulator);
    const said = () =>
      dialogs
        .splice(0)
        .map((d) => d.text)
        .join('\n');
    settings(emulator, { requireSignIn: 'TRUE' });
    click(emulator, 'Set up programme');
    expect(said()).toContain('sign in with Google on both forms');
    for (const role of ['mentor', 'mentee'] as const)
      expect(emulator.forms.data(formId(emulator, role))!).toMatchObject({
        collectEmail: true,
        emailCollection: 'VERIFIED',
      });
    // Applied once: another Set up programme costs no Forms call for it.
    const again = click(emulator, 'Set up programme');
    expect([...again.calls.keys()].filter((k) => k.includes('EmailCollection'))).toEqual([]);

    const submission = emulator.forms.submit(formId(emulator, 'mentee'), {
      ...answers('mentee', { name: 'Sam Jones', email: 'someone.else@example.org' }),
      'Email Address': 'sam.jones@example.org',
    });
    emulator.deliverFormSubmit(submission!);
    const [sam] = rows(emulator, 'Applicants');
    expect(sam).toMatchObject({ Name: 'Sam Jones', Email: 'sam.jones@example.org' });
    expect(String(sam!.Problems)).toContain(
      'different address from the one typed (someone.else@example.org)',
    );

    settings(emulator, { requireSignIn: 'FALSE' });
    click(emulator, 'Set up programme');
    expect(said()).toContain('no longer ask applicants to sign in');
    expect(emulator.forms.data(formId(emulator, 'mentee'))!.collectEmail).toBe(false);
  });
});
